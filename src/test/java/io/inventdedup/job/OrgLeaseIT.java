package io.inventdedup.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.inventdedup.policy.MergePolicy;
import io.inventdedup.simulator.Faults;
import io.inventdedup.simulator.InventSimulator;
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
 * One run per org, whatever becomes of its database session (the org's lease): two runs of the
 * packaged jar on one org, on a database that ends idle sessions after 2 s as managed services and
 * poolers do. The first run's advisory-lock session is ended under it; a second run started then
 * finds the first alive by its renewals and exits 3, and only the first merges. A first run frozen
 * (a stalled pod) long enough for a second to take the org over stops before its next merge and
 * says so, and the org ends as one run would leave it.
 */
class OrgLeaseIT {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Test
	void aRunWhoseLockSessionTheDatabaseEndedKeepsTheOrgAndASecondRunExitsThree() throws IOException {
		Scene scene = firstRunWhoseLockSessionEnded("lease-idle", 40);
		assertThat(scene.first().isAlive()).as("the first run is still merging when its lock session has been ended")
			.isTrue();

		JobProcess second = JobProcess.start("lease-idle-second", scene.jdbcUrl(), scene.command());
		assertThat(second.waitFor(60)).as(second.output()).isEqualTo(3);
		assertThat(second.output()).contains("Another run for this org is in progress (it holds the org's lease");
		assertThat(scene.first().isAlive()).as("the first run goes on").isTrue();

		assertThat(scene.first().waitFor(120)).as(scene.first().output()).isZero();
		RunAssertions runs = new RunAssertions(this.simulator, scene.database());
		runs.assertFinalState(scene.org(), scene.groups(), MergePolicy.defaults());
		runs.assertAuditAgreesWithMergeLog(scene.orgId());
		assertThat(runs.count(scene.orgId(), "FAILED")).as("merges refused for contacts merged away by another run")
			.isZero();
	}

	@Test
	void aFrozenRunWhoseOrgWasTakenOverStopsBeforeItsNextMergeAndSaysSo() throws Exception {
		Scene scene = firstRunWhoseLockSessionEnded("lease-frozen", 41);
		signal("STOP", scene.first().pid());
		JobProcess second = JobProcess.start("lease-frozen-second", scene.jdbcUrl(), scene.command());
		try {
			// A bound, not a wait: the second process starts a JVM and watches the lease go stale (about 10 s).
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
				.until(() -> second.output().contains("taking the org over"));
		}
		finally {
			// Continued whatever happened: a process left stopped would outlive the build.
			signal("CONT", scene.first().pid());
		}

		assertThat(scene.first().waitFor(60)).as(scene.first().output()).isEqualTo(1);
		assertThat(scene.first().output()).contains("this run lost the lease on org " + scene.orgId())
			.doesNotContain("wrong version")
			.contains("it sends no more merges and stops");
		assertThat(second.waitFor(120)).as(second.output()).isZero();
		RunAssertions runs = new RunAssertions(this.simulator, scene.database());
		runs.assertFinalState(scene.org(), scene.groups(), MergePolicy.defaults());
		assertThat(runs.count(scene.orgId(), "FAILED")).as("merges refused for contacts merged away by the other run")
			.isZero();
	}

	/** An org of 240 groups, a first run merging it, its advisory-lock session ended by the database. */
	private Scene firstRunWhoseLockSessionEnded(String orgId, long seed) throws IOException {
		String database = orgId.replace('-', '_');
		String jdbcUrl = databaseEndingIdleSessions(database);
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(seed).plainContacts().maxGroupSize(3).populate(org, 240, 0);
		org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(40), Duration.ofMillis(60)));
		String[] command = { "orgId=" + orgId, "dryRun=false", "--invent.api.rate-limit-per-minute=900" };
		JdbcTemplate jdbc = new JdbcTemplate(TestInfrastructure.postgres().getDatabase("postgres", database));
		JobProcess first = JobProcess.start(orgId + "-first", jdbcUrl, command);
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
			.until(() -> this.simulator.mergeLog(orgId).size() >= 10 && advisoryLocks(jdbc) == 0);
		return new Scene(orgId, org, groups, jdbcUrl, command, jdbc, first);
	}

	private record Scene(String orgId, SimOrg org, List<List<SimContact>> groups, String jdbcUrl, String[] command,
			JdbcTemplate database, JobProcess first) {
	}

	/**
	 * A database of its own whose sessions end after 2 s idle ({@code idle_session_timeout}); the
	 * test's process logs start empty (they are read for what each process said).
	 */
	private static String databaseEndingIdleSessions(String name) throws IOException {
		for (String process : List.of("first", "second")) {
			Files.deleteIfExists(Path.of("target", "process-logs", name.replace('_', '-') + "-" + process + ".log"));
		}
		JdbcTemplate admin = new JdbcTemplate(TestInfrastructure.postgres().getPostgresDatabase());
		admin.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		admin.execute("CREATE DATABASE " + name);
		admin.execute("ALTER DATABASE " + name + " SET idle_session_timeout = '2s'");
		return TestInfrastructure.postgres().getJdbcUrl("postgres", name);
	}

	private static long advisoryLocks(JdbcTemplate database) {
		return database.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
				+ "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", Long.class);
	}

	private static void signal(String signal, long pid) throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
		assertThat(kill.waitFor()).as("kill -%s %d", signal, pid).isZero();
	}

}
