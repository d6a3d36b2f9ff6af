package io.inventdedup.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.inventdedup.simulator.Faults;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A long run says how far it is at a steady interval, and its figures add up. */
@IntegrationTest
@TestPropertySource(properties = "dedup.progress-interval=200ms")
@ExtendWith(OutputCaptureExtension.class)
class ProgressLogTests {

	private static final Pattern LINE = Pattern.compile("(progress|final): collected (\\d+) of (\\d+|\\?) groups listed; "
			+ "planned (\\d+), merged (\\d+), skipped (\\d+), failed (\\d+), pending (\\d+), needs review (\\d+); "
			+ "read in (\\d+) windows?[^;]*; ([\\d.]+) groups/s");

	@Autowired
	private DedupJobLauncher launcher;

	@Test
	void logsProgressLinesThatAddUpAndAFinalLineWithTheTotals(CapturedOutput output) {
		SimOrg org = TestInfrastructure.simulator().org("progress");
		OrgGenerator.seeded(60).plainContacts().maxGroupSize(3).populate(org, 300, 0);
		org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(15), Duration.ofMillis(10)));

		assertThat(this.launcher.launch(List.of("orgId=progress", "dryRun=false"))).isZero();

		List<long[]> progress = new ArrayList<>();
		long[] last = null;
		Matcher matcher = LINE.matcher(output.getOut());
		while (matcher.find()) {
			long listed = matcher.group(3).equals("?") ? Long.MAX_VALUE : Long.parseLong(matcher.group(3));
			long[] figures = { Long.parseLong(matcher.group(2)), listed, Long.parseLong(matcher.group(4)),
					Long.parseLong(matcher.group(5)), Long.parseLong(matcher.group(6)), Long.parseLong(matcher.group(7)),
					Long.parseLong(matcher.group(8)), Math.round(Double.parseDouble(matcher.group(11)) * 10) };
			assertThat(Long.parseLong(matcher.group(10)))
				.as("windows read: the org in one, then the pass that finds the merged groups gone")
				.isBetween(1L, 2L);
			assertThat(figures[0]).as("collected at most what is listed").isLessThanOrEqualTo(listed);
			assertThat(figures[2] + figures[3] + figures[4] + figures[5] + figures[6])
				.as("every group handled was collected first")
				.isLessThanOrEqualTo(figures[0]);
			if (matcher.group(1).equals("progress")) {
				progress.add(figures);
			}
			else {
				last = figures;
			}
		}
		assertThat(progress).as("progress lines during the run").hasSizeGreaterThanOrEqualTo(2);
		long[] first = progress.get(0);
		assertThat(first[7] > 0).as("the first line's rate is counted from the start of the run")
			.isEqualTo(first[2] + first[3] + first[4] + first[5] > 0);
		assertThat(last[7]).as("the final line's rate over the run").isPositive();
		assertThat(output.getOut()).containsPattern("final: .* groups/s over the run; took \\d+ min \\d+ s");
		assertThat(last).as("the final line").isNotNull();
		assertThat(last[0]).isEqualTo(300);
		assertThat(last[1]).isEqualTo(300);
		assertThat(last[3] + last[4]).isEqualTo(300);
		assertThat(last[6]).isZero();
	}

}
