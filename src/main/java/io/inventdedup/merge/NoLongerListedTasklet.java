package io.inventdedup.merge;

import io.inventdedup.audit.AuditRepository;

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
 * reviewed. One statement in the database ({@link AuditRepository#recordNoLongerListed}): the plan and
 * the snapshot are compared where they are, never held in memory. Idempotent: a resumed run records
 * the same rows. A run without a plan has nothing to account for.
 */
class NoLongerListedTasklet implements Tasklet {

	private final AuditRepository audit;

	NoLongerListedTasklet(AuditRepository audit) {
		this.audit = audit;
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
		this.audit.recordNoLongerListed(planInstanceId, step.getJobExecution().getJobInstanceId(),
				step.getJobExecutionId());
		return RepeatStatus.FINISHED;
	}

}
