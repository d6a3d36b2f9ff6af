package io.inventdedup.job;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.inventdedup.policy.MergePolicy;
import io.inventdedup.simulator.Faults;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.MergeRecord;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimContact;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.JobProcess;
import io.inventdedup.support.RunAssertions;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away in the middle of a run: the job fails cleanly (exit 1), every merge the
 * API applied has its committed audit row, and the same command resumes the run once the database
 * is back.
 */
class DatabaseOutageIT {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Test
	void failsCleanlyWhenTheDatabaseGoesAwayAndResumesWhenItIsBack() throws IOException {
		Path dataDirectory = Files.createTempDirectory("invent-dedup-outage");
		int port = freePort();
		EmbeddedPostgres postgres = start(dataDirectory, port);
		String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
		Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate();
		String orgId = "outage";
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(40).maxGroupSize(6).populate(org, 400, 0);
		org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(40), Duration.ofMillis(40)));
		String[] command = { "orgId=" + orgId, "dryRun=false", "--invent.api.rate-limit-per-minute=60000",
				"--spring.datasource.hikari.connection-timeout=2000" };

		JobProcess job = JobProcess.start("outage", jdbcUrl, command);
		JdbcTemplate before = new JdbcTemplate(postgres.getPostgresDatabase());
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> before.queryForObject("SELECT count(*) FROM dedup_audit WHERE status = 'MERGED'",
					Long.class) >= 40);
		postgres.close();

		assertThat(job.waitFor(90)).as(job.output()).isEqualTo(1);
		int mergesWhileDown = this.simulator.mergeLog(orgId).size();

		postgres = start(dataDirectory, port);
		try {
			JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
			Set<String> audited = new HashSet<>(jdbc.queryForList(
					"SELECT survivor_contact_id FROM dedup_audit WHERE status IN ('PENDING', 'MERGED')", String.class));
			assertThat(this.simulator.mergeLog(orgId)).extracting(MergeRecord::survivorId)
				.as("every merge the API applied has its committed audit row")
				.allMatch(audited::contains);
			assertThat(mergesWhileDown).isLessThan((int) RunAssertions.expectedMerges(groups, MergePolicy.defaults()));

			org.setFaults(Faults.NONE);
			JobProcess resumed = JobProcess.start("outage", jdbcUrl, command);
			assertThat(resumed.waitFor(120)).as(resumed.output()).isZero();

			RunAssertions runs = new RunAssertions(this.simulator, jdbc);
			runs.assertFinalState(org, groups, MergePolicy.defaults());
			runs.assertAuditAgreesWithMergeLog(orgId);
			assertThat(runs.count(orgId, "PENDING")).isZero();
		}
		finally {
			postgres.close();
		}
	}

	private static EmbeddedPostgres start(Path dataDirectory, int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setPort(port)
			.start();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
