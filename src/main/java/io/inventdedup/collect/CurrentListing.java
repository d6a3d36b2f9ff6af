package io.inventdedup.collect;

import java.time.Instant;

/**
 * The listing of a run that its merges act on.
 *
 * @param number the listing's number in the run (1, 2, ...)
 * @param startedAt when it began: every group it holds was listed then or later
 */
public record CurrentListing(int number, Instant startedAt) {
}
