package io.inventdedup.merge;

/** Too many merges of this run failed: the run stops rather than failing group after group. */
class FailureShareExceededException extends RuntimeException {

	FailureShareExceededException(String orgId, long failed, long tried, double maxShare) {
		super(String.format(
				"%d of the %d merges this execution tried in org %s failed, more than dedup.merge.max-failure-share %.0f%%: "
						+ "stopping. Review the FAILED rows (reason, http_status, error), fix the cause, then re-run "
						+ "the same command to resume",
				failed, tried, orgId, maxShare * 100));
	}

}
