package io.inventdedup.job;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * The database goes away in the middle of two runs that share one API budget, with the default
 * chunk and concurrency: each gives up within a minute (exit 1), sends nothing once its permits
 * can no longer be had, every merge the API applied has its committed audit row, and the same
 * commands resume both runs once the database is back.
 */
class DatabaseOutageIT {

	/** The bound the issue sets: a run gives up within a minute of losing its database. */
	private static final Duration GIVE_UP_WITHIN = Duration.ofSeconds(60);

	private static final int CONCURRENCY = 8;

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Test
	void everyRunOnTheBudgetGivesUpWithinAMinuteOfLosingTheDatabaseSendsNothingMoreAndResumes() throws Exception {
		Path dataDirectory = Files.createTempDirectory("invent-dedup-outage");
		int port = freePort();
		EmbeddedPostgres postgres = start(dataDirectory, port);
		String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
		Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate();
		List<String> orgIds = List.of("outage-a", "outage-b");
		Map<String, List<List<SimContact>>> groups = new HashMap<>();
		for (String orgId : orgIds) {
			SimOrg org = this.simulator.org(orgId);
			groups.put(orgId, OrgGenerator.seeded(40 + groups.size()).maxGroupSize(6).populate(org, 400, 0));
			org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(40), Duration.ofMillis(40)));
		}

		List<JobProcess> jobs = orgIds.stream().map((orgId) -> JobProcess.start(orgId, jdbcUrl, command(orgId))).toList();
		JdbcTemplate before = new JdbcTemplate(postgres.getPostgresDatabase());
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> before.queryForList(
					"SELECT count(*) FROM dedup_audit WHERE status = 'MERGED' GROUP BY org_id HAVING count(*) >= 40",
					Long.class).size() == orgIds.size());
		postgres.close();
		long lost = System.nanoTime();

		for (JobProcess job : jobs) {
			Duration left = GIVE_UP_WITHIN.minusNanos(System.nanoTime() - lost);
			assertThat(job.endsWithin(left)).as("a run gives up within %s of losing its database; see its log:%n%s",
					GIVE_UP_WITHIN, job.output()).isTrue();
			assertThat(job.exitValue()).as(job.output()).isEqualTo(1);
			System.out.printf("A run on the budget gave up %.1f s after the database was lost%n",
					(System.nanoTime() - lost) / 1e9);
		}
		for (String orgId : orgIds) {
			assertThat(this.simulator.arrivals(orgId).stream().filter((arrival) -> arrival > lost))
				.as("no call to Invent is started once the permits cannot be had: only those in flight arrive")
				.hasSizeLessThanOrEqualTo(CONCURRENCY);
		}
		Map<String, Integer> mergesWhileDown = new HashMap<>();
		orgIds.forEach((orgId) -> mergesWhileDown.put(orgId, this.simulator.mergeLog(orgId).size()));

		postgres = start(dataDirectory, port);
		try {
			JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
			RunAssertions runs = new RunAssertions(this.simulator, jdbc);
			for (String orgId : orgIds) {
				Set<String> audited = new HashSet<>(jdbc.queryForList(
						"SELECT survivor_contact_id FROM dedup_audit WHERE org_id = ? AND status IN ('PENDING', 'MERGED')",
						String.class, orgId));
				assertThat(this.simulator.mergeLog(orgId)).extracting(MergeRecord::survivorId)
					.as("every merge the API applied has its committed audit row")
					.allMatch(audited::contains);
				assertThat(mergesWhileDown.get(orgId))
					.isLessThan((int) RunAssertions.expectedMerges(groups.get(orgId), MergePolicy.defaults()));
				this.simulator.org(orgId).setFaults(Faults.NONE);
			}
			List<JobProcess> resumed = orgIds.stream()
				.map((orgId) -> JobProcess.start(orgId, jdbcUrl, command(orgId)))
				.toList();
			for (JobProcess job : resumed) {
				assertThat(job.waitFor(120)).as(job.output()).isZero();
			}
			for (String orgId : orgIds) {
				runs.assertFinalState(this.simulator.org(orgId), groups.get(orgId), MergePolicy.defaults());
				runs.assertAuditAgreesWithMergeLog(orgId);
				assertThat(runs.count(orgId, "PENDING")).isZero();
			}
		}
		finally {
			postgres.close();
		}
	}

	/** The defaults but the rate: chunks of 100, {@value #CONCURRENCY} merges in flight, the pool's own timeouts. */
	private static String[] command(String orgId) {
		return new String[] { "orgId=" + orgId, "dryRun=false", "--invent.api.rate-limit-per-minute=60000",
				"--invent.api.concurrency=" + CONCURRENCY };
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
