package io.inventdedup.job;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.inventdedup.audit.RunRecords;
import io.inventdedup.decision.DecisionRepository;
import io.inventdedup.merge.OrgLease;
import io.inventdedup.merge.OrgLeases;
import io.inventdedup.report.RunSummary;
import io.inventdedup.run.DedupProperties;
import io.inventdedup.run.InvalidParametersException;
import io.inventdedup.run.RunParameters;
import io.inventdedup.run.RunRequest;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Launches the job from the command line, the way an operator expects: parameters checked before
 * anything is called, one run per org at a time (the org's lease, {@link OrgLease}), a run left STARTED by a dead process recovered
 * and resumed, a completed run not run twice, a summary at the end, and the documented exit code.
 */
@Component
public class DedupJobLauncher {

	private static final Logger log = LoggerFactory.getLogger(DedupJobLauncher.class);

	/** How often a run starts again when a run that lost the org recorded its execution UNKNOWN meanwhile. */
	private static final int START_ATTEMPTS = 3;

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job contactDedupJob;

	private final OrgLeases leases;

	private final DedupProperties defaults;

	private final RunRecords runs;

	private final DecisionRepository decisions;

	private final RunningExecution runningExecution;

	private final RunOutcomeMetrics outcomes;

	private final Clock clock;

	public DedupJobLauncher(JobOperator jobOperator, JobRepository jobRepository, Job contactDedupJob,
			OrgLeases leases, DedupProperties defaults, RunRecords runs, DecisionRepository decisions,
			RunningExecution runningExecution, RunOutcomeMetrics outcomes) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.contactDedupJob = contactDedupJob;
		this.leases = leases;
		this.defaults = defaults;
		this.runs = runs;
		this.decisions = decisions;
		this.runningExecution = runningExecution;
		this.outcomes = outcomes;
		this.clock = Clock.systemUTC();
	}

	/** Runs the job for the operator's {@code name=value} words and answers the exit code. */
	public int launch(List<String> words) {
		return launch(() -> RunRequest.parse(words));
	}

	/** Runs the job the operator asked for and answers the exit code. */
	public int launch(RunRequest request) {
		return launch(() -> request);
	}

	/** Reads the request (a word refused exits 2, as a value refused does), runs it, records its exit code. */
	private int launch(Supplier<RunRequest> request) {
		int exitCode = launchChecked(request);
		this.outcomes.record(exitCode);
		return exitCode;
	}

	private int launchChecked(Supplier<RunRequest> asked) {
		JobParameters parameters;
		RunRequest request;
		try {
			request = asked.get();
			parameters = new PlanCheck(this.jobRepository, this.defaults.planMaxAge()).check(
					request.resolve(this.defaults, this.clock).toJobParameters(), request.names(),
					LocalDateTime.now(this.clock.withZone(ZoneId.systemDefault())));
		}
		catch (InvalidParametersException ex) {
			log.error("Invalid command, nothing was run: {}", ex.getMessage());
			return ExitCodes.INVALID;
		}
		catch (DataAccessException ex) {
			log.error("The database cannot be reached, nothing was run: {}", ex.getMessage());
			return ExitCodes.FAILED;
		}
		String orgId = parameters.getString(RunParameters.ORG_ID);
		Optional<OrgLease> lease;
		try {
			lease = this.leases.acquire(orgId);
		}
		catch (SQLException | DataAccessException ex) {
			log.error("The database cannot be reached, nothing was run: {}", ex.getMessage());
			return ExitCodes.FAILED;
		}
		if (lease.isEmpty()) {
			log.atError()
				.addKeyValue("orgId", orgId)
				.log("Another run for this org is in progress (it holds the org's lease and renews it); nothing was "
						+ "run. Wait for it to end, then run again");
			return ExitCodes.LOCKED;
		}
		GracefulStop gracefulStop = new GracefulStop(this.jobOperator, this.runningExecution,
				this.defaults.stopTimeout()).install();
		int exitCode = ExitCodes.FAILED;
		try {
			exitCode = launchLocked(parameters);
			return exitCode;
		}
		finally {
			this.leases.release(lease.get());
			gracefulStop.finished(exitCode);
		}
	}

	private int launchLocked(JobParameters parameters) {
		JobExecution last = this.jobRepository.getLastJobExecution(this.contactDedupJob.getName(), parameters);
		if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
			log.atInfo()
				.addKeyValue("jobExecutionId", last.getId())
				.log("This run already completed; nothing to do. Give another runKey for a new run");
			report(last);
			return ExitCodes.COMPLETED;
		}
		if (last != null && last.getStatus().isRunning()) {
			log.atWarn()
				.addKeyValue("jobExecutionId", last.getId())
				.addKeyValue("status", last.getStatus())
				.log("The last execution of this run was left unfinished by a process that is gone; recovering it");
			this.jobOperator.recover(last);
		}
		log.atInfo()
			.addKeyValue("orgId", parameters.getString(RunParameters.ORG_ID))
			.log("Starting the run with {}", RunParameters.describe(parameters));
		try {
			JobExecution execution = startSettlingUnknown(parameters);
			report(execution);
			return (execution.getStatus() == BatchStatus.COMPLETED) ? ExitCodes.COMPLETED : ExitCodes.FAILED;
		}
		catch (Exception ex) {
			log.error("The run ended with an error: {}. Run the same command again to resume it",
					FailureCause.describe(ex));
			log.debug("The run's error, in full", ex);
			return ExitCodes.FAILED;
		}
	}

	/**
	 * Starts (or resumes) the run. A run that lost the org to this one may record its executions UNKNOWN
	 * as it stops, its step's and then its job's, each of them perhaps after this run's check and before
	 * its start: Spring Batch then refuses to start (the job UNKNOWN) or fails the step at once (the step
	 * UNKNOWN), having done nothing. This run holds the org, so it settles them and starts again, as
	 * often as the lost run can write ({@value #START_ATTEMPTS} starts); the lost run sends nothing
	 * more, its lease fences it.
	 */
	private JobExecution startSettlingUnknown(JobParameters parameters) throws Exception {
		failIfUnknown(parameters);
		for (int attempt = 1;; attempt++) {
			JobExecution execution;
			try {
				execution = this.jobOperator.start(this.contactDedupJob, parameters);
			}
			catch (JobRestartException ex) {
				if (attempt == START_ATTEMPTS || !failIfUnknown(parameters)) {
					throw ex;
				}
				continue;
			}
			boolean refusedAStep = execution.getStatus() == BatchStatus.FAILED && execution.getAllFailureExceptions()
				.stream()
				.anyMatch((failure) -> FailureCause.causedBy(failure, JobRestartException.class));
			if (attempt == START_ATTEMPTS || !refusedAStep || !failIfUnknown(parameters)) {
				return execution;
			}
		}
	}

	/** The executions of this run that are UNKNOWN or have a step UNKNOWN, with their steps. */
	private List<JobExecution> unknownExecutions(JobParameters parameters) {
		JobInstance instance = this.jobRepository.getJobInstance(this.contactDedupJob.getName(), parameters);
		if (instance == null) {
			return List.of();
		}
		return this.jobRepository.getJobExecutions(instance)
			.stream()
			// With its step executions, which a restart reads as well.
			.map((found) -> this.jobRepository.getJobExecution(found.getId()))
			.filter((execution) -> execution.getStatus() == BatchStatus.UNKNOWN || execution.getStepExecutions()
				.stream()
				.anyMatch((step) -> step.getStatus() == BatchStatus.UNKNOWN))
			.toList();
	}

	/**
	 * Marks FAILED, with their steps, the executions of this run that were left UNKNOWN, or with a step
	 * UNKNOWN (by a process that lost the org's lease, or the database, as it stopped): Spring Batch
	 * refuses to restart a run any of whose executions is UNKNOWN. This process holds the org's lease,
	 * so no other runs it. Answers whether there was one.
	 */
	private boolean failIfUnknown(JobParameters parameters) {
		LocalDateTime now = LocalDateTime.now();
		List<JobExecution> unknown = unknownExecutions(parameters);
		for (JobExecution execution : unknown) {
			log.atWarn()
				.addKeyValue("jobExecutionId", execution.getId())
				.log("An execution of this run was left UNKNOWN by a process that stopped without the org; "
						+ "this run holds the org and resumes it");
			for (StepExecution step : execution.getStepExecutions()) {
				if (step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning()) {
					step.setStatus(BatchStatus.FAILED);
					step.setEndTime(now);
					this.jobRepository.update(step);
				}
			}
			if (execution.getStatus() == BatchStatus.UNKNOWN || execution.getStatus().isRunning()) {
				execution.setStatus(BatchStatus.FAILED);
				execution.setExitStatus(
						ExitStatus.FAILED.addExitDescription("left UNKNOWN by a process that stopped without the org"));
				execution.setEndTime(now);
				this.jobRepository.update(execution);
			}
		}
		return !unknown.isEmpty();
	}

	private void report(JobExecution execution) {
		StringBuilder text = new StringBuilder(String.format("%nRun %d (job execution %d): %s%n",
				execution.getJobInstanceId(), execution.getId(), execution.getStatus()));
		this.runs.run(execution.getId())
			.ifPresent((run) -> text.append(RunSummary.text(run, execution.getId(),
					this.decisions.reviewCounts(execution.getJobInstanceId()))));
		for (String cause : FailureCause.describe(execution.getAllFailureExceptions())) {
			text.append(String.format("failure: %s%n", cause));
		}
		log.info(text.toString().stripTrailing());
	}

}
