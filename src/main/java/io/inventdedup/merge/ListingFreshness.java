package io.inventdedup.merge;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.inventdedup.audit.UnlistedGroups;
import io.inventdedup.collect.CurrentListing;
import io.inventdedup.collect.DatabaseClock;
import io.inventdedup.collect.StagedGroups;
import io.inventdedup.policy.ListingAge;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Keeps the merge step on what the org is now ({@code dedup.merge.max-listing-age}), in this order
 * (its listener methods are run by the {@link MergeWriter}):
 * <ol>
 * <li>before the step, the run's latest listing is the one it acts on: the groups of earlier
 * listings that it no longer holds and that were not handled are recorded {@code no-longer-listed},
 * the merges left PENDING are carried into it, the rest of the earlier listings goes; a listing
 * that this execution read and that is already too old as the step begins (reading it took longer
 * than the bound) fails the run with a message that says so (a listing of an earlier execution
 * that grew too old since is simply listed again);</li>
 * <li>while the step runs, the reader stops reading, and the writer sends no merge, once the listing
 * is older than the bound ({@link #tooOld()}, {@link #stale()});</li>
 * <li>after the step, a stale listing ends it with the exit status {@code RELIST}: the job lists
 * the org again and merges on from the fresh data ({@link MergeStepConfiguration#RELIST}). The age
 * of the oldest listing a merge was sent on is kept in {@code dedup_listing}.</li>
 * </ol>
 */
class ListingFreshness implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(ListingFreshness.class);

	/** How many listings in a row may grow too old before a group is recorded from them. */
	static final int MAX_FRUITLESS_LISTINGS = 3;

	private static final String FRUITLESS_LISTINGS = "invent-dedup.fruitlessListings";

	/** How many listings in a row may shift while read before the run completes on the last one. */
	static final int MAX_SHIFTED_LISTINGS = 3;

	private static final String SHIFTED_LISTINGS = "invent-dedup.shiftedListings";

	private final StagedGroups stagedGroups;

	private final UnlistedGroups unlisted;

	private final MergeRun run;

	private final Duration bound;

	private final DatabaseClock clock;

	private final AtomicBoolean stale = new AtomicBoolean();

	private final AtomicLong oldestMergeAge = new AtomicLong(-1);

	/** Whether a group was recorded from this listing before it grew too old. */
	private final AtomicBoolean progressed = new AtomicBoolean();

	private CurrentListing listing;

	private long jobInstanceId;

	ListingFreshness(StagedGroups stagedGroups, UnlistedGroups unlisted, MergeRun run, Duration bound,
			DatabaseClock clock) {
		this.stagedGroups = stagedGroups;
		this.unlisted = unlisted;
		this.run = run;
		this.bound = bound;
		this.clock = clock;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.jobInstanceId = stepExecution.getJobExecution().getJobInstanceId();
		this.listing = this.stagedGroups.latestListing(this.jobInstanceId)
			.orElseThrow(() -> new IllegalStateException("the run has no complete listing to merge from"));
		this.unlisted.recordUnlisted(this.jobInstanceId, stepExecution.getJobExecutionId(), this.listing.number(),
				this.run.dryRun(), this.run.policyJson());
		this.stagedGroups.retireEarlierListings(this.jobInstanceId, this.listing.number());
		LocalDateTime executionStart = stepExecution.getJobExecution().getStartTime();
		// Spring Batch keeps the execution's start on this process's clock, the listing's on the database's.
		boolean listedByThisExecution = executionStart != null && !this.listing.startedAt()
			.isBefore(this.clock.fromLocal(executionStart.atZone(ZoneId.systemDefault()).toInstant()));
		if (tooOld() && listedByThisExecution) {
			throw new ListingTooOldException(this.run.orgId(), this.listing,
					Duration.between(this.listing.startedAt(), this.clock.instant()), this.bound);
		}
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		if (this.listing == null) {
			return null;
		}
		if (this.oldestMergeAge.get() >= 0) {
			this.stagedGroups.recordMergeAge(this.jobInstanceId, this.listing.number(), this.oldestMergeAge.get());
		}
		if (this.stale.get() && stepExecution.getExitStatus().getExitCode().equals(ExitStatus.COMPLETED.getExitCode())) {
			ExecutionContext job = stepExecution.getJobExecution().getExecutionContext();
			int fruitless = this.progressed.get() ? 0 : job.getInt(FRUITLESS_LISTINGS, 0) + 1;
			job.putInt(FRUITLESS_LISTINGS, fruitless);
			if (fruitless >= MAX_FRUITLESS_LISTINGS) {
				NeverFreshException never = new NeverFreshException(this.run.orgId(), fruitless, this.bound,
						this.clock.offset());
				stepExecution.addFailureException(never);
				return new ExitStatus(ExitStatus.FAILED.getExitCode(), never.getMessage());
			}
			log.atInfo()
				.addKeyValue("orgId", this.run.orgId())
				.addKeyValue("listing", this.listing.number())
				.addKeyValue("maxListingAge", this.bound)
				.log("The listing is older than dedup.merge.max-listing-age: listing the org again before any "
						+ "further merge");
			return new ExitStatus(MergeStepConfiguration.RELIST,
					"listing " + this.listing.number() + " grew older than " + this.bound);
		}
		if (stepExecution.getExitStatus().getExitCode().equals(ExitStatus.COMPLETED.getExitCode())) {
			return afterShift(stepExecution);
		}
		return null;
	}

	/**
	 * A listing that shifted while it was read may have hidden groups (moved past the pages read): the
	 * org is listed again, and the groups already recorded are not handled twice, until a listing
	 * holds still; after {@value #MAX_SHIFTED_LISTINGS} shifted listings in a row the run completes
	 * and says so.
	 */
	private @Nullable ExitStatus afterShift(StepExecution stepExecution) {
		ExecutionContext job = stepExecution.getJobExecution().getExecutionContext();
		int shifted = this.listing.shifted() ? job.getInt(SHIFTED_LISTINGS, 0) + 1 : 0;
		job.putInt(SHIFTED_LISTINGS, shifted);
		if (shifted == 0) {
			return null;
		}
		if (shifted < MAX_SHIFTED_LISTINGS) {
			log.atInfo()
				.addKeyValue("orgId", this.run.orgId())
				.addKeyValue("listing", this.listing.number())
				.log("The listing shifted while it was read (groups were merged or added in Invent meanwhile): "
						+ "listing the org again, so that no group the shift hid is left unlooked at");
			return new ExitStatus(MergeStepConfiguration.RELIST, "listing " + this.listing.number() + " shifted");
		}
		log.atWarn()
			.addKeyValue("orgId", this.run.orgId())
			.log("{} listings in a row shifted while they were read (the org is being changed as it is read): "
					+ "the run completes on the last one, and groups the shifts hid may not have been looked at; "
					+ "run again (another runKey) when the org holds still", shifted);
		return null;
	}

	/** Whether the listing is older than the bound now; when it is, the step stops. */
	boolean tooOld() {
		return tooOldAt(this.clock.instant());
	}

	private boolean tooOldAt(Instant now) {
		boolean tooOld = ListingAge.tooOld(this.listing.startedAt(), now, this.bound);
		if (tooOld) {
			this.stale.set(true);
		}
		return tooOld;
	}

	/** A group was recorded from the listing while it was fresh: the run goes forward. */
	void progressed() {
		this.progressed.set(true);
	}

	/** Whether the listing was found too old during this step. */
	boolean stale() {
		return this.stale.get();
	}

	/**
	 * Whether a merge may be sent now, on this listing: when it may, its age is counted towards the
	 * oldest listing a merge acted on.
	 */
	boolean maySend() {
		Instant now = this.clock.instant();
		if (tooOldAt(now)) {
			return false;
		}
		long age = Duration.between(this.listing.startedAt(), now).toMillis();
		this.oldestMergeAge.accumulateAndGet(age, Math::max);
		return true;
	}

	/**
	 * Listings that grew too old, one after another, before a single group was recorded from them:
	 * listing again would only spend the API budget. The database's and this process's clocks are
	 * said, since a process far out of step was once the cause.
	 */
	static class NeverFreshException extends IllegalStateException {

		NeverFreshException(String orgId, int listings, Duration bound, Duration offset) {
			super(listings + " listings of org " + orgId + " in a row grew older than dedup.merge.max-listing-age ("
					+ bound + ") before a group could be recorded from any of them; the run stops instead of listing "
					+ "again (this process's clock is " + Math.abs(offset.toSeconds()) + " s "
					+ (offset.isNegative() ? "ahead of" : "behind") + " the database's, which the ages are measured "
					+ "on). Raise dedup.merge.max-listing-age, or give the run more of the API budget, then run the "
					+ "same command");
		}

	}

	/** A listing too old to merge on from the moment it is read: the bound is shorter than a listing takes. */
	static class ListingTooOldException extends IllegalStateException {

		ListingTooOldException(String orgId, CurrentListing listing, Duration age, Duration bound) {
			super("Listing " + listing.number() + " of org " + orgId + " is " + age.toSeconds()
					+ " s old as the merges begin, older than dedup.merge.max-listing-age (" + bound + "): reading the "
					+ "listing takes longer than the bound allows, so no merge could ever be sent. Raise "
					+ "dedup.merge.max-listing-age above the time a listing takes, then run the same command");
		}

	}

}
