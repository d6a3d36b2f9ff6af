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

import io.inventdedup.collect.CurrentListing;
import io.inventdedup.collect.DatabaseClock;
import io.inventdedup.collect.ListingWindows;
import io.inventdedup.collect.StagedGroups;
import io.inventdedup.policy.ListingAge;
import io.inventdedup.policy.ListingWindow;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Keeps the merge step on what the org is now ({@code dedup.merge.max-listing-age}): the run lists
 * its org in windows ({@link ListingWindow}), each as many pages as it can merge within the bound, in
 * this order (its listener methods are run by the {@link MergeWriter}):
 * <ol>
 * <li>before the step, the run's latest window is the one it acts on: the merges left PENDING by
 * earlier windows are carried into it, the windows of earlier passes go; a window of one page that
 * this execution read and that is already too old as the step begins (reading one page took
 * longer than the bound) fails the run with a message that says so; a longer one is cut short
 * (nothing of it is merged, and the next window is half as long);</li>
 * <li>while the step runs, the reader stops reading once the window is older than the bound
 * ({@link #tooOld()}), and no merge leaves once its window is ({@link #maySend()}, asked after the
 * merge's rate permit, right before it is sent);</li>
 * <li>after the step, what became of the window's groups is recorded and the next window decided:
 * the step ends with the exit status {@code RELIST} (the job reads the next window), or completes
 * when the run has looked at every group listed: a pass over the whole listing that sent no merge.
 * The age of the oldest window a merge was sent on is kept in {@code dedup_listing}.</li>
 * </ol>
 * A dry run sends nothing: it reads the whole listing in one window, and no bound applies.
 */
class ListingFreshness implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(ListingFreshness.class);

	/** How many one-page windows in a row may grow too old before a group is recorded from them. */
	static final int MAX_FRUITLESS_LISTINGS = 3;

	private static final String FRUITLESS_LISTINGS = "invent-dedup.fruitlessListings";

	/**
	 * Time kept between a merge's last check and the bound: the request is written after the check,
	 * and reaches Invent a moment later.
	 */
	private static final double SEND_MARGIN = 0.01;

	private final StagedGroups stagedGroups;

	private final ListingWindows windows;

	private final MergeRun run;

	private final Duration bound;

	private final int requestsPerMinute;

	private final DatabaseClock clock;

	private final AtomicBoolean stale = new AtomicBoolean();

	private final AtomicLong oldestMergeAge = new AtomicLong(-1);

	/** Whether a group was recorded from this listing before it grew too old. */
	private final AtomicBoolean progressed = new AtomicBoolean();

	private CurrentListing listing;

	private long jobInstanceId;

	ListingFreshness(StagedGroups stagedGroups, ListingWindows windows, MergeRun run,
			Duration bound, int requestsPerMinute, DatabaseClock clock) {
		this.stagedGroups = stagedGroups;
		this.windows = windows;
		this.run = run;
		this.bound = bound;
		this.requestsPerMinute = requestsPerMinute;
		this.clock = clock;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.jobInstanceId = stepExecution.getJobExecution().getJobInstanceId();
		this.listing = this.stagedGroups.latestListing(this.jobInstanceId)
			.orElseThrow(() -> new IllegalStateException("the run has no complete listing to merge from"));
		this.stagedGroups.retireEarlierPasses(this.jobInstanceId, this.listing);
		LocalDateTime executionStart = stepExecution.getJobExecution().getStartTime();
		// Spring Batch keeps the execution's start on this process's clock, the listing's on the database's.
		boolean listedByThisExecution = executionStart != null && !this.listing.startedAt()
			.isBefore(this.clock.fromLocal(executionStart.atZone(ZoneId.systemDefault()).toInstant()));
		if (tooOld() && listedByThisExecution && this.listing.window().pages() == 1) {
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
		if (!stepExecution.getExitStatus().getExitCode().equals(ExitStatus.COMPLETED.getExitCode())) {
			return null;
		}
		ExecutionContext job = stepExecution.getJobExecution().getExecutionContext();
		if (!this.stale.get()) {
			job.putInt(FRUITLESS_LISTINGS, 0);
		}
		else {
			int fruitless = (this.progressed.get() || this.listing.window().pages() != 1) ? 0
					: job.getInt(FRUITLESS_LISTINGS, 0) + 1;
			job.putInt(FRUITLESS_LISTINGS, fruitless);
			if (fruitless >= MAX_FRUITLESS_LISTINGS) {
				NeverFreshException never = new NeverFreshException(this.run.orgId(), fruitless, this.bound,
						this.clock.offset());
				stepExecution.addFailureException(never);
				return new ExitStatus(ExitStatus.FAILED.getExitCode(), never.getMessage());
			}
		}
		ListingWindow window = this.listing.window();
		ListingWindows.Merged merged = this.windows.merged(this.jobInstanceId, this.listing, this.stale.get(),
				this.oldestMergeAge.get() >= 0, this.bound, this.requestsPerMinute);
		ListingWindow next = merged.next();
		if (next == null) {
			if (merged.givesUp()) {
				log.atWarn()
					.addKeyValue("orgId", this.run.orgId())
					.log("{} passes over the listing in a row found it moved (groups merged, added or moved in Invent "
							+ "while it was read): the run completes on the last one, and groups the moves hid may not "
							+ "have been looked at; run again (another runKey) when the org holds still", window.pass());
			}
			return null;
		}
		if (next.pass() > window.pass()) {
			log.atInfo()
				.addKeyValue("orgId", this.run.orgId())
				.addKeyValue("pass", next.pass())
				.log("The listing moved while the run read it (its merges, or groups merged or added in Invent): "
						+ "reading it again from its first page, so that no group the moves hid is left unlooked at");
		}
		else {
			log.atDebug()
				.addKeyValue("orgId", this.run.orgId())
				.addKeyValue("listing", this.listing.number())
				.addKeyValue("nextPage", next.firstPage())
				.addKeyValue("pages", next.pages())
				.addKeyValue("stale", this.stale.get())
				.log("Reading the next window of the listing");
		}
		return new ExitStatus(MergeStepConfiguration.RELIST, "window " + this.listing.number() + " merged; next: pass "
				+ next.pass() + ", pages " + next.firstPage() + ((next.pages() > 0)
						? " to " + (next.firstPage() + next.pages() - 1) : " to the end"));
	}

	/** Whether the window is older than the bound now; when it is, the step stops. A dry run's never is. */
	boolean tooOld() {
		return tooOldAt(this.clock.instant(), Duration.ZERO);
	}

	private boolean tooOldAt(Instant now, Duration margin) {
		if (this.run.dryRun()) {
			return false;
		}
		boolean tooOld = ListingAge.tooOld(this.listing.startedAt(), now.plus(margin), this.bound);
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
	 * Whether a merge may be sent now, on this window: asked once its rate permit is taken, right
	 * before the request leaves, a moment ({@value #SEND_MARGIN} of the bound) before the bound. When
	 * it may, its age is counted towards the oldest window a merge acted on.
	 */
	boolean maySend() {
		Instant now = this.clock.instant();
		if (tooOldAt(now, Duration.ofMillis((long) (this.bound.toMillis() * SEND_MARGIN)))) {
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

	/** A one-page window too old to merge on from the moment it is read: the bound is shorter than a page takes. */
	static class ListingTooOldException extends IllegalStateException {

		ListingTooOldException(String orgId, CurrentListing listing, Duration age, Duration bound) {
			super("Window " + listing.number() + " of the listing of org " + orgId + " (one page) is "
					+ age.toSeconds() + " s old as its merges begin, older than dedup.merge.max-listing-age (" + bound
					+ "): reading one page of the listing takes longer than the bound allows, so no merge could ever "
					+ "be sent. Raise dedup.merge.max-listing-age above the time a page takes, then run the same "
					+ "command");
		}

	}

}
