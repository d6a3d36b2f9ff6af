package io.inventdedup.merge;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.inventdedup.audit.AuditRecord;
import io.inventdedup.audit.AuditRepository;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The step before the last (settle): sends every follow-up update that is still due, those whose
 * merge was confirmed without an answer (a crash, a lost response) and those that failed. A
 * failure left fails the run, so that the same command sends it again.
 */
class FollowUpTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(FollowUpTasklet.class);

	private final AuditRepository audit;

	private final FollowUpSender sender;

	private final TransactionTemplate ownTransaction;

	FollowUpTasklet(AuditRepository audit, FollowUpSender sender, TransactionTemplate ownTransaction) {
		this.audit = audit;
		this.sender = sender;
		this.ownTransaction = ownTransaction;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		long jobInstanceId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstanceId();
		long jobExecutionId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
		long failed = 0;
		for (AuditRecord row : this.audit.findFollowUpsDue(jobInstanceId)) {
			AuditRecord.FollowUpRecord outcome = this.sender.send(row, null);
			AuditRecord recorded = row.resumedBy(jobExecutionId).withFollowUp(outcome);
			this.ownTransaction.executeWithoutResult((tx) -> this.audit.complete(List.of(recorded)));
			if (outcome.status().equals("FAILED")) {
				failed++;
				log.atWarn()
					.addKeyValue("survivor", row.survivorId())
					.addKeyValue("error", outcome.error())
					.log("A follow-up update failed");
			}
		}
		if (failed > 0) {
			throw new IllegalStateException(failed + " follow-up updates (opt-outs or names carried to survivors) "
					+ "could not be sent; see update_error in dedup_audit, then re-run the same command to send them");
		}
		return RepeatStatus.FINISHED;
	}

}
