package io.inventdedup.audit;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.inventdedup.policy.Exclusion;
import io.inventdedup.policy.MergePolicy;

/**
 * One row of {@code dedup_audit}: one group of one run, as what the run planned for it and what
 * became of that plan. A column of the table is a component of one of the two, read and written by
 * name in {@link AuditRows}.
 *
 * @param plan what the run planned for the group, fixed once the row is written
 * @param outcome where the group stands, moved on by each execution that acts on it
 */
public record AuditRecord(Plan plan, Outcome outcome) {

	/**
	 * What a run planned for a group.
	 *
	 * @param jobInstanceId the run
	 * @param orgId the organization
	 * @param groupKey the group's stable key, derived from its member ids
	 * @param dryRun whether the run sends merges
	 * @param survivorId the contact that stays, when the policy chose one
	 * @param sourceIds the contacts planned to be merged into the survivor
	 * @param excluded the contacts the policy kept out, with why
	 * @param listedGroup the group as the API listed it (JSON)
	 * @param policy the policy in force (JSON)
	 * @param plannedUpdate the PATCH body the plan calls for after the merge (JSON), or null
	 * @param decided the decision of a person that the merge carries out, or null
	 */
	public record Plan(long jobInstanceId, String orgId, String groupKey, boolean dryRun, @Nullable String survivorId,
			List<String> sourceIds, List<Exclusion> excluded, String listedGroup, String policy,
			@Nullable String plannedUpdate, @Nullable DecidedGroup decided) {

		public Plan {
			sourceIds = List.copyOf(sourceIds);
			excluded = List.copyOf(excluded);
		}

	}

	/**
	 * A group of a run that a person decided on.
	 *
	 * @param run the run that recorded it
	 * @param groupKey its key in that run
	 */
	public record DecidedGroup(long run, String groupKey) {
	}

	/**
	 * What became of a run's plan for a group.
	 *
	 * @param jobExecutionId the execution of the run that wrote the row last
	 * @param status where the group stands
	 * @param reason a stable code for every SKIPPED and FAILED row
	 * @param mergedIds the contacts the API confirmed as merged
	 * @param detail what an operator needs to understand the reason
	 * @param httpStatus the status of the API's answer that decided a FAILED row
	 * @param error what went wrong, for an operator
	 * @param followUp what became of the planned PATCH, or null when nothing is planned or the run is dry
	 */
	public record Outcome(long jobExecutionId, AuditStatus status, @Nullable String reason, List<String> mergedIds,
			@Nullable String detail, @Nullable Integer httpStatus, @Nullable String error,
			@Nullable FollowUpRecord followUp) {

		public Outcome {
			mergedIds = List.copyOf(mergedIds);
		}

		/** The outcome of a group just planned: nothing merged, no answer yet. */
		public static Outcome planned(long jobExecutionId, AuditStatus status, @Nullable String reason,
				@Nullable String detail, @Nullable FollowUpRecord followUp) {
			return new Outcome(jobExecutionId, status, reason, List.of(), detail, null, null, followUp);
		}

		Outcome by(long jobExecutionId) {
			return new Outcome(jobExecutionId, this.status, this.reason, this.mergedIds, this.detail, this.httpStatus,
					this.error, this.followUp);
		}

		Outcome moved(AuditStatus status, @Nullable String reason, List<String> mergedIds, @Nullable String detail,
				@Nullable Integer httpStatus, @Nullable String error) {
			return new Outcome(this.jobExecutionId, status, reason, mergedIds, detail, httpStatus, error, this.followUp);
		}

		Outcome with(@Nullable FollowUpRecord followUp) {
			return new Outcome(this.jobExecutionId, this.status, this.reason, this.mergedIds, this.detail,
					this.httpStatus, this.error, followUp);
		}

	}

	/**
	 * Whether a resumed execution tries the group again: a merge that failed, nothing of it applied,
	 * for a cause outside the group that the run stopped for and that may be fixed now (a refused
	 * token, the API unreachable).
	 */
	public boolean retriedOnResume() {
		return this.outcome.status() == AuditStatus.FAILED && this.outcome.mergedIds().isEmpty()
				&& ("unauthorized".equals(this.outcome.reason()) || "api-unavailable".equals(this.outcome.reason()));
	}

	/** This row, taken up again by another execution of the run. */
	public AuditRecord resumedBy(long jobExecutionId) {
		return new AuditRecord(this.plan, this.outcome.by(jobExecutionId));
	}

	/** This row, moved on to a final status. */
	public AuditRecord completed(AuditStatus status, @Nullable String reason, List<String> mergedIds,
			@Nullable Integer httpStatus, @Nullable String error) {
		return new AuditRecord(this.plan,
				this.outcome.moved(status, reason, mergedIds, this.outcome.detail(), httpStatus, error));
	}

	/**
	 * This row, UNSETTLED: its merge's answer was lost and could not be settled.
	 * @param mergedIds the sources confirmed merged by the calls before the lost one
	 * @param detail what looking the contacts up found
	 * @param error the lost call's last failure
	 */
	public AuditRecord unsettled(List<String> mergedIds, String detail, String error) {
		return new AuditRecord(this.plan,
				this.outcome.moved(AuditStatus.UNSETTLED, "merge-unconfirmed", mergedIds, detail, null, error));
	}

	/**
	 * The sources of the call whose answer was lost, for an UNSETTLED row: the calls go out
	 * {@value MergePolicy#MAX_SOURCES_PER_CALL} sources at a time, in order, and stop at the lost one,
	 * so it is the call after those merged.
	 */
	public List<String> unsettledIds() {
		List<String> sources = this.plan.sourceIds();
		int from = Math.min(this.outcome.mergedIds().size(), sources.size());
		return sources.subList(from, Math.min(from + MergePolicy.MAX_SOURCES_PER_CALL, sources.size()));
	}

	/**
	 * This UNSETTLED row once its lost call turned out applied: MERGED when that call was the
	 * group's last, else FAILED {@code partially-merged} (the calls after it were never sent).
	 */
	public AuditRecord lostCallApplied() {
		List<String> merged = new ArrayList<>(this.outcome.mergedIds());
		merged.addAll(unsettledIds());
		int notSent = this.plan.sourceIds().size() - merged.size();
		if (notSent > 0) {
			return completed(AuditStatus.FAILED, "partially-merged", merged, null,
					"the merge stopped at a call whose answer was lost; that call was applied, the " + notSent
							+ " sources after it were never sent");
		}
		return completed(AuditStatus.MERGED, null, merged, null, null);
	}

	/** This row, with this detail. */
	public AuditRecord withDetail(String detail) {
		return new AuditRecord(this.plan, this.outcome.moved(this.outcome.status(), this.outcome.reason(),
				this.outcome.mergedIds(), detail, this.outcome.httpStatus(), this.outcome.error()));
	}

	/** This row, with what became of its follow-up update. */
	public AuditRecord withFollowUp(FollowUpRecord followUp) {
		return new AuditRecord(this.plan, this.outcome.with(followUp));
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
