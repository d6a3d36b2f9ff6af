package io.inventdedup.collect;

/**
 * What the collect step works with, bound once by the job from the run's parameters
 * ({@code run.RunParameters}), so that the step spells no job parameter's name.
 *
 * @param orgId the organization whose duplicate groups are listed
 */
public record CollectRun(String orgId) {
}
