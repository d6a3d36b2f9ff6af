package io.inventdedup.merge;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.inventdedup.policy.MergePolicy;

/**
 * What the merge step and the steps after it work with: the run's parameters and settings, bound
 * once by the job ({@code run.RunParameters}), so that no step spells a job parameter's name.
 *
 * @param orgId the organization
 * @param dryRun whether merges are only recorded as PLANNED
 * @param policy the merge policy
 * @param maxMerges how many groups this run may merge at most (0: no cap)
 * @param concurrency how many merges are in flight at once
 * @param policyJson the policy as recorded on every audit row
 * @param plan the job execution id of the dry run this run applies, or null
 * @param approvalsFor how long a person's approval of a queued group holds ({@code dedup.plan-max-age})
 */
public record MergeRun(String orgId, boolean dryRun, MergePolicy policy, long maxMerges, int concurrency,
		String policyJson, @Nullable Long plan, Duration approvalsFor) {
}
