package io.inventdedup.merge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.inventdedup.audit.AuditRecord;
import io.inventdedup.audit.AuditStatus;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The settle step's processor: looks again at one merge of the run left UNSETTLED (its answer lost,
 * its contacts not telling) and answers its row as this execution records it
 * ({@link MergeSettler}): applied, it is MERGED and its follow-up update is sent now; not applied,
 * it is FAILED with the call's failure; still undecidable, it stays UNSETTLED, and once every other
 * one was looked at the run fails, naming them and the command an operator records what they found
 * with ({@code --settle}).
 */
class SettleProcessor implements ItemProcessor<AuditRecord, AuditRecord> {

	private static final Logger log = LoggerFactory.getLogger(SettleProcessor.class);

	private final MergeSettler settler;

	private final FollowUpSender followUps;

	private final long jobExecutionId;

	SettleProcessor(MergeSettler settler, FollowUpSender followUps, long jobExecutionId) {
		this.settler = settler;
		this.followUps = followUps;
		this.jobExecutionId = jobExecutionId;
	}

	@Override
	public AuditRecord process(AuditRecord row) {
		AuditRecord resumed = row.resumedBy(this.jobExecutionId);
		return this.settler.settle(resumed, row.unsettledIds())
			.fold(() -> confirmed(resumed),
					() -> MergeSender.failed(resumed, row.outcome().mergedIds(), "api-unavailable", null,
							"the merge's answer was lost and it was not applied (every source is still there): "
									+ row.outcome().error()),
					(unknown) -> resumed.unsettled(row.outcome().mergedIds(), unknown.detail(), row.outcome().error()));
	}

	/** The row of a lost call found applied, with its follow-up update sent when it is MERGED. */
	private AuditRecord confirmed(AuditRecord row) {
		log.atInfo()
			.addKeyValue("orgId", row.plan().orgId())
			.addKeyValue("groupKey", row.plan().groupKey())
			.log("An unsettled merge turned out applied: its sources are gone and the survivor lives");
		AuditRecord done = row.lostCallApplied();
		return (done.outcome().status() == AuditStatus.MERGED && row.plan().plannedUpdate() != null)
				? done.withFollowUp(this.followUps.send(done, null)) : done;
	}

}
