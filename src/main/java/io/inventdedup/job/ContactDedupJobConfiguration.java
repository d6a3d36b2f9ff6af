package io.inventdedup.job;

import tools.jackson.databind.json.JsonMapper;

import io.inventdedup.audit.RunRecords;
import io.inventdedup.collect.CollectRun;
import io.inventdedup.collect.DatabaseClock;
import io.inventdedup.collect.StagedGroups;
import io.inventdedup.invent.InventApiProperties;
import io.inventdedup.merge.MergeProperties;
import io.inventdedup.merge.MergeRun;
import io.inventdedup.merge.MergeStepConfiguration;
import io.inventdedup.run.DedupProperties;
import io.inventdedup.run.RunParameters;
import io.inventdedup.run.RunRequest;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job: collect a window of the org's duplicate groups, merge them by policy, and so on window
 * after window until a pass over the listing sends no merge; then send the follow-up updates still
 * due (opt-outs and names carried to survivors), then settle the merges whose answer was lost and
 * that could not be settled at once. No merge acts on a listing older than
 * {@code dedup.merge.max-listing-age}: a window holds what can be merged within it, and the merge
 * step ends each window with {@code RELIST}, which reads the next one:
 * <pre>
 * window? --LIST--> collect --> merge --COMPLETED--> noLongerListed --> followUp --> settle
 *    |  ^                          ^  |
 *    |  +---------RELIST-----------|--+
 *    +--FRESH----------------------+
 * </pre>
 * No incrementer: the parameters identify the run, so the same command resumes a failed run.
 */
@Configuration(proxyBeanMethods = false)
class ContactDedupJobConfiguration {

	static final String JOB_NAME = "contactDedupJob";

	@Bean
	Job contactDedupJob(JobRepository jobRepository, Step collectStep, Step mergeStep, Step followUpStep,
			Step noLongerListedStep, Step settleStep, StagedGroups stagedGroups, MergeProperties mergeProperties,
			RunningExecution runningExecution, ProgressLog progressLog, RetentionPurge retentionPurge,
			FailureDescription failureDescription, QueueMetrics queueMetrics, DatabaseClock databaseClock) {
		ListingDecider listing = new ListingDecider(stagedGroups, mergeProperties.maxListingAge(), databaseClock);
		return new JobBuilder(JOB_NAME, jobRepository).validator(RunParameters.validator())
			.listener(runningExecution)
			.listener(progressLog)
			.listener(retentionPurge)
			.listener(failureDescription)
			.listener(queueMetrics)
			.start(listing)
			.on(ListingDecider.LIST)
			.to(collectStep)
			.from(listing)
			.on(ListingDecider.FRESH)
			.to(mergeStep)
			.from(collectStep)
			.on(ExitStatus.COMPLETED.getExitCode())
			.to(mergeStep)
			.from(collectStep)
			.on("*")
			.fail()
			.from(mergeStep)
			.on(MergeStepConfiguration.RELIST)
			.to(listing)
			.from(mergeStep)
			.on(ExitStatus.COMPLETED.getExitCode())
			.to(noLongerListedStep)
			.from(mergeStep)
			.on("*")
			.fail()
			.from(noLongerListedStep)
			.next(followUpStep)
			.next(settleStep)
			.end()
			.build();
	}

	/**
	 * The run's parameters for the collect step, bound once. Not proxied (a record cannot be): only
	 * step-scoped beans, created inside the step, use it.
	 */
	@Bean
	@Scope(scopeName = "step", proxyMode = ScopedProxyMode.NO)
	CollectRun collectRun(@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters,
			MergeProperties merge, InventApiProperties api) {
		RunParameters run = RunParameters.from(parameters);
		return new CollectRun(run.orgId(), run.dryRun(), merge.maxListingAge(), api.rateLimitPerMinute());
	}

	/**
	 * The run's parameters and settings for the merge step and the steps after it, bound once. Not
	 * proxied (a record cannot be): only step-scoped beans, created inside the step, use it.
	 */
	@Bean
	@Scope(scopeName = "step", proxyMode = ScopedProxyMode.NO)
	MergeRun mergeRun(@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters,
			JsonMapper jsonMapper, InventApiProperties api, DedupProperties dedup) {
		RunParameters run = RunParameters.from(parameters);
		return new MergeRun(run.orgId(), run.dryRun(), run.policy(), run.maxMerges(), api.concurrency(),
				jsonMapper.writeValueAsString(run.recordedPolicy()), run.plan(), dedup.planMaxAge());
	}

	/** What a run logs when it ends reads the run as {@code --report} does. */
	@Bean
	RunRecords runRecords(JdbcTemplate jdbcTemplate) {
		return new RunRecords(jdbcTemplate);
	}

	/**
	 * Runs the job the command line asked for and keeps the exit code: the request the main class
	 * read and registered ({@link RunRequest}).
	 */
	@Bean
	@ConditionalOnProperty(name = "dedup.runner.enabled", havingValue = "true", matchIfMissing = true)
	ApplicationRunner dedupJobRunner(DedupJobLauncher launcher, ExitCodes exitCodes, RunRequest request) {
		return (args) -> exitCodes.set(launcher.launch(request));
	}

}
