package io.inventdedup.job;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
 * Here a stopped run's merge step alone, its job as well, or an earlier execution of the run (the lost
 * run's last write, after the run that took over had started) is left UNKNOWN as such a run leaves it:
 * the same command settles it and resumes, and each group is merged once.
 */
@IntegrationTest
class LeftUnknownTests {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	/** What the run that lost the org left UNKNOWN. */
	enum Left {

		/** The last execution's merge step alone (the job's own update not yet made). */
		STEP,

		/** The last execution, its job and its merge step. */
		JOB,

		/** An earlier execution's job, written after the run that took the org over had started and stopped again. */
		EARLIER_EXECUTION

	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Left.class)
	void aRunLeftUnknownIsSettledAndResumedByTheSameCommand(Left left) {
		String orgId = "left-unknown-" + left.name().toLowerCase(Locale.ROOT);
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(52).plainContacts().maxGroupSize(3).populate(org, 60, 0);
		Faults slow = Faults.NONE.withLatency(Duration.ofMillis(20), Duration.ofMillis(10));
		org.setFaults(slow);
		List<String> command = List.of("orgId=" + orgId, "dryRun=false", "runKey=nightly");
		org.revokeTheKeyAfterMerges(10);
		assertThat(this.launcher.launch(command)).as("the run stopped part-way").isEqualTo(1);
		long first = lastExecution(orgId);
		if (left == Left.EARLIER_EXECUTION) {
			org.revokeTheKeyAfterMerges(20);
			org.setFaults(slow);
			assertThat(this.launcher.launch(command)).as("the run stopped part-way again").isEqualTo(1);
			assertThat(lastExecution(orgId)).isGreaterThan(first);
			this.jdbc.update("UPDATE batch_job_execution SET status = 'UNKNOWN' WHERE job_execution_id = ?", first);
		}
		else {
			assertThat(this.jdbc.update("UPDATE batch_step_execution SET status = 'UNKNOWN' "
					+ "WHERE job_execution_id = ? AND status = 'FAILED'", first)).as("its failed step").isOne();
			if (left == Left.JOB) {
				this.jdbc.update("UPDATE batch_job_execution SET status = 'UNKNOWN' WHERE job_execution_id = ?", first);
			}
		}

		org.revokeTheKeyAfterMerges(0);
		org.setFaults(slow);
		assertThat(this.launcher.launch(command)).as("the same command").isZero();

		assertThat(this.jdbc.queryForList("SELECT status FROM batch_job_execution WHERE job_execution_id = ? UNION ALL "
				+ "SELECT status FROM batch_step_execution WHERE job_execution_id = ?", String.class, first, first))
			.as("the execution left UNKNOWN, settled").isNotEmpty().doesNotContain("UNKNOWN");
		RunAssertions runs = new RunAssertions(this.simulator, this.jdbc);
		runs.assertFinalState(org, groups, MergePolicy.defaults());
		runs.assertAuditAgreesWithMergeLog(orgId);
		assertThat(runs.count(orgId, "PENDING")).isZero();
	}

	private long lastExecution(String orgId) {
		return this.jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?", Long.class,
				orgId);
	}

}
