package io.inventdedup.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's plan scenario on a small org, in every verify: the benchmark's own queries (the
 * job's times, each step's peak heap, the merge step's pace) run against the schema as it is, so
 * that a migration cannot break them unnoticed. Its figures are not asserted: speed is for
 * {@code -Pbench} and docs/benchmarks.md.
 */
class BenchmarkSmokeIT {

	@Test
	void thePlanScenarioRunsOnASmallOrgAndReportsEachFigure() throws Exception {
		System.setProperty("bench.plan.groups", "300");
		// The JIT's first tier and the serial collector, as the other process tests: its figures are
		// not read, its queries are. Options given on the command line come after them.
		String given = System.getProperty("bench.job.jvm-options");
		System.setProperty("bench.job.jvm-options",
				"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" + (given == null ? "" : " " + given));
		List<String> rows;
		try {
			Benchmark benchmark = Benchmark.onConfiguredDatabase();
			benchmark.run("plan", 1);
			rows = benchmark.rows();
		}
		finally {
			System.clearProperty("bench.plan.groups");
			if (given == null) {
				System.clearProperty("bench.job.jvm-options");
			}
			else {
				System.setProperty("bench.job.jvm-options", given);
			}
		}
		assertThat(rows).hasSize(4);
		assertThat(rows.get(0)).startsWith("| plan | 1 | dry run of 300 groups: ").contains("; exit 0; peak heap ")
			.containsPattern("by step: .*collect");
		assertThat(rows.get(1)).containsPattern("dry run's merge step, groups/s each 15 s: \\d+");
		assertThat(rows.get(2)).containsPattern("apply of that plan: [1-9][\\d,]* merged; [\\d.]+ s of job time; exit 0;")
			.containsPattern("by step: .*merge");
		assertThat(rows.get(3)).containsPattern("apply's merge step, groups/s each 15 s: \\d+");
	}

}
