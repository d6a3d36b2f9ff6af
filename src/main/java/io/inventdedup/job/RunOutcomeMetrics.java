package io.inventdedup.job;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

import org.springframework.stereotype.Component;

/**
 * How the run ended, as metrics for the alerts of {@code k8s/monitoring}: {@code
 * invent_dedup_run_exit_code} (the documented exit code) and, when it completed,
 * {@code invent_dedup_last_success_timestamp_seconds}. The Pushgateway keeps them per org (the
 * grouping key carries the org) and, pushed with POST, a failed run leaves the org's last success
 * as it was.
 */
@Component
class RunOutcomeMetrics {

	private final MeterRegistry meters;

	private final Clock clock;

	private final AtomicInteger exitCode = new AtomicInteger();

	private final AtomicLong lastSuccess = new AtomicLong();

	RunOutcomeMetrics(MeterRegistry meters) {
		this.meters = meters;
		this.clock = Clock.systemUTC();
	}

	void record(int code) {
		this.exitCode.set(code);
		Gauge.builder("invent.dedup.run.exit.code", this.exitCode, AtomicInteger::get)
			.description("exit code of the org's last run: 0 completed, 1 failed or stopped, 2 wrong command, 3 locked")
			.register(this.meters);
		if (code == ExitCodes.COMPLETED) {
			this.lastSuccess.set(this.clock.millis());
			TimeGauge.builder("invent.dedup.last.success.timestamp", this.lastSuccess, TimeUnit.MILLISECONDS,
					AtomicLong::get)
				.description("when the org's last completed run ended")
				.register(this.meters);
		}
	}

}
