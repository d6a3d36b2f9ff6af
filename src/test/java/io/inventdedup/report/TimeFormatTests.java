package io.inventdedup.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.support.DatabaseCommand;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.RunAssertions;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One time format for people: every time the command line prints ({@code --report}, {@code --report ID},
 * a run's last log line) and every time a run's page shows (its facts, each contact's creation, each
 * decision) is UTC to the minute with the zone ({@code 2026-12-05 07:09 UTC}), every duration is
 * {@code 6.6 s} or {@code 2 min 14 s}, and the policy is words, not JSON.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TimeFormatTests {

	/** Anything that looks like a time of day. */
	private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?[^\\s\",]*( UTC)?");

	/** The start of a log record: its time stamp and level (text logs), or a JSON log record. */
	private static final Pattern LOG_RECORD = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\S+\\s+(TRACE|DEBUG|INFO|WARN|ERROR)\\b|\\{\"@timestamp\"");

	private static final Pattern ONE_FORMAT = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void everyTimeTheCommandLineAndARunsPageShowIsUtcToTheMinuteAndEveryDurationIsInWords(CapturedOutput output,
			@TempDir Path dir) throws IOException {
		String orgId = "one-time-format";
		OrgGenerator.seeded(48).sharedChannels(0.5).populate(TestInfrastructure.simulator().org(orgId), 30, 0);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "runKey=times"))).isZero();
		long execution = RunAssertions.lastExecution(this.jdbc, orgId);
		String queued = this.jdbc.queryForObject("SELECT min(group_key) FROM dedup_audit WHERE job_execution_id = ? "
				+ "AND status = 'NEEDS_REVIEW'", String.class, execution);
		assertThat(DatabaseCommand.run("--approve", String.valueOf(execution), queued, "--reason=one person", "--by=ann"))
			.isZero();
		assertThat(DatabaseCommand.run("--report")).isZero();
		assertThat(DatabaseCommand.run("--report", String.valueOf(execution))).isZero();
		Path page = dir.resolve("run.html");
		assertThat(DatabaseCommand.run("--report", String.valueOf(execution), "--html=" + page)).isZero();
		String html = Files.readString(page);

		// The command line's own lines: the logging's own time stamps (the start of a log record) are the logs' format.
		String printed = output.getOut().lines()
			.filter((line) -> !LOG_RECORD.matcher(line).lookingAt())
			.reduce("", (all, line) -> all + line + "\n");
		List<String> times = new ArrayList<>();
		for (String text : List.of(printed, html)) {
			Matcher time = TIME.matcher(text);
			while (time.find()) {
				times.add(time.group());
			}
		}
		assertThat(times).as("times printed and shown").hasSizeGreaterThan(10)
			.allSatisfy((time) -> assertThat(time).matches(ONE_FORMAT));
		assertThat(html).contains("\"duration\":\"").doesNotContainPattern("\"duration\":\"[^\"]*\\d\\.\\d{2,}s")
			.containsPattern("\"duration\":\"\\d+\\.\\d s\"|\"duration\":\"\\d+ min \\d+ s\"");
		assertThat(html).containsPattern("\"policy\":\"[a-zA-Z]+=").doesNotContain("\"policy\":\"{");
		assertThat(output.getOut()).containsPattern("policy\\s+carryOptOut=");
	}

}
