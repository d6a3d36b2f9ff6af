package io.inventdedup.job;

import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.inventdedup.collect.StagedGroups;
import io.inventdedup.policy.ListingAge;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.step.StepExecution;

/**
 * Before the merges, and after a merge step that stopped because its listing grew old: whether the
 * run has a complete listing younger than {@code dedup.merge.max-listing-age} to merge from
 * ({@value #FRESH}), or must list the org first ({@value #LIST}): a new run, a run whose listing did
 * not complete, a run resumed after the bound, a listing that shifted while it was read.
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
		boolean fresh = this.stagedGroups.latestListing(jobExecution.getJobInstanceId())
			.map((listing) -> !listing.shifted() && !ListingAge.tooOld(listing.startedAt(), this.clock.instant(), this.bound))
			.orElse(false);
		return new FlowExecutionStatus(fresh ? FRESH : LIST);
	}

}
