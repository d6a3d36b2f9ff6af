package io.inventdedup.audit;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.inventdedup.policy.Exclusion;
import io.inventdedup.policy.MergePolicy;

/**
 * One row of {@code dedup_audit}: one group of one run.
 *
 * @param jobInstanceId the run
 * @param jobExecutionId the execution of the run that wrote the row last
 * @param orgId the organization
 * @param groupKey the group's stable key, derived from its member ids
 * @param dryRun whether the run sends merges
 * @param status where the group stands
 * @param reason a stable code for every SKIPPED and FAILED row
 * @param survivorId the contact that stays, when the policy chose one
 * @param sourceIds the contacts planned to be merged into the survivor
 * @param mergedIds the contacts the API confirmed as merged
 * @param excluded the contacts the policy kept out, with why
 * @param detail what an operator needs to understand the reason
 * @param httpStatus the status of the API's answer that decided a FAILED row
 * @param error what went wrong, for an operator
 * @param listedGroup the group as the API listed it (JSON)
 * @param policy the policy in force (JSON)
 * @param plannedUpdate the PATCH body the plan calls for after the merge (JSON), or null
 * @param followUp what became of that PATCH, or null when nothing is planned or the run is dry
 */
public record AuditRecord(long jobInstanceId, long jobExecutionId, String orgId, String groupKey, boolean dryRun,
		AuditStatus status, @Nullable String reason, @Nullable String survivorId, List<String> sourceIds,
		List<String> mergedIds, List<Exclusion> excluded, @Nullable String detail, @Nullable Integer httpStatus, @Nullable String error,
		String listedGroup, String policy, @Nullable String plannedUpdate, @Nullable FollowUpRecord followUp) {

	public AuditRecord {
		sourceIds = List.copyOf(sourceIds);
		mergedIds = List.copyOf(mergedIds);
		excluded = List.copyOf(excluded);
	}

	/** This row, taken up again by another execution of the run. */
	/**
	 * Whether a resumed execution tries the group again: a merge that failed, nothing of it applied,
	 * for a cause outside the group that the run stopped for and that may be fixed now (a refused
	 * token, the API unreachable).
	 */
	public boolean retriedOnResume() {
		return this.status == AuditStatus.FAILED && this.mergedIds.isEmpty()
				&& ("unauthorized".equals(this.reason) || "api-unavailable".equals(this.reason));
	}

	public AuditRecord resumedBy(long jobExecutionId) {
		return new AuditRecord(this.jobInstanceId, jobExecutionId, this.orgId, this.groupKey, this.dryRun, this.status,
				this.reason, this.survivorId, this.sourceIds, this.mergedIds, this.excluded, this.detail,
				this.httpStatus, this.error, this.listedGroup, this.policy, this.plannedUpdate, this.followUp);
	}

	/** This row, moved on to a final status. */
	public AuditRecord completed(AuditStatus status, @Nullable String reason, List<String> mergedIds,
			@Nullable Integer httpStatus, @Nullable String error) {
		return new AuditRecord(this.jobInstanceId, this.jobExecutionId, this.orgId, this.groupKey, this.dryRun, status,
				reason, this.survivorId, this.sourceIds, mergedIds, this.excluded, this.detail, httpStatus, error,
				this.listedGroup, this.policy, this.plannedUpdate, this.followUp);
	}

	/**
	 * This row, UNSETTLED: its merge's answer was lost and could not be settled.
	 * @param mergedIds the sources confirmed merged by the calls before the lost one
	 * @param detail what looking the contacts up found
	 * @param error the lost call's last failure
	 */
	public AuditRecord unsettled(List<String> mergedIds, String detail, String error) {
		return new AuditRecord(this.jobInstanceId, this.jobExecutionId, this.orgId, this.groupKey, this.dryRun,
				AuditStatus.UNSETTLED, "merge-unconfirmed", this.survivorId, this.sourceIds, mergedIds, this.excluded,
				detail, null, error, this.listedGroup, this.policy, this.plannedUpdate, this.followUp);
	}

	/**
	 * The sources of the call whose answer was lost, for an UNSETTLED row: the calls go out
	 * {@value MergePolicy#MAX_SOURCES_PER_CALL} sources at a time, in order, and stop at the lost one,
	 * so it is the call after those merged.
	 */
	public List<String> unsettledIds() {
		int from = Math.min(this.mergedIds.size(), this.sourceIds.size());
		return this.sourceIds.subList(from, Math.min(from + MergePolicy.MAX_SOURCES_PER_CALL, this.sourceIds.size()));
	}

	/**
	 * This UNSETTLED row once its lost call turned out applied: MERGED when that call was the
	 * group's last, else FAILED {@code partially-merged} (the calls after it were never sent).
	 */
	public AuditRecord lostCallApplied() {
		List<String> merged = new ArrayList<>(this.mergedIds);
		merged.addAll(unsettledIds());
		if (merged.size() < this.sourceIds.size()) {
			return completed(AuditStatus.FAILED, "partially-merged", merged, null,
					"the merge stopped at a call whose answer was lost; that call was applied, the "
							+ (this.sourceIds.size() - merged.size()) + " sources after it were never sent");
		}
		return completed(AuditStatus.MERGED, null, merged, null, null);
	}

	/** This row, with this detail. */
	public AuditRecord withDetail(String detail) {
		return new AuditRecord(this.jobInstanceId, this.jobExecutionId, this.orgId, this.groupKey, this.dryRun,
				this.status, this.reason, this.survivorId, this.sourceIds, this.mergedIds, this.excluded, detail,
				this.httpStatus, this.error, this.listedGroup, this.policy, this.plannedUpdate, this.followUp);
	}

	/** This row, with what became of its follow-up update. */
	public AuditRecord withFollowUp(FollowUpRecord followUp) {
		return new AuditRecord(this.jobInstanceId, this.jobExecutionId, this.orgId, this.groupKey, this.dryRun,
				this.status, this.reason, this.survivorId, this.sourceIds, this.mergedIds, this.excluded, this.detail,
				this.httpStatus, this.error, this.listedGroup, this.policy, this.plannedUpdate, followUp);
	}

	/**
	 * What became of a follow-up update.
	 *
	 * @param status PENDING, SENT, NOT_NEEDED or FAILED
	 * @param sent the body sent (JSON), or null
	 * @param httpStatus the status of a failed answer, or null
	 * @param error what went wrong, or null
	 */
	public record FollowUpRecord(FollowUpStatus status, @Nullable String sent, @Nullable Integer httpStatus,
			@Nullable String error) {

		public static final FollowUpRecord PENDING = new FollowUpRecord(FollowUpStatus.PENDING, null, null, null);

	}

}
