package io.inventdedup.decision;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
 * What an operator types with a decision is text a person reads later: a reason of more than 1,000
 * characters, or with control characters (a terminal escape sequence), is refused with a message,
 * exit 2, nothing recorded; so is a page or a CSV file that cannot be written where it was asked.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DecisionInputTests {

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void refusesALongReasonControlCharactersOrLineSeparatorsAndRecordsNothing(CapturedOutput output) {
		assertThat(DatabaseCommand.run("--hold", "decisions", "ct_1", "--reason=" + "x".repeat(100_000))).isEqualTo(2);
		assertThat(output).contains("--reason is 100000 characters long; at most 1000 are kept");
		assertThat(DatabaseCommand.run("--hold", "decisions", "ct_1", "--reason=VIP \u001b[31mred\u001b[0m")).isEqualTo(2);
		assertThat(output).contains("--reason holds control characters");
		for (String separator : new String[] { "\u2028", "\u2029", "\u0085", "\r\n" }) {
			assertThat(DatabaseCommand.run("--hold", "decisions", "ct_1", "--reason=one line" + separator + "another"))
				.as("a line or paragraph separator in a reason said to be one line").isEqualTo(2);
		}
		assertThat(DatabaseCommand.run("--hold", "decisions", "ct_1", "--reason=VIP", "--by=" + "b".repeat(101)))
			.isEqualTo(2);
		assertThat(output).contains("--by is 101 characters long");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM dedup_hold WHERE org_id = 'decisions'", Long.class))
			.isZero();
		assertThat(DatabaseCommand.run("--hold", "decisions", "ct_1", "--reason=" + "x".repeat(1_000))).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM dedup_hold WHERE org_id = 'decisions'", Long.class))
			.isOne();
	}

	@Test
	void saysWhichPathCannotBeWrittenAndWhyWithExitCodeTwo(CapturedOutput output) {
		OrgGenerator.seeded(90).plainContacts().populate(TestInfrastructure.simulator().org("decisions-page"), 5, 0);
		assertThat(this.launcher.launch(List.of("orgId=decisions-page"))).isZero();
		String execution = String.valueOf(new RunAssertions(TestInfrastructure.simulator(), this.jdbc)
			.lastExecution("decisions-page"));
		Path nowhere = Path.of("target", "no-such-folder", "run.html");

		assertThat(DatabaseCommand.run("--report", execution, "--html=" + nowhere)).isEqualTo(2);
		assertThat(output).contains("Cannot write " + nowhere + ": the folder")
			.contains("does not exist; nothing was written")
			.doesNotContain("\tat ");
		assertThat(DatabaseCommand.run("--report", execution, "--csv=target")).isEqualTo(2);
		assertThat(output).contains("Cannot write target: it is a folder");
	}

}
