package io.inventdedup.audit;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * {@code --settle ID KEY merged|not-merged --reason=TEXT}: the last resort for a merge whose answer
 * was lost and that the API cannot settle (no channel to search by, the lookups refused). An
 * operator checks the contacts in Invent and records what they found, with who and why; the run's
 * next execution (the same command) then completes. Only an UNSETTLED row of a run that is not in
 * progress can be settled; anything else changes nothing and exits 2.
 */
class SettleCommand {

	private final AuditRepository audit;

	private final PrintStream out;

	private final PrintStream err;

	SettleCommand(AuditRepository audit, PrintStream out, PrintStream err) {
		this.audit = audit;
		this.out = out;
		this.err = err;
	}

	int settle(long jobExecutionId, String groupKey, boolean merged, String reason, String by) {
		Optional<AuditRecord> found = this.audit.findByExecution(jobExecutionId, groupKey);
		if (found.isEmpty()) {
			this.err.println("The run of job execution " + jobExecutionId + " has no group " + groupKey
					+ " (or there is no such execution): its group keys are in --report " + jobExecutionId
					+ " --csv=FILE; nothing was changed");
			return 2;
		}
		AuditRecord row = found.get();
		if (row.status() != AuditStatus.UNSETTLED) {
			this.err.println("Group " + groupKey + " of run " + row.jobInstanceId() + " is " + row.status()
					+ ", not UNSETTLED: there is nothing to settle; nothing was changed");
			return 2;
		}
		if (this.audit.runInProgress(row.jobInstanceId())) {
			this.err.println("Run " + row.jobInstanceId() + " is in progress (or was left unfinished by a process "
					+ "that died: run its command once): settle its groups once it ended; nothing was changed");
			return 2;
		}
		AuditRecord settled = merged ? asMerged(row) : asNotMerged(row);
		settled = settled.withDetail("settled by hand as " + (merged ? "merged" : "not merged") + " by " + by + ": "
				+ reason + " (the job had found: " + row.detail() + ")");
		if (!this.audit.settle(settled, by, reason)) {
			this.err.println("Group " + groupKey + " was settled meanwhile; nothing was changed");
			return 2;
		}
		this.out.printf("Settled group %s of run %d as %s: now %s%s, merged %s into %s.%n", groupKey,
				row.jobInstanceId(), merged ? "merged" : "not merged", settled.status(),
				(settled.reason() != null) ? " (" + settled.reason() + ")" : "", settled.mergedIds(), row.survivorId());
		this.out.println("Run the run's command again to complete it"
				+ ((settled.followUp() != null) ? " (it sends the follow-up update planned for the survivor)" : ""));
		return 0;
	}

	/** Every source of the lost call merged; a MERGED row's planned follow-up is due. */
	private static AuditRecord asMerged(AuditRecord row) {
		AuditRecord done = row.lostCallApplied();
		return (done.status() == AuditStatus.MERGED && row.plannedUpdate() != null && !row.dryRun())
				? done.withFollowUp(AuditRecord.FollowUpRecord.PENDING) : done;
	}

	private static AuditRecord asNotMerged(AuditRecord row) {
		return row.completed(AuditStatus.FAILED, row.mergedIds().isEmpty() ? "not-merged" : "partially-merged",
				row.mergedIds(), null, row.error());
	}

}
