package io.inventdedup.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.inventdedup.InventDedupApplication;
import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The report mode of the jar: a run's summary and its audit as CSV, from the database alone. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ReportTests {

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void printsARunsSummaryAndExportsItsAuditAsCsvWithoutAnApiToken(CapturedOutput output) throws Exception {
		OrgGenerator.seeded(50).populate(TestInfrastructure.simulator().org("report"), 40, 0);
		assertThat(this.launcher.launch(List.of("orgId=report", "dryRun=false"))).isZero();
		long execution = this.jdbc.queryForObject(
				"SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = 'report'", Long.class);
		long merged = this.jdbc.queryForObject(
				"SELECT count(*) FROM dedup_audit WHERE org_id = 'report' AND status = 'MERGED'", Long.class);
		Path csv = Files.createTempFile("audit", ".csv");

		int exitCode = InventDedupApplication.run("--report", String.valueOf(execution), "--csv=" + csv,
				"--spring.datasource.url=" + TestInfrastructure.jdbcUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres");

		assertThat(exitCode).isZero();
		assertThat(output).containsPattern("org\\s+report")
			.containsPattern("merged\\s+" + merged + "\\R")
			.contains("Wrote 40 audit rows to " + csv);
		List<String> lines = Files.readAllLines(csv);
		assertThat(lines).hasSize(41);
		assertThat(lines.get(0)).startsWith("id,job_instance_id,job_execution_id,org_id,group_key,dry_run,status");
		assertThat(lines.stream().filter((line) -> line.contains("\"MERGED\""))).hasSize((int) merged);
	}

	@Test
	void refusesAnExecutionThatDoesNotExistWithExitCodeTwo(CapturedOutput output) {
		int exitCode = InventDedupApplication.run("--report=999999",
				"--spring.datasource.url=" + TestInfrastructure.jdbcUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres");

		assertThat(exitCode).isEqualTo(2);
		assertThat(output).contains("No run has job execution 999999");
	}

}
