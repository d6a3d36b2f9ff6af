package io.inventdedup.merge;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.inventdedup.job.DedupJobLauncher;
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
 * A token revoked while a run merges (rotated by the org's admin): the run stops with exit 1; once
 * the token is right again, the same command merges the groups that met the refusal, as
 * docs/recovery.md says, and leaves none of them FAILED.
 */
@IntegrationTest
class TokenRotationTests {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void theSameCommandWithTheRightTokenMergesTheGroupsThatMetTheRefusal() {
		String orgId = "token-rotated";
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(50).plainContacts().maxGroupSize(3).populate(org, 120, 0);
		Faults slow = Faults.NONE.withLatency(Duration.ofMillis(100), Duration.ofMillis(20));
		org.setFaults(slow);
		List<String> command = List.of("orgId=" + orgId, "dryRun=false", "runKey=nightly");

		org.revokeTheKeyAfterMerges(20);
		assertThat(this.launcher.launch(command)).as("the run that met the revoked token").isEqualTo(1);
		assertThat(this.simulator.mergeLog(orgId).size()).as("merges applied before the refusal stopped the run")
			.isLessThan(groups.size());

		org.revokeTheKeyAfterMerges(0);
		org.setFaults(slow);
		assertThat(this.launcher.launch(command)).as("the same command, the token right again").isZero();

		RunAssertions runs = new RunAssertions(this.simulator, this.jdbc);
		assertThat(runs.count(orgId, "FAILED")).as("groups left FAILED").isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM dedup_audit WHERE org_id = ? "
				+ "AND update_status IN ('PENDING', 'FAILED')", Long.class, orgId)).as("follow-ups left unsent").isZero();
		runs.assertFinalState(org, groups, MergePolicy.defaults());
		runs.assertAuditAgreesWithMergeLog(orgId);
	}

}
