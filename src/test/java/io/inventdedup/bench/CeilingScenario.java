package io.inventdedup.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.inventdedup.simulator.Faults;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.JobProcess;

/**
 * Scenario 10: an org of any size at the API's ceiling. The simulator allows 500 requests a minute
 * and answers in 100 ms; the bound ({@code -Dbench.ceiling.bound}, 60 s) is scaled down with the org,
 * so that an org whose listing takes L to read stands for one of L / bound × 30 min at the default
 * bound: for each ratio of {@code -Dbench.ceiling.ratios} (0.1, 0.67, 2: about 150,000, 1,000,000 and
 * 3,000,000 groups at 30 min), an org of ratio × bound × 500/min pages of 100 groups, merged by a
 * real run for {@code -Dbench.ceiling.minutes} (4), then stopped (SIGTERM). Measured at the simulator:
 * merges a minute and their share of what the budget leaves after the follow-up updates, the
 * requests spent listing, the oldest listing a merge reached the API on and how many came after
 * their bound.
 */
class CeilingScenario {

	private static final int RATE = 500;

	private final Benchmark bench;

	CeilingScenario(Benchmark bench) {
		this.bench = bench;
	}

	void run(int run) throws Exception {
		Duration bound = Duration.parse("PT" + System.getProperty("bench.ceiling.bound", "60s").toUpperCase(Locale.ROOT));
		Duration length = Duration.ofMinutes(Integer.getInteger("bench.ceiling.minutes", 4));
		List<String> ratios = List.of(System.getProperty("bench.ceiling.ratios", "0.1,0.67,2").split(","));
		InventSimulator simulator = this.bench.simulator;
		for (String ratio : ratios) {
			double pages = Double.parseDouble(ratio) * bound.toSeconds() * RATE / 60.0;
			int groups = (int) Math.round(pages * 100);
			String orgId = "bench-ceiling-" + ratio.replace('.', '_') + "-" + run;
			SimOrg org = simulator.org(orgId);
			OrgGenerator.seeded(1000 + run).plainContacts().maxGroupSize(3).populate(org, groups, 0);
			org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(100), Duration.ofMillis(10))
				.withRateLimit(RATE, Duration.ofMinutes(1)));
			JobProcess job = JobProcess.start(java.nio.file.Path.of("target", "bench", orgId + ".log"),
					this.bench.jdbcUrl, List.of("-Xmx256m"), List.of("orgId=" + orgId, "dryRun=false",
							"--invent.api.rate-limit-per-minute=" + RATE, "--dedup.merge.max-listing-age=" + bound.toSeconds() + "s"));
			long started = System.nanoTime();
			boolean completed = job.endsWithin(length);
			long stoppedAt = System.nanoTime();
			if (!completed) {
				job.terminate();
				job.waitFor(120);
			}
			List<InventSimulator.Call> calls = new ArrayList<>(simulator.calls(orgId));
			long first = calls.isEmpty() ? started : calls.get(0).at();
			long end = completed ? calls.get(calls.size() - 1).at() : stoppedAt;
			List<InventSimulator.Call> within = calls.stream().filter((call) -> call.at() <= end).toList();
			long pagesRead = within.stream().filter((call) -> call.path().endsWith("/duplicates")).count();
			long merges = within.stream().filter((call) -> call.method().equals("POST")).count();
			long followUps = within.stream().filter((call) -> call.method().equals("PATCH")).count();
			double minutes = (end - first) / 60e9;
			double budget = RATE * minutes;
			List<Duration> ages = org.watch().mergeAges();
			long leftListed = org.groups().size();
			long sources = simulator.mergeLog(orgId).stream().mapToLong((merge) -> merge.sourceIds().size()).sum();
			long distinctSources = simulator.mergeLog(orgId).stream().flatMap((merge) -> merge.sourceIds().stream())
				.distinct().count();
			Duration oldest = ages.stream().max(Duration::compareTo).orElse(Duration.ZERO);
			long late = ages.stream().filter((age) -> age.compareTo(bound) > 0).count();
			this.bench.row("ceiling", run, String.format(Locale.ROOT,
					"L/B %s (%,d groups, listing %.0f s, bound %d s): %s after %.1f min; %,d merge requests, %.0f a "
							+ "minute = %.1f%% of what the budget leaves after %d follow-ups; %,d pages read (%.1f%% of "
							+ "%,d requests); %d windows; oldest listing a merge reached the API on %.1f s, %d after "
							+ "the bound; %,d groups still listed, %d contacts merged twice; exit %d",
					ratio, groups, pages * 60 / RATE, bound.toSeconds(), completed ? "completed" : "stopped", minutes,
					merges, merges / minutes, 100 * merges / (budget - followUps), followUps, pagesRead,
					100.0 * pagesRead / within.size(), within.size(), windows(orgId), oldest.toMillis() / 1000.0, late,
					leftListed, sources - distinctSources, job.exitValue()));
		}
	}

	private long windows(String orgId) {
		return this.bench.jdbc.queryForObject("SELECT count(*) FROM dedup_listing WHERE org_id = ? AND completed",
				Long.class, orgId);
	}

}
