package io.inventdedup.job;

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

/**
 * More merges in flight than Reactor's shared scheduler has threads on this machine (ten a core):
 * the packaged jar with {@code invent.api.concurrency=64} (the most allowed), every merge's outcome
 * committed from its own thread and every call a permit of the API budget, completes. Sent on the
 * shared scheduler, such a run waited for ever: every thread held a merge that waited for a permit
 * that had no thread to run on.
 */
class ConcurrencyIT {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Test
	void completesWithMoreMergesInFlightThanTheSharedSchedulerHasThreads() {
		String orgId = "concurrency";
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(64).plainContacts().maxGroupSize(3).populate(org, 400, 0);
		org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(10), Duration.ofMillis(30)));

		JobProcess job = JobProcess.start(orgId, new String[] { "orgId=" + orgId, "dryRun=false",
				"--invent.api.rate-limit-per-minute=600000", "--invent.api.concurrency=64" });

		assertThat(job.waitFor(120)).as(job.output()).isZero();
		assertThat(job.output()).as("the job starts no web server").doesNotContain("Tomcat");
		RunAssertions runs = new RunAssertions(this.simulator,
				new JdbcTemplate(TestInfrastructure.postgres().getPostgresDatabase()));
		runs.assertFinalState(org, groups, MergePolicy.defaults());
		runs.assertAuditAgreesWithMergeLog(orgId);
		assertThat(runs.count(orgId, "PENDING")).isZero();
	}

}
