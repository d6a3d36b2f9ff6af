package io.inventdedup.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.inventdedup.InventDedupApplication;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.support.DatabaseCommand;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator types, through the packaged command line ({@code InventDedupApplication.run}) on
 * the embedded PostgreSQL and the simulator: every argument is used or refused with exit code 2
 * before anything is called, with a message naming the argument and the fix; a run that fails says
 * why in one line, and so does its {@code --report}.
 */
@ExtendWith(OutputCaptureExtension.class)
class CommandLineTests {

	private static final String ORG = "cli";

	/** The schema, made as any command makes it, so that the refusals can count the runs they did not start. */
	@BeforeAll
	static void migrate() {
		assertThat(DatabaseCommand.run("--holds", ORG)).isZero();
	}

	/**
	 * Each argument an operator can get wrong, and what the refusal says. Every case is run with a
	 * valid database, and a run with the simulator's address and a valid token, so that nothing but
	 * the refusal stops it.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			orgId=cli dryRun=false --maxMerges=5 --skipAdmins=false | job parameters are written name=value, without dashes: maxMerges=5 (not --maxMerges=5)
			orgId=cli --dryRun=false                                 | job parameters are written name=value, without dashes: dryRun=false
			orgId=cli --aprove=1                                     | unknown command --aprove; did you mean --approve?
			--aprove 1 ct_1                                          | unknown command --aprove; did you mean --approve?
			orgId=cli --maxmerge=5                                   | did you mean the job parameter maxMerges=5?
			orgId=cli -x                                             | unknown command or option -x
			orgId=cli dryrun=false                                   | unknown job parameter 'dryrun' (did you mean 'dryRun'?)
			--reject 1 ct_123                                        | --reject needs --reason=TEXT
			--reject 1 ct_123 --reason=                              | --reason needs a value: --reason=TEXT
			--approve 1 --reason=ok                                  | --approve takes 2 words or more, got 1
			--report 1 --reason=why                                  | --reason is an option of --settle, --approve, --reject, --hold only, not of --report
			orgId=cli --reason=why                                   | --reason is an option of --settle, --approve, --reject, --hold only; a run takes job parameters
			--report --approve 1 ct_1 --reason=why                   | --report and --approve are two commands: give one at a time
			--report 1 2                                             | --report takes at most 1 word, and '2' is one too many
			--serve --local=yes                                      | --local takes no value: write --local alone
			--report 1 --csv=a --csv=b                               | --csv is given twice: give it once
			--report 1 --dedup.dry-run=false                         | --dedup.dry-run is a setting of a run of the job, and this command is a command on the database alone: it would change nothing
			orgId=cli --invent-dedup.review.roles.approve=x          | --invent-dedup.review.roles.approve is a setting of the review in a browser (--serve), and this command is a run of the job
			""")
	void refusesAnArgumentThatWouldBeIgnoredWithExitCodeTwoBeforeAnyCall(String arguments, String message,
			CapturedOutput output) {
		long requestsBefore = TestInfrastructure.simulator().requests(ORG, "GET");
		long runsBefore = runsOf(ORG);

		int exitCode = runWithEverythingElseValid(arguments.split(" "));

		assertThat(exitCode).isEqualTo(2);
		assertThat(output.getErr()).contains("Invalid command, nothing was run: ").contains(message);
		assertThat(TestInfrastructure.simulator().requests(ORG, "GET")).isEqualTo(requestsBefore);
		assertThat(runsOf(ORG)).isEqualTo(runsBefore);
	}

	@Test
	void reportsATypoBeforeAMissingTokenAndNeverAsksADatabaseCommandForOne(CapturedOutput output) {
		String[] database = { "--spring.datasource.url=" + TestInfrastructure.jdbcUrl(),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres" };

		assertThat(InventDedupApplication.run(concat(database, "orgId=cli", "dryrun=false"))).isEqualTo(2);
		assertThat(InventDedupApplication.run(concat(database, "--aprove", "1", "ct_1"))).isEqualTo(2);
		assertThat(DatabaseCommand.run("--holds", ORG)).isZero();

		assertThat(output).contains("unknown job parameter 'dryrun'")
			.contains("unknown command --aprove; did you mean --approve?")
			.doesNotContain("invent.api.token is required");
	}

	@Test
	void passesOnSpringBootsOwnSettingsAndSwitches(CapturedOutput output) {
		int exitCode = DatabaseCommand.run("--holds", ORG, "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--debug");

		assertThat(exitCode).isZero();
		assertThat(output.getErr()).doesNotContain("Invalid command");
		assertThat(output).contains("0 contacts of org " + ORG + " are held");
	}

	@Test
	void aRunThatCannotConnectSaysSoInOneLineAndItsReportSaysWhatToDoNext(CapturedOutput output) throws IOException {
		String org = "cli-refused";
		OrgGenerator.seeded(71).populate(TestInfrastructure.simulator().org(org), 5, 0);

		int exitCode = runJob("http://127.0.0.1:" + unusedPort(), "orgId=" + org, "dryRun=true");

		assertThat(exitCode).isEqualTo(1);
		assertThat(output.getOut()).containsPattern("cannot reach http://127\\.0\\.0\\.1:\\d+: connection refused")
			.containsPattern("next\\s+fix the cause, then run the same command again")
			.doesNotContain("Unable to process chunk")
			.doesNotContain("apply it with plan=")
			.doesNotContain("\tat ");
		long execution = lastExecutionOf(org);

		assertThat(DatabaseCommand.run("--report", String.valueOf(execution))).isZero();
		assertThat(output.getOut()).containsPattern("job execution\\s+" + execution + " \\(FAILED\\)")
			.containsPattern("dry run\\s+yes")
			.containsPattern("cause\\s+cannot reach http://127\\.0\\.0\\.1:\\d+: connection refused")
			.containsPattern("merged\\s+0\\R")
			.doesNotContain("null");

		assertThat(runJob(TestInfrastructure.simulator().baseUrl(), "orgId=" + org, "dryRun=false",
				"plan=" + execution)).isEqualTo(2);
		assertThat(output).contains("plan=" + execution + " is a dry run that did not complete (its last "
				+ "execution is FAILED)");
		assertThat(TestInfrastructure.simulator().requests(org, "POST")).isZero();

		assertThat(DatabaseCommand.run("--report")).isZero();
		assertThat(output.getOut()).containsPattern(execution + "\\s.*" + org + ".*FAILED");
	}

	@Test
	void aRunWhoseApiHostCannotResolveNamesTheHost(CapturedOutput output) {
		int exitCode = runJob("https://api.invent-dedup.invalid", "orgId=cli-unknown-host", "dryRun=true");

		assertThat(exitCode).isEqualTo(1);
		assertThat(output.getOut())
			.contains("cannot reach https://api.invent-dedup.invalid: unknown host api.invent-dedup.invalid")
			.doesNotContain("Unable to process chunk");
		assertThat(output.getAll()).doesNotContain(TestInfrastructure.TOKEN);
	}

	private static int runWithEverythingElseValid(String... arguments) {
		List<String> all = new ArrayList<>(List.of(arguments));
		if (arguments[0].startsWith("orgId=")) {
			all.add("--invent.api.base-url=" + TestInfrastructure.simulator().baseUrl());
			all.add("--invent.api.token=" + TestInfrastructure.TOKEN);
		}
		return DatabaseCommand.run(all.toArray(String[]::new));
	}

	/** A run with one attempt a call, so that a fault fails it at once instead of after its retries. */
	private static int runJob(String baseUrl, String... parameters) {
		return DatabaseCommand.run(concat(parameters, "--invent.api.base-url=" + baseUrl,
				"--invent.api.token=" + TestInfrastructure.TOKEN, "--invent.api.max-attempts=1"));
	}

	private static String[] concat(String[] first, String... more) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

	private static int unusedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static long runsOf(String org) {
		return jdbc().queryForObject("SELECT count(*) FROM batch_job_execution_params WHERE parameter_name = 'orgId'"
				+ " AND parameter_value = ?", Long.class, org);
	}

	private static long lastExecutionOf(String org) {
		return jdbc().queryForObject("SELECT max(job_execution_id) FROM batch_job_execution_params"
				+ " WHERE parameter_name = 'orgId' AND parameter_value = ?", Long.class, org);
	}

	private static JdbcTemplate jdbc() {
		return new JdbcTemplate(TestInfrastructure.postgres().getPostgresDatabase());
	}

}
