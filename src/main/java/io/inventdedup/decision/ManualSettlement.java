package io.inventdedup.decision;

import java.util.Optional;

import io.inventdedup.audit.AuditRecord;
import io.inventdedup.audit.AuditRepository;
import io.inventdedup.audit.AuditStatus;
import io.inventdedup.audit.RunLookups;

/**
 * The rules of settling by hand a merge whose answer was lost and that the API cannot settle (no
 * channel to search by, the lookups refused): an operator checks the contacts in Invent and records
 * what they found, with who and why, and the run's next execution completes. Only an UNSETTLED row
 * of a run that is not in progress can be settled; anything else changes nothing and throws
 * {@link DecisionRefusedException} saying why.
 */
public class ManualSettlement {

	private final AuditRepository audit;

	private final RunLookups runs;

	public ManualSettlement(AuditRepository audit, RunLookups runs) {
		this.audit = audit;
		this.runs = runs;
	}

	/**
	 * What a settlement did.
	 * @param found the row as the job had left it
	 * @param settled the row as recorded now
	 */
	public record Settled(AuditRecord found, AuditRecord settled) {

	}

	/** Records what an operator found in Invent of group {@code groupKey} of the run of this job execution. */
	public Settled settle(long jobExecutionId, String groupKey, boolean merged, String reason, String by) {
		Optional<String> problem = DecisionText.problemWithReason(reason).or(() -> DecisionText.problemWithName(by));
		problem.ifPresent((text) -> {
			throw new DecisionRefusedException(text);
		});
		String key = groupKey.replaceAll("\\p{Cntrl}", "?");
		AuditRecord row = this.runs.findByExecution(jobExecutionId, groupKey)
			.orElseThrow(() -> new DecisionRefusedException("The run of job execution " + jobExecutionId
					+ " has no group " + key + " (or there is no such execution): its group keys are in --report "
					+ jobExecutionId + " --csv=FILE"));
		if (row.outcome().status() != AuditStatus.UNSETTLED) {
			throw new DecisionRefusedException("Group " + key + " of run " + row.plan().jobInstanceId() + " is "
					+ row.outcome().status() + ", not UNSETTLED: there is nothing to settle");
		}
		if (this.runs.runInProgress(row.plan().jobInstanceId())) {
			throw new DecisionRefusedException("Run " + row.plan().jobInstanceId() + " is in progress (or was left "
					+ "unfinished by a process that died: run its command once): settle its groups once it ended");
		}
		AuditRecord settled = (merged ? asMerged(row) : asNotMerged(row)).withDetail("settled by hand as "
				+ (merged ? "merged" : "not merged") + " by " + by + ": " + reason + " (the job had found: "
				+ row.outcome().detail() + ")");
		if (!this.audit.settle(settled, by, reason)) {
			throw new DecisionRefusedException("Group " + key + " was settled meanwhile");
		}
		return new Settled(row, settled);
	}

	/** Every source of the lost call merged; a MERGED row's planned follow-up is due. */
	private static AuditRecord asMerged(AuditRecord row) {
		AuditRecord done = row.lostCallApplied();
		return (done.outcome().status() == AuditStatus.MERGED && row.plan().plannedUpdate() != null && !row.plan().dryRun())
				? done.withFollowUp(AuditRecord.FollowUpRecord.PENDING) : done;
	}

	private static AuditRecord asNotMerged(AuditRecord row) {
		return row.completed(AuditStatus.FAILED, row.outcome().mergedIds().isEmpty() ? "not-merged" : "partially-merged",
				row.outcome().mergedIds(), null, row.outcome().error());
	}

}
