package io.inventdedup.job;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.inventdedup.run.InvalidParametersException;
import io.inventdedup.run.RunParameters;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;

/**
 * Checks the plan an apply run names ({@code plan=ID}) before anything is called, and gives the
 * run the plan's policy: what is applied is what was reviewed, or nothing. The plan must be a
 * completed dry run of the same org, no older than {@code dedup.plan-max-age}; the apply run must
 * merge ({@code dryRun=false}); a policy parameter given on the command line must agree with the
 * plan's. Anything else is an {@link InvalidParametersException} (exit code 2).
 */
final class PlanCheck {

	private final JobRepository jobRepository;

	private final Duration maxAge;

	PlanCheck(JobRepository jobRepository, Duration maxAge) {
		this.jobRepository = jobRepository;
		this.maxAge = maxAge;
	}

	private static String readable(Duration duration) {
		if (duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
			return duration.toDays() + " days";
		}
		return duration.equals(Duration.ofHours(duration.toHours())) ? duration.toHours() + " hours"
				: duration.toString();
	}

	private @Nullable JobExecution execution(long id) {
		try {
			return this.jobRepository.getJobExecution(id);
		}
		catch (EmptyResultDataAccessException ex) {
			return null;
		}
	}

	/** The run's parameters, the policy taken from its plan; unchanged for a run without a plan. */
	JobParameters check(JobParameters resolved, Set<String> given, LocalDateTime now) {
		Long plan = resolved.getLong(RunParameters.PLAN);
		if (plan == null) {
			return resolved;
		}
		String orgId = resolved.getString(RunParameters.ORG_ID);
		if (Boolean.TRUE.equals(resolved.getParameter(RunParameters.DRY_RUN).value())) {
			throw new InvalidParametersException("plan=" + plan + " applies a reviewed plan, which merges: give "
					+ "dryRun=false (what the plan would merge is what --report " + plan + " shows)");
		}
		JobExecution planned = execution(plan);
		if (planned == null) {
			throw new InvalidParametersException("plan=" + plan + ": no run has job execution " + plan
					+ "; --report lists the runs, and plan takes the execution id of a completed dry run");
		}
		JobParameters reviewed = planned.getJobParameters();
		if (!orgId.equals(reviewed.getString(RunParameters.ORG_ID))) {
			throw new InvalidParametersException("plan=" + plan + " is a run of another org, not of " + orgId);
		}
		if (!Boolean.TRUE.equals(reviewed.getParameter(RunParameters.DRY_RUN).value())) {
			throw new InvalidParametersException("plan=" + plan + " is not a dry run: only a dry run's PLANNED "
					+ "rows are a plan to review and apply");
		}
		JobExecution last = this.jobRepository.getLastJobExecution(planned.getJobInstance());
		if (last == null || last.getStatus() != BatchStatus.COMPLETED || last.getEndTime() == null) {
			throw new InvalidParametersException("plan=" + plan + " is a dry run that did not complete (its last "
					+ "execution is " + ((last != null) ? last.getStatus() : "missing") + "): finish it with its own "
					+ "command, review it, then apply it");
		}
		if (Duration.between(last.getEndTime(), now).compareTo(this.maxAge) > 0) {
			throw new InvalidParametersException("plan=" + plan + " ended at " + last.getEndTime()
					+ ", longer ago than dedup.plan-max-age (" + readable(this.maxAge) + "): the org has changed since; "
					+ "run a new dry run, review it and apply that one");
		}
		JobParametersBuilder applied = new JobParametersBuilder(resolved);
		for (String name : RunParameters.POLICY) {
			JobParameter<?> planValue = reviewed.getParameter(name);
			if (planValue == null && name.equals(RunParameters.CHECK_NAMES)) {
				throw new InvalidParametersException("plan=" + plan + " was made before the name check existed (it "
						+ "has no checkNames): it may join different people who share a phone or an inbox; run a new "
						+ "dry run, review it and apply that one");
			}
			if (planValue == null) {
				throw new InvalidParametersException("plan=" + plan + " has no " + name + ": it is not a plan");
			}
			if (given.contains(name) && !Objects.equals(resolved.getParameter(name).value(), planValue.value())) {
				throw new InvalidParametersException(name + "=" + resolved.getParameter(name).value()
						+ " disagrees with the plan's " + name + "=" + planValue.value()
						+ ": an apply run uses the policy of its plan; leave the policy parameters out");
			}
			applied.addJobParameter(planValue);
		}
		return applied.toJobParameters();
	}

}
