package io.inventdedup.job;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.inventdedup.audit.AuditRepository;
import io.inventdedup.audit.RunFacts;
import io.inventdedup.collect.Listing;
import io.inventdedup.collect.StagedGroups;
import io.inventdedup.run.DedupProperties;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Logs how far a run is at a steady interval ({@code dedup.progress-interval}), so that
 * {@code kubectl logs -f} answers "how far is it": groups collected of the listing's
 * {@code pagination-count}, planned, merged, skipped, failed, the current rate and the time left.
 */
@Component
class ProgressLog implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(ProgressLog.class);

	private final AuditRepository audit;

	private final StagedGroups stagedGroups;

	private final Duration interval;

	private ScheduledExecutorService scheduler;

	private long lastDone;

	private long lastAt;

	/** When this execution started, and how many groups earlier executions of the run had handled. */
	private long startedAt;

	private long doneAtStart;

	ProgressLog(AuditRepository audit, StagedGroups stagedGroups, DedupProperties properties) {
		this.audit = audit;
		this.stagedGroups = stagedGroups;
		this.interval = properties.progressInterval();
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.lastDone = -1;
		this.startedAt = System.nanoTime();
		RunFacts.Counts resumed = this.audit.summarize(jobExecution.getJobInstanceId());
		this.doneAtStart = resumed.planned() + resumed.merged() + resumed.skipped() + resumed.failed()
				+ resumed.needsReview();
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "invent-dedup-progress");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleAtFixedRate(() -> report(jobExecution, "progress"), this.interval.toMillis(),
				this.interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		this.scheduler.shutdownNow();
		report(jobExecution, "final");
	}

	private void report(JobExecution execution, String kind) {
		try {
			long collected = 0;
			long listed = -1;
			// The org as the execution began to read it: its first window's count (later windows see
			// what the merges left).
			for (StepExecution step : execution.getStepExecutions()) {
				if (step.getStepName().equals("collect") && listed < 0) {
					collected = step.getReadCount();
					listed = step.getExecutionContext().getLong("duplicateGroupReader.listingCount", -1);
				}
			}
			RunFacts.Counts summary = this.audit.summarize(execution.getJobInstanceId());
			collected = Math.max(collected, summary.groups());
			long done = summary.planned() + summary.merged() + summary.skipped() + summary.failed()
					+ summary.needsReview();
			long now = System.nanoTime();
			boolean last = kind.equals("final");
			double rate = rate(done, now, last);
			this.lastDone = done;
			this.lastAt = now;
			long total = Math.max(listed, collected);
			String pace = String.format("%.1f groups/s", rate);
			if (last) {
				pace += " over the run; took " + formatted(Duration.ofNanos(now - this.startedAt));
			}
			else {
				pace += "; time left " + ((rate > 0 && total > done)
						? formatted(Duration.ofSeconds((long) ((total - done) / rate))) : "unknown");
			}
			Listing listing = this.stagedGroups.listing(execution.getJobInstanceId()).orElse(null);
			String listings = (listing != null)
					? Listing.listed(listing.listings(), listing.oldestMergeAgeMillis()) : "";
			log.atInfo()
				.addKeyValue("collected", collected)
				.addKeyValue("listings", (listing != null) ? listing.listings() : 0)
				.addKeyValue("oldestListingMergedOnMs", (listing != null) ? listing.oldestMergeAgeMillis() : -1)
				.addKeyValue("listed", listed)
				.addKeyValue("planned", summary.planned())
				.addKeyValue("merged", summary.merged())
				.addKeyValue("skipped", summary.skipped())
				.addKeyValue("failed", summary.failed())
				.addKeyValue("pending", summary.pending())
				.addKeyValue("groupsPerSecond", Math.round(rate * 10) / 10.0)
				.log("{}: collected {} of {} groups listed; planned {}, merged {}, skipped {}, failed {}, pending {}, "
						+ "needs review {}{}; {}", kind, collected, (listed >= 0) ? listed : "?", summary.planned(),
						summary.merged(), summary.skipped(), summary.failed(), summary.pending(), summary.needsReview(),
						listings, pace);
		}
		catch (RuntimeException ex) {
			log.debug("No progress line this time: {}", ex.getMessage());
		}
	}

	/**
	 * Groups handled a second: since the last line; for the first line, since the run started; for
	 * the final line, over the whole run.
	 */
	private double rate(long done, long now, boolean last) {
		boolean sinceStart = last || this.lastDone < 0;
		long from = sinceStart ? this.startedAt : this.lastAt;
		long before = sinceStart ? this.doneAtStart : this.lastDone;
		return (now > from) ? Math.max(0, done - before) / ((now - from) / 1e9) : 0;
	}

	private static String formatted(Duration duration) {
		return (duration.toHours() > 0) ? duration.toHours() + " h " + duration.toMinutesPart() + " min"
				: duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
	}

}
