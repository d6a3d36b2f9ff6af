package io.inventdedup.merge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import io.inventdedup.audit.AuditRecord;
import io.inventdedup.audit.AuditRepository;
import io.inventdedup.audit.AuditStatus;
import io.inventdedup.collect.StagedGroups;
import io.inventdedup.invent.GroupDecoder;
import io.inventdedup.policy.SkipReason;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * In an apply run, accounts for every planned group of the reviewed plan: a planned group that no
 * group listed now shares a member with (merged by hand, dissolved) is recorded SKIPPED
 * {@code no-longer-listed}, under its planned key, with the group and the policy as they were
 * reviewed. Idempotent: a
 * resumed run records the same rows. A run without a plan has nothing to account for.
 */
class NoLongerListedTasklet implements Tasklet {

	private final AuditRepository audit;

	private final StagedGroups stagedGroups;

	private final JsonMapper jsonMapper;

	NoLongerListedTasklet(AuditRepository audit, StagedGroups stagedGroups, JsonMapper jsonMapper) {
		this.audit = audit;
		this.stagedGroups = stagedGroups;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		JobParameters parameters = step.getJobParameters();
		Long plan = parameters.getLong("plan");
		if (plan == null || plan == 0) {
			return RepeatStatus.FINISHED;
		}
		long planInstanceId = this.audit.instanceOf(plan)
			.orElseThrow(() -> new IllegalStateException("the plan's job execution " + plan + " is gone"));
		long jobInstanceId = step.getJobExecution().getJobInstanceId();
		Map<String, String> planKeyOfMember = ReviewGate.planKeyOfMember(this.audit, planInstanceId);
		Set<String> listed = new HashSet<>();
		this.stagedGroups.forEachListedGroup(jobInstanceId, (json) -> {
			for (String member : GroupDecoder.memberIds(this.jsonMapper.readTree(json))) {
				String key = planKeyOfMember.get(member);
				if (key != null) {
					listed.add(key);
				}
			}
		});
		Set<String> gone = new HashSet<>(planKeyOfMember.values());
		gone.removeAll(listed);
		List<AuditRecord> rows = new ArrayList<>();
		this.audit.findByGroupKeys(planInstanceId, gone).values().forEach((reviewed) -> rows.add(new AuditRecord(
				jobInstanceId, step.getJobExecutionId(), reviewed.orgId(), reviewed.groupKey(), false,
				AuditStatus.SKIPPED, SkipReason.NO_LONGER_LISTED.code(), null, List.of(), List.of(), List.of(),
				"planned in the reviewed run " + planInstanceId + " (survivor " + reviewed.survivorId() + ", sources "
						+ reviewed.sourceIds() + "); no group listed now holds any of its members",
				null, null, reviewed.listedGroup(), reviewed.policy(), null, null)));
		this.audit.save(rows);
		return RepeatStatus.FINISHED;
	}

}
