package io.inventdedup.job;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import io.inventdedup.InventDedupApplication;
import io.inventdedup.simulator.Faults;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.support.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The opt-in push of a run's final metrics to a Prometheus Pushgateway, here a local HTTP endpoint
 * that records what it receives.
 */
class MetricsPushTests {

	@Test
	void pushesEachOrgsMetricsAndTheRunsOutcomeToThePushgatewayWhenTheRunEnds() throws IOException {
		List<String> pushes = new CopyOnWriteArrayList<>();
		HttpServer pushgateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
		pushgateway.createContext("/", (exchange) -> {
			pushes.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + "\n"
					+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		pushgateway.start();
		try {
			OrgGenerator.seeded(90).populate(TestInfrastructure.simulator().org("metrics"), 25, 0);

			assertThat(run(pushgateway, "orgId=metrics", "dryRun=false")).isZero();

			assertThat(pushes).isNotEmpty();
			String success = pushes.get(pushes.size() - 1);
			assertThat(success).startsWith("POST /metrics/job/invent-dedup/org/metrics")
				.containsPattern("invent_dedup_groups_total\\{[^}]*outcome=\"merged\"[^}]*\\} [1-9]")
				.contains("invent_dedup_api_calls_seconds_count{call=\"POST\"")
				.contains("spring_batch_job")
				.containsPattern("invent_dedup_run_exit_code(\\{[^}]*\\})? 0")
				.containsPattern("invent_dedup_last_success_timestamp_seconds(\\{[^}]*\\})? [0-9.E]+")
				.as("the org's review queue: its size, its oldest wait, the wait the alert allows")
				.containsPattern("invent_dedup_review_queue_groups(\\{[^}]*\\})? [0-9.E]+")
				.containsPattern("invent_dedup_review_queue_oldest_timestamp_seconds(\\{[^}]*\\})? [0-9.E]+")
				.containsPattern("invent_dedup_review_queue_max_wait_seconds(\\{[^}]*\\})? 259200")
				.doesNotContain(TestInfrastructure.TOKEN);

			TestInfrastructure.simulator().org("metrics-failed").setFaults(Faults.NONE.withKeyRevoked());
			assertThat(run(pushgateway, "orgId=metrics-failed", "dryRun=false")).isEqualTo(1);

			String failure = pushes.get(pushes.size() - 1);
			assertThat(failure).startsWith("POST /metrics/job/invent-dedup/org/metrics-failed")
				.containsPattern("invent_dedup_run_exit_code(\\{[^}]*\\})? 1")
				.as("a failed run leaves the org's last success as it was (POST replaces only what it sends)")
				.doesNotContain("invent_dedup_last_success_timestamp_seconds");
		}
		finally {
			pushgateway.stop(0);
		}
	}

	private static int run(HttpServer pushgateway, String... parameters) {
		List<String> args = new ArrayList<>(List.of(TestInfrastructure.commandLine(parameters)));
		args.addAll(List.of("--management.prometheus.metrics.export.pushgateway.enabled=true",
				"--management.prometheus.metrics.export.pushgateway.address=127.0.0.1:"
						+ pushgateway.getAddress().getPort(),
				"--management.prometheus.metrics.export.pushgateway.format=text"));
		return InventDedupApplication.run(args.toArray(String[]::new));
	}

}
