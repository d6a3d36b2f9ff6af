package io.inventdedup.collect;

import java.time.Duration;

/**
 * What the collect step works with, bound once by the job from the run's parameters
 * ({@code run.RunParameters}) and settings, so that the step spells no job parameter's name.
 *
 * @param orgId the organization whose duplicate groups are listed
 * @param dryRun a dry run sends nothing: it reads the whole listing at once
 * @param maxListingAge {@code dedup.merge.max-listing-age}: a window holds what can be merged within it
 * @param requestsPerMinute {@code invent.api.rate-limit-per-minute}, the pace a window is sized at
 */
public record CollectRun(String orgId, boolean dryRun, Duration maxListingAge, int requestsPerMinute) {
}
