package io.inventdedup.collect;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.inventdedup.policy.ListingWindow;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Judges the listing the collect step read, in this order:
 * <ol>
 * <li>before the step, a collect that starts from the first page (a new run, one whose earlier
 * collect fell short, or one whose listing grew older than {@code dedup.merge.max-listing-age})
 * begins a new listing of the run: what an incomplete listing left in the snapshot is not
 * trusted, and goes;</li>
 * <li>after the step, the distinct groups staged are compared with the last
 * {@code pagination-count}, and recorded in {@code dedup_listing}; the snapshot is analysed, so
 * that the merge step's queries are planned on its statistics;</li>
 * <li>a shortfall is logged as a WARN line; one larger than {@code dedup.collect.max-shortfall} of
 * the count fails the step, so that nothing is merged, and forgets the reader's position, so that
 * the same command collects the whole listing again.</li>
 * </ol>
 */
class ListingCheck implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(ListingCheck.class);

	private final StagedGroups stagedGroups;

	private final double maxShortfall;

	private final ListingWindows windows;

	private final CollectRun run;

	private final String orgId;

	ListingCheck(StagedGroups stagedGroups, ListingWindows windows, double maxShortfall, CollectRun run) {
		this.stagedGroups = stagedGroups;
		this.windows = windows;
		this.maxShortfall = maxShortfall;
		this.run = run;
		this.orgId = run.orgId();
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		if (!stepExecution.getExecutionContext().containsKey(DuplicateGroupReader.PAGE)) {
			long jobInstanceId = stepExecution.getJobExecution().getJobInstanceId();
			this.stagedGroups.startListing(jobInstanceId, this.run.orgId(), this.windows.next(jobInstanceId, this.run));
		}
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		if (stepExecution.getStatus() != BatchStatus.COMPLETED) {
			return null;
		}
		long jobInstanceId = stepExecution.getJobExecution().getJobInstanceId();
		ExecutionContext context = stepExecution.getExecutionContext();
		int number = this.stagedGroups.collectingListing(jobInstanceId);
		Listing listing = new Listing(context.getLong(DuplicateGroupReader.LISTING_COUNT, -1),
				this.stagedGroups.count(jobInstanceId, number));
		// Shifted: the count changed between pages (groups merged, deleted or added meanwhile moved the
		// pages; pages that merely overlap, as some APIs serve them, are no shift). What such a listing
		// missed, the listing the merge step asks for next holds: no shortfall fails it.
		boolean shifted = context.containsKey(DuplicateGroupReader.SHIFTED)
				&& (Boolean) context.get(DuplicateGroupReader.SHIFTED);
		ListingWindow window = this.stagedGroups.collectingWindow(jobInstanceId);
		int page = context.getInt(DuplicateGroupReader.PAGE, window.firstPage());
		StagedGroups.WindowRead read = new StagedGroups.WindowRead(page - 1,
				context.getInt(DuplicateGroupReader.PAGE_SIZE, 0),
				context.containsKey(DuplicateGroupReader.REACHED_END)
						&& (Boolean) context.get(DuplicateGroupReader.REACHED_END));
		// Only a window that read the whole listing before anything was merged (a dry run's, or a run's
		// first when its org fits in one) is compared with its count: a later window reads a part, or
		// what merges left.
		boolean whole = window.firstPage() == 1 && read.reachedEnd()
				&& (window.toTheEnd() || this.stagedGroups.latestListing(jobInstanceId).isEmpty());
		boolean tolerated = !whole || shifted || listing.shortfall() == 0
				|| listing.shortfall() <= this.maxShortfall * listing.announced();
		this.stagedGroups.recordListing(jobInstanceId, number, listing, tolerated, shifted, read);
		if (number == 1 || window.toTheEnd()) {
			// At a run's first window (or its whole listing), not at every window: the indexes serve the
			// hot path whatever the statistics, which ANALYZE samples from the whole table.
			this.stagedGroups.analyze();
		}
		if (!whole || listing.shortfall() == 0) {
			return null;
		}
		log.atWarn()
			.addKeyValue("orgId", this.orgId)
			.addKeyValue("announced", listing.announced())
			.addKeyValue("collected", listing.collected())
			.addKeyValue("shortfall", listing.shortfall())
			.log("The duplicate listing announced {} groups but the collect saw {}", listing.announced(),
					listing.collected());
		if (tolerated) {
			return null;
		}
		context.remove(DuplicateGroupReader.PAGE);
		context.remove(DuplicateGroupReader.INDEX);
		stepExecution.setStatus(BatchStatus.FAILED);
		stepExecution.addFailureException(new ListingShortfallException(this.orgId, listing, this.maxShortfall));
		return ExitStatus.FAILED;
	}

}
