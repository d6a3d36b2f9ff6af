package io.inventdedup.job;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.inventdedup.policy.MergePolicy;
import io.inventdedup.simulator.Faults;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimContact;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.RunAssertions;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that lost its org to another run (frozen while the other took it over) records, as it stops,
 * its execution UNKNOWN, its merge step's first and its job's after (Spring Batch's mark of an update
 * it could not make), and the run that holds the org may find either between its check and its start.
 * Here a stopped run's merge step alone, or its job as well, is left UNKNOWN as such a run leaves it:
 * the same command settles it and resumes, and each group is merged once.
 */
@IntegrationTest
class LeftUnknownTests {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@ParameterizedTest(name = "the job UNKNOWN as well as its step: {0}")
	@ValueSource(booleans = { false, true })
	void aRunLeftUnknownIsSettledAndResumedByTheSameCommand(boolean jobUnknown) {
		String orgId = "left-unknown-" + jobUnknown;
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(52).plainContacts().maxGroupSize(3).populate(org, 60, 0);
		Faults slow = Faults.NONE.withLatency(Duration.ofMillis(20), Duration.ofMillis(10));
		org.setFaults(slow);
		List<String> command = List.of("orgId=" + orgId, "dryRun=false", "runKey=nightly");
		org.revokeTheKeyAfterMerges(10);
		assertThat(this.launcher.launch(command)).as("the run stopped part-way").isEqualTo(1);
		long execution = this.jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?",
				Long.class, orgId);
		assertThat(this.jdbc.update("UPDATE batch_step_execution SET status = 'UNKNOWN' "
				+ "WHERE job_execution_id = ? AND status = 'FAILED'", execution)).as("its failed step").isOne();
		if (jobUnknown) {
			this.jdbc.update("UPDATE batch_job_execution SET status = 'UNKNOWN' WHERE job_execution_id = ?", execution);
		}

		org.revokeTheKeyAfterMerges(0);
		org.setFaults(slow);
		assertThat(this.launcher.launch(command)).as("the same command").isZero();

		assertThat(this.jdbc.queryForList("SELECT status FROM batch_step_execution WHERE job_execution_id = ?",
				String.class, execution)).as("the execution left UNKNOWN, settled").doesNotContain("UNKNOWN");
		RunAssertions runs = new RunAssertions(this.simulator, this.jdbc);
		runs.assertFinalState(org, groups, MergePolicy.defaults());
		runs.assertAuditAgreesWithMergeLog(orgId);
		assertThat(runs.count(orgId, "PENDING")).isZero();
	}

}
