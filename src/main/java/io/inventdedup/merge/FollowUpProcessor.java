package io.inventdedup.merge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.inventdedup.audit.AuditRecord;
import io.inventdedup.audit.FollowUpStatus;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The follow-up step's processor: sends one follow-up update still due (an opt-out or a name carried
 * to a survivor whose merge was confirmed without an answer, or whose update failed) and answers its
 * row as this execution records it, sent or failed. A failure is recorded, not thrown: the step
 * tries every other update before what is left fails the run ({@link DueRowsReader}).
 */
class FollowUpProcessor implements ItemProcessor<AuditRecord, AuditRecord> {

	private static final Logger log = LoggerFactory.getLogger(FollowUpProcessor.class);

	private final FollowUpSender sender;

	private final long jobExecutionId;

	FollowUpProcessor(FollowUpSender sender, long jobExecutionId) {
		this.sender = sender;
		this.jobExecutionId = jobExecutionId;
	}

	@Override
	public AuditRecord process(AuditRecord row) {
		AuditRecord.FollowUpRecord outcome = this.sender.send(row, null);
		if (outcome.status() == FollowUpStatus.FAILED) {
			log.atWarn()
				.addKeyValue("survivor", row.plan().survivorId())
				.addKeyValue("error", outcome.error())
				.log("A follow-up update failed");
		}
		return row.resumedBy(this.jobExecutionId).withFollowUp(outcome);
	}

}
