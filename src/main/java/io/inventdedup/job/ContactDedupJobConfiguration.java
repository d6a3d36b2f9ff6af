package io.inventdedup.job;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job: collect a snapshot of the org's duplicate groups, merge them by policy, send the
 * follow-up updates still due (opt-outs and names carried to survivors), then settle the merges
 * whose answer was lost and that could not be settled at once. No
 * incrementer: the parameters identify the run, so the same command resumes a failed run.
 */
@Configuration(proxyBeanMethods = false)
class ContactDedupJobConfiguration {

	static final String JOB_NAME = "contactDedupJob";

	@Bean
	Job contactDedupJob(JobRepository jobRepository, Step collectStep, Step mergeStep, Step followUpStep,
			Step noLongerListedStep, Step settleStep,
			RunningExecution runningExecution, ProgressLog progressLog, RetentionPurge retentionPurge) {
		return new JobBuilder(JOB_NAME, jobRepository).listener(runningExecution)
			.listener(progressLog)
			.listener(retentionPurge)
			.start(collectStep)
			.next(mergeStep)
			.next(noLongerListedStep)
			.next(followUpStep)
			.next(settleStep)
			.build();
	}

	/** Runs the job for the command line's {@code name=value} arguments and keeps the exit code. */
	@Bean
	@ConditionalOnProperty(name = "dedup.runner.enabled", havingValue = "true", matchIfMissing = true)
	ApplicationRunner dedupJobRunner(DedupJobLauncher launcher, ExitCodes exitCodes) {
		return (args) -> exitCodes.set(launcher.launch(args.getNonOptionArgs()));
	}

}
