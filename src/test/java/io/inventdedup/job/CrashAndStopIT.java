package io.inventdedup.job;

import java.time.Duration;
import java.util.List;
import java.util.Random;

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
 * The packaged jar, killed and stopped as a pod is: {@code kill -9} at random points, then the
 * same command again, converges to the policy's state with an audit that agrees with the merge
 * log; SIGTERM stops the run gracefully with exit code 1 and the next run resumes it.
 */
class CrashAndStopIT {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	private final JdbcTemplate jdbc = TestInfrastructure.migratedDatabase();

	private final RunAssertions runs = new RunAssertions(this.simulator, this.jdbc);

	@Test
	void resumesAfterBeingKilledAtRandomPointsWithoutMergingTwiceOrLeavingPendingRows() {
		String orgId = "crash-kill";
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(30).maxGroupSize(8).populate(org, 600, 50);
		org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(5), Duration.ofMillis(20)));
		String[] command = { "orgId=" + orgId, "dryRun=false", "runKey=nightly", "--invent.api.concurrency=8",
				"--invent.api.rate-limit-per-minute=60000" };
		Random random = new Random(30);
		int kills = 0;
		for (int attempt = 0; attempt < 4; attempt++) {
			long before = merged(orgId);
			long target = before + 20 + random.nextInt(60);
			JobProcess job = JobProcess.start("crash-kill", command);
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> merged(orgId) >= target || !job.isAlive());
			if (job.isAlive()) {
				job.kill();
				kills++;
			}
			job.waitFor(30);
		}
		assertThat(kills).as("the job was killed mid-run").isGreaterThanOrEqualTo(3);

		JobProcess last = JobProcess.start("crash-kill", command);
		assertThat(last.waitFor(120)).as(last.output()).isZero();

		this.runs.assertFinalState(org, groups, MergePolicy.defaults());
		this.runs.assertAuditAgreesWithMergeLog(orgId);
		assertThat(this.runs.count(orgId, "PENDING")).isZero();
		assertThat(this.runs.count(orgId, "MERGED")).isEqualTo(RunAssertions.expectedMerges(groups, MergePolicy.defaults()));
		assertThat(this.runs.count(orgId, null)).isEqualTo(600);
	}

	@Test
	void stopsGracefullyOnSigtermWithExitCodeOneAndResumesOnTheNextRun() {
		String orgId = "crash-sigterm";
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(31).maxGroupSize(6).populate(org, 400, 0);
		org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(150), Duration.ofMillis(100)));
		String[] command = { "orgId=" + orgId, "dryRun=false", "--invent.api.rate-limit-per-minute=60000" };

		JobProcess job = JobProcess.start("crash-sigterm", command);
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> merged(orgId) >= 30);
		long signalledAt = System.nanoTime();
		job.terminate();

		assertThat(job.waitFor(40)).as(job.output()).isEqualTo(1);
		assertThat(Duration.ofNanos(System.nanoTime() - signalledAt)).isLessThan(Duration.ofSeconds(30));
		assertThat(this.jdbc.queryForObject("""
				SELECT status FROM batch_job_execution WHERE job_execution_id =
				  (SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?)
				""", String.class, orgId)).isEqualTo("STOPPED");
		assertThat(this.runs.count(orgId, "PENDING")).isZero();
		this.runs.assertAuditAgreesWithMergeLog(orgId);
		assertThat(merged(orgId)).isLessThan(RunAssertions.expectedMerges(groups, MergePolicy.defaults()));

		org.setFaults(Faults.NONE);
		JobProcess resumed = JobProcess.start("crash-sigterm", command);
		assertThat(resumed.waitFor(120)).as(resumed.output()).isZero();
		this.runs.assertFinalState(org, groups, MergePolicy.defaults());
		this.runs.assertAuditAgreesWithMergeLog(orgId);
		assertThat(this.runs.count(orgId, "PENDING")).isZero();
	}

	private long merged(String orgId) {
		return this.runs.count(orgId, "MERGED");
	}

}
