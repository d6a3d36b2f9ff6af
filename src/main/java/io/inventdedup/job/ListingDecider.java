package io.inventdedup.job;

import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.inventdedup.collect.StagedGroups;
import io.inventdedup.policy.ListingAge;
import io.inventdedup.run.RunParameters;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.step.StepExecution;

/**
 * Before the merges, and after each window of the listing was merged: whether the run has a window of
 * the listing whose merges did not end, younger than {@code dedup.merge.max-listing-age} (any age in a
 * dry run, which sends nothing), to merge from ({@value #FRESH}: a run resumed soon after a crash), or
 * must read the next window first ({@value #LIST}: a new run, a run whose window was merged, one
 * whose collect did not complete, one resumed after the bound).
 */
class ListingDecider implements JobExecutionDecider {

	static final String LIST = "LIST";

	static final String FRESH = "FRESH";

	private final StagedGroups stagedGroups;

	private final Duration bound;

	private final Clock clock;

	ListingDecider(StagedGroups stagedGroups, Duration bound, Clock clock) {
		this.stagedGroups = stagedGroups;
		this.bound = bound;
		this.clock = clock;
	}

	@Override
	public FlowExecutionStatus decide(JobExecution jobExecution, @Nullable StepExecution stepExecution) {
		boolean dryRun = RunParameters.from(jobExecution.getJobParameters()).dryRun();
		boolean fresh = this.stagedGroups.latestListing(jobExecution.getJobInstanceId())
			.map((listing) -> !listing.merged()
					&& (dryRun || !ListingAge.tooOld(listing.startedAt(), this.clock.instant(), this.bound)))
			.orElse(false);
		return new FlowExecutionStatus(fresh ? FRESH : LIST);
	}

}
