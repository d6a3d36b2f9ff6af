package io.inventdedup.job;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

import io.inventdedup.decision.DecisionRepository;
import io.inventdedup.run.DedupProperties;
import io.inventdedup.run.RunParameters;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The org's review queue after each run, as metrics for the alert of {@code k8s/monitoring}
 * ({@code InventDedupReviewQueueWaiting}): {@code invent_dedup_review_queue_groups} (how many groups
 * wait for a person), {@code invent_dedup_review_queue_oldest_timestamp_seconds} (since when the
 * group that waited longest waits; now when none waits) and
 * {@code invent_dedup_review_queue_max_wait_seconds} ({@code dedup.review-queue-max-wait}, default 3
 * days: how long a group may wait before the alert fires). Pushed with the run's other metrics, per org.
 */
@Component
class QueueMetrics implements JobExecutionListener {

	private final DecisionRepository decisions;

	private final MeterRegistry meters;

	private final Duration maxWait;

	private final Clock clock = Clock.systemUTC();

	private final AtomicLong groups = new AtomicLong();

	private final AtomicLong oldestSince = new AtomicLong();

	QueueMetrics(DecisionRepository decisions, MeterRegistry meters, DedupProperties properties) {
		this.decisions = decisions;
		this.meters = meters;
		this.maxWait = properties.reviewQueueMaxWait();
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		DecisionRepository.QueueFacts queue = this.decisions
			.queueFacts(RunParameters.from(jobExecution.getJobParameters()).orgId());
		this.groups.set(queue.groups());
		this.oldestSince.set((queue.oldestSince() != null) ? queue.oldestSince().toEpochMilli() : this.clock.millis());
		Gauge.builder("invent.dedup.review.queue.groups", this.groups, AtomicLong::get)
			.description("how many groups of the org wait for a person")
			.register(this.meters);
		TimeGauge.builder("invent.dedup.review.queue.oldest.timestamp", this.oldestSince, TimeUnit.MILLISECONDS,
				AtomicLong::get)
			.description("since when the org's group that waited longest waits for a person (now when none waits)")
			.register(this.meters);
		TimeGauge.builder("invent.dedup.review.queue.max.wait", this.maxWait, TimeUnit.MILLISECONDS, Duration::toMillis)
			.description("how long a group may wait for a person before the queue's alert fires (dedup.review-queue-max-wait)")
			.register(this.meters);
	}

}
