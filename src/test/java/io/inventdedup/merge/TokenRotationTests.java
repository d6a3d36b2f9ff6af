package io.inventdedup.merge;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
import static org.awaitility.Awaitility.await;

/**
 * A token revoked while a run merges (rotated by the org's admin): the run stops with exit 1; once
 * the token is right again, the same command merges the groups that met the refusal, as README
 * says, and leaves none of them FAILED.
 */
@IntegrationTest
class TokenRotationTests {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void theSameCommandWithTheRightTokenMergesTheGroupsThatMetTheRefusal() throws Exception {
		String orgId = "token-rotated";
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(50).plainContacts().maxGroupSize(3).populate(org, 120, 0);
		Faults slow = Faults.NONE.withLatency(Duration.ofMillis(20), Duration.ofMillis(20));
		org.setFaults(slow);
		List<String> command = List.of("orgId=" + orgId, "dryRun=false", "runKey=nightly");

		CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> this.launcher.launch(command));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
			.until(() -> this.simulator.mergeLog(orgId).size() >= 20);
		org.setFaults(Faults.NONE.withKeyRevoked());
		assertThat(first.get(60, TimeUnit.SECONDS)).as("the run that met the revoked token").isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM dedup_audit WHERE org_id = ? AND reason = 'unauthorized'",
				Long.class, orgId)).as("groups that met the refusal").isPositive();

		org.setFaults(slow);
		assertThat(this.launcher.launch(command)).as("the same command, the token right again").isZero();

		RunAssertions runs = new RunAssertions(this.simulator, this.jdbc);
		assertThat(runs.count(orgId, "FAILED")).as("groups left FAILED").isZero();
		runs.assertFinalState(org, groups, MergePolicy.defaults());
		runs.assertAuditAgreesWithMergeLog(orgId);
	}

}
