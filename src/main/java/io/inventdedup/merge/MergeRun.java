package io.inventdedup.merge;

import io.inventdedup.policy.MergePolicy;

/**
 * What the merge step of a run works with, read from the run's job parameters.
 *
 * @param orgId the organization
 * @param dryRun whether merges are only recorded as PLANNED
 * @param policy the merge policy
 * @param maxMerges how many groups this run may merge at most (0: no cap)
 * @param concurrency how many merges are in flight at once
 * @param policyJson the policy as recorded on every audit row
 */
public record MergeRun(String orgId, boolean dryRun, MergePolicy policy, long maxMerges, int concurrency,
		String policyJson) {
}
