package io.inventdedup.job;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.inventdedup.audit.AuditRepository;
import io.inventdedup.audit.RunSummary;

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

	private final Duration interval;

	private ScheduledExecutorService scheduler;

	private long lastDone;

	private long lastAt;

	ProgressLog(AuditRepository audit, DedupProperties properties) {
		this.audit = audit;
		this.interval = properties.progressInterval();
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.lastDone = -1;
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
			for (StepExecution step : execution.getStepExecutions()) {
				if (step.getStepName().equals("collect")) {
					collected = step.getReadCount();
					listed = step.getExecutionContext().getLong("duplicateGroupReader.listingCount", -1);
				}
			}
			RunSummary summary = this.audit.summarize(execution.getJobInstanceId());
			collected = Math.max(collected, summary.groups());
			long done = summary.planned() + summary.merged() + summary.skipped() + summary.failed();
			long now = System.nanoTime();
			double rate = (this.lastDone >= 0 && now > this.lastAt)
					? (done - this.lastDone) / ((now - this.lastAt) / 1e9) : 0;
			this.lastDone = done;
			this.lastAt = now;
			long total = Math.max(listed, collected);
			String left = (rate > 0 && total > done) ? formatted(Duration.ofSeconds((long) ((total - done) / rate)))
					: "unknown";
			log.atInfo()
				.addKeyValue("collected", collected)
				.addKeyValue("listed", listed)
				.addKeyValue("planned", summary.planned())
				.addKeyValue("merged", summary.merged())
				.addKeyValue("skipped", summary.skipped())
				.addKeyValue("failed", summary.failed())
				.addKeyValue("pending", summary.pending())
				.addKeyValue("groupsPerSecond", Math.round(rate * 10) / 10.0)
				.log("{}: collected {} of {} groups listed; planned {}, merged {}, skipped {}, failed {}, pending {}; "
						+ "{} groups/s; time left {}", kind, collected, (listed >= 0) ? listed : "?",
						summary.planned(), summary.merged(), summary.skipped(), summary.failed(), summary.pending(),
						String.format("%.1f", rate), left);
		}
		catch (RuntimeException ex) {
			log.debug("No progress line this time: {}", ex.getMessage());
		}
	}

	private static String formatted(Duration duration) {
		return (duration.toHours() > 0) ? duration.toHours() + " h " + duration.toMinutesPart() + " min"
				: duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
	}

}
