package io.inventdedup.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.inventdedup.simulator.Faults;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.JobProcess;
import io.inventdedup.support.RunAssertions;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The steps after the merges, stopped as a pod is stopped: a SIGTERM while the follow-up updates are
 * sent, or while lost merges are settled, stops the step between two rows within the grace period,
 * with its counts in {@code batch_step_execution}, and the next run does the rest.
 */
class ClosingStepsStopIT {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	private final JdbcTemplate jdbc = TestInfrastructure.migratedDatabase();

	private final RunAssertions runs = new RunAssertions(this.simulator, this.jdbc);

	@Test
	void stopsTheFollowUpStepOnSigtermBetweenTwoUpdatesWithItsCountsAndTheNextRunSendsTheRest() {
		String orgId = "crash-follow-ups";
		SimOrg org = this.simulator.org(orgId);
		Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
		int groups = 40;
		for (int i = 0; i < groups; i++) {
			org.newContact("nameless-" + i)
				.named(null)
				.createdAt(t0)
				.channels("email:person-" + i + "@example.test")
				.add();
			org.newContact("named-" + i)
				.named("Person Number" + i)
				.createdAt(t0.plusSeconds(60))
				.channels("email:person-" + i + "@example.test")
				.add();
		}
		String[] command = { "orgId=" + orgId, "dryRun=false", "--invent.api.rate-limit-per-minute=60000",
				"--invent.api.max-attempts=1" };
		org.setFaults(Faults.NONE.withUpdatesUnavailable());
		JobProcess failing = JobProcess.start("crash-follow-ups", command);
		assertThat(failing.waitFor(120)).as("every name update refused: the run fails").isEqualTo(1);
		assertThat(this.simulator.mergeLog(orgId)).hasSize(groups);
		assertThat(followUpsDue(orgId)).isEqualTo(groups);

		org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(400), Duration.ofMillis(50)));
		long patchesBefore = this.simulator.requests(orgId, "PATCH");
		JobProcess sending = JobProcess.start("crash-follow-ups", command);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.simulator.requests(orgId, "PATCH") - patchesBefore >= 3 || !sending.isAlive());
		assertThat(sending.isAlive()).as("still sending the updates").isTrue();
		long sent = stopBetweenTwoRows(sending, orgId, "followUp", "updates");
		assertThat(sent).as("the updates the stopped step sent, counted").isBetween(1L, groups - 1L);
		assertThat(followUpsDue(orgId)).isEqualTo(groups - sent);

		org.setFaults(Faults.NONE);
		JobProcess resumed = JobProcess.start("crash-follow-ups", command);
		assertThat(resumed.waitFor(120)).as(resumed.output()).isZero();
		assertThat(followUpsDue(orgId)).isZero();
		for (int i = 0; i < groups; i++) {
			assertThat(org.contact("nameless-" + i).name()).isEqualTo("Person Number" + i);
		}
		this.runs.assertAuditAgreesWithMergeLog(orgId);
	}

	@Test
	void stopsTheSettleStepOnSigtermBetweenTwoMergesWithItsCountsAndTheNextRunSettlesTheRest() {
		String orgId = "crash-settle";
		SimOrg org = this.simulator.org(orgId);
		Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
		int groups = 30;
		for (int i = 0; i < groups; i++) {
			for (String member : new String[] { "old-" + i, "new-" + i }) {
				org.newContact(member)
					.named("Person Number" + i)
					.createdAt(member.startsWith("old") ? t0 : t0.plusSeconds(60))
					.channels("email:person-" + i + "@example.test")
					.add();
				org.loseTheAnswerOfMergesInto(member);
			}
		}
		String[] command = { "orgId=" + orgId, "dryRun=false", "--invent.api.rate-limit-per-minute=60000",
				"--invent.api.max-attempts=1" };
		org.setFaults(Faults.NONE.withLookupsNotAllowed());
		org.refuseContactSearches(true);
		JobProcess unsettling = JobProcess.start("crash-settle", command);
		assertThat(unsettling.waitFor(120)).as("no merge's answer, no way to look: the run fails").isEqualTo(1);
		assertThat(this.simulator.mergeLog(orgId)).hasSize(groups);
		assertThat(this.runs.count(orgId, "UNSETTLED")).isEqualTo(groups);

		org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(400), Duration.ofMillis(50)));
		org.refuseContactSearches(false);
		JobProcess settling = JobProcess.start("crash-settle", command);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.runs.count(orgId, "UNSETTLED") <= groups - 2 || !settling.isAlive());
		assertThat(settling.isAlive()).as("still settling the merges").isTrue();
		long settled = stopBetweenTwoRows(settling, orgId, "settle", "merges");
		assertThat(settled).as("the merges the stopped step settled, counted").isBetween(2L, groups - 1L);
		assertThat(this.runs.count(orgId, "UNSETTLED")).isEqualTo(groups - settled);

		org.setFaults(Faults.NONE);
		JobProcess resumed = JobProcess.start("crash-settle", command);
		assertThat(resumed.waitFor(120)).as(resumed.output()).isZero();
		assertThat(this.runs.count(orgId, "UNSETTLED")).isZero();
		assertThat(this.runs.count(orgId, "MERGED")).isEqualTo(groups);
		this.runs.assertAuditAgreesWithMergeLog(orgId);
	}

	/**
	 * Sends SIGTERM to the run while its step {@code stepName} works through its rows: the run exits 1
	 * within 8 s (between two rows, not after all), the step and the job STOPPED.
	 * @return how many rows the stopped step wrote ({@code write_count})
	 */
	private long stopBetweenTwoRows(JobProcess run, String orgId, String stepName, String rows) {
		long signalledAt = System.nanoTime();
		run.terminate();

		assertThat(run.waitFor(40)).as(run.output()).isEqualTo(1);
		assertThat(Duration.ofNanos(System.nanoTime() - signalledAt)).as("stopped between two %s, not after all", rows)
			.isLessThan(Duration.ofSeconds(8));
		Map<String, Object> step = this.jdbc.queryForMap("""
				SELECT s.status, s.write_count, e.status AS job_status
				  FROM batch_step_execution s JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id
				 WHERE s.step_name = ? AND s.job_execution_id =
				       (SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?)
				""", stepName, orgId);
		assertThat(step).containsEntry("status", "STOPPED").containsEntry("job_status", "STOPPED");
		return ((Number) step.get("write_count")).longValue();
	}

	private long followUpsDue(String orgId) {
		return this.jdbc.queryForObject("SELECT count(*) FROM dedup_audit WHERE org_id = ? AND status = 'MERGED' "
				+ "AND update_status IN ('PENDING', 'FAILED')", Long.class, orgId);
	}

}
