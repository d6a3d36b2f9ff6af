package io.inventdedup.merge;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.inventdedup.audit.AuditRecord;
import io.inventdedup.audit.AuditRepository;
import io.inventdedup.audit.AuditStatus;
import io.inventdedup.policy.Settlement;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The last step of a run: looks again at every merge of the run left UNSETTLED (its answer lost,
 * its contacts not telling), in this order:
 * <ol>
 * <li>each is settled again ({@link MergeSettler}): applied, it is MERGED and its follow-up update
 * is sent now; not applied, it is FAILED with the call's failure; each outcome committed on its
 * own;</li>
 * <li>one still undecidable fails the run, with the list of those groups and the command that
 * records what an operator found in Invent ({@code --settle}); the same command then completes
 * the run; so does a follow-up update sent here that failed (the follow-up step of the next
 * execution sends it).</li>
 * </ol>
 * It comes after the follow-up step, which runs again on every execution, so that updates due
 * elsewhere are never held up by a merge waiting for an operator.
 */
class SettleTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(SettleTasklet.class);

	private static final int LISTED = 20;

	private final AuditRepository audit;

	private final MergeSettler settler;

	private final FollowUpSender followUps;

	private final TransactionTemplate ownTransaction;

	SettleTasklet(AuditRepository audit, MergeSettler settler, FollowUpSender followUps,
			TransactionTemplate ownTransaction) {
		this.audit = audit;
		this.settler = settler;
		this.followUps = followUps;
		this.ownTransaction = ownTransaction;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		long jobInstanceId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstanceId();
		long jobExecutionId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
		List<AuditRecord> unsettled = new ArrayList<>();
		long followUpsFailed = 0;
		for (AuditRecord row : this.audit.findUnsettled(jobInstanceId)) {
			AuditRecord resumed = row.resumedBy(jobExecutionId);
			List<String> call = row.unsettledIds();
			Settlement settlement = this.settler.settle(resumed, call);
			AuditRecord settled;
			if (settlement instanceof Settlement.Unknown unknown) {
				unsettled.add(resumed.unsettled(row.mergedIds(), unknown.detail(), row.error()));
				settled = unsettled.get(unsettled.size() - 1);
			}
			else if (settlement instanceof Settlement.NotApplied) {
				settled = MergeSender.failed(resumed, row.mergedIds(), "api-unavailable", null,
						"the merge's answer was lost and it was not applied (every source is still there): "
								+ row.error());
			}
			else {
				settled = confirmed(resumed);
			}
			AuditRecord recorded = settled;
			this.ownTransaction.executeWithoutResult((tx) -> this.audit.complete(List.of(recorded)));
			if (recorded.followUp() != null && recorded.followUp().status().equals("FAILED")) {
				followUpsFailed++;
			}
		}
		if (!unsettled.isEmpty()) {
			throw new UnsettledMergesException(jobExecutionId, unsettled, LISTED);
		}
		if (followUpsFailed > 0) {
			throw new IllegalStateException(followUpsFailed + " follow-up updates of merges found applied here could "
					+ "not be sent; see update_error in dedup_audit, then re-run the same command to send them");
		}
		return RepeatStatus.FINISHED;
	}

	/** The row of a lost call found applied, with its follow-up update sent when it is MERGED. */
	private AuditRecord confirmed(AuditRecord row) {
		log.atInfo()
			.addKeyValue("orgId", row.orgId())
			.addKeyValue("groupKey", row.groupKey())
			.log("An unsettled merge turned out applied: its sources are gone and the survivor lives");
		AuditRecord done = row.lostCallApplied();
		return (done.status() == AuditStatus.MERGED && row.plannedUpdate() != null)
				? done.withFollowUp(this.followUps.send(done, null)) : done;
	}

}
