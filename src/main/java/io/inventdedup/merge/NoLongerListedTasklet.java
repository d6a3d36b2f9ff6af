package io.inventdedup.merge;

import org.jspecify.annotations.Nullable;

import io.inventdedup.audit.UnlistedGroups;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * In an apply run, accounts for every planned group of the reviewed plan: a planned group that no
 * group listed now shares a member with (merged by hand, dissolved) is recorded SKIPPED
 * {@code no-longer-listed}, under its planned key, with the group and the policy as they were
 * reviewed. One statement in the database ({@link UnlistedGroups#recordNoLongerListed}): the plan and
 * the snapshot are compared where they are, never held in memory. Idempotent: a resumed run records
 * the same rows. A run without a plan has nothing to account for.
 */
class NoLongerListedTasklet implements Tasklet {

	private final UnlistedGroups unlisted;

	private final JobRepository jobRepository;

	private final @Nullable Long plan;

	NoLongerListedTasklet(UnlistedGroups unlisted, JobRepository jobRepository, @Nullable Long plan) {
		this.unlisted = unlisted;
		this.jobRepository = jobRepository;
		this.plan = plan;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		if (this.plan == null) {
			return RepeatStatus.FINISHED;
		}
		long planInstanceId = MergeStepConfiguration.planInstance(this.jobRepository, this.plan);
		this.unlisted.recordNoLongerListed(planInstanceId, step.getJobExecution().getJobInstanceId(),
				step.getJobExecutionId());
		return RepeatStatus.FINISHED;
	}

}
