package io.inventdedup.invent;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.inventdedup.InventDedupApplication;
import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.simulator.Faults;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.FreshLogging;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API token never leaks: a run at TRACE level, through retries, failures and a refused key,
 * writes it to no log line and to no table: a run on the context the other integration tests share,
 * at TRACE for its run alone ({@code FreshLogging} sets the logging up again before the next test),
 * and a run with a revoked key as an application of its own, at TRACE from its start.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsTests {

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void theTokenReachesNoLogLineAtAnyLevelAndNoTable(CapturedOutput output) {
		SimOrg org = TestInfrastructure.simulator().org("secrets");
		OrgGenerator.seeded(70).populate(org, 30, 0);
		org.setFaults(Faults.NONE.withUnavailable(0.2).withConflicts(0.1).withLostMergeAnswers(0.1, 0.1));
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		LogLevel before = logging.getLoggerConfiguration(LoggingSystem.ROOT_LOGGER_NAME).getConfiguredLevel();
		logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.TRACE);
		try {
			assertThat(this.launcher.launch(List.of("orgId=secrets", "dryRun=false"))).isIn(0, 1);
		}
		finally {
			logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, before);
		}
		// The run with a revoked key as an application of its own at TRACE, from its start: the token
		// bound from its settings, the client and its pools made, Flyway, the refusal.
		org.setFaults(Faults.NONE.withKeyRevoked());
		assertThat(FreshLogging.runWithItsOwnLogging(() -> InventDedupApplication.run(TestInfrastructure
			.commandLine("orgId=secrets", "dryRun=false", "runKey=revoked", "--logging.level.root=TRACE"))))
			.isEqualTo(1);

		assertThat(output.getAll()).as("the HTTP client logged its calls").contains("HTTP POST", "HTTP GET")
			.doesNotContain(TestInfrastructure.TOKEN);
		List<String> tables = this.jdbc.queryForList(
				"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", String.class);
		assertThat(tables).contains("dedup_audit", "batch_job_execution_params", "batch_step_execution_context");
		for (String table : tables) {
			assertThat(this.jdbc.queryForObject(
					"SELECT count(*) FROM \"" + table + "\" t WHERE t::text LIKE '%' || ? || '%'", Long.class,
					TestInfrastructure.TOKEN))
				.as("rows of %s holding the token", table)
				.isZero();
		}
	}

}
