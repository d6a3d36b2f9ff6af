package io.inventdedup.decision;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One decision per group at a time ({@link Decisions}): two people approving and rejecting one
 * queued group at the same moment, 50 times over, each on a connection of their own, released
 * together by a barrier. Each time exactly one decision is recorded, and the other is refused with
 * who decided first; nothing is left that a later run could follow against what a person was told.
 */
@IntegrationTest
class DecisionRaceTests {

	private static final int ROUNDS = 50;

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	/** The decision room as every application wires it ({@link DecisionConfiguration}). */
	@Autowired
	private Decisions decisions;

	@Test
	void ofAnApprovalAndARejectionSentAtOnceExactlyOneIsRecordedAndTheOtherToldWhoDecidedFirst() throws Exception {
		String orgId = "decision-race";
		SimOrg org = this.simulator.org(orgId);
		OrgGenerator.seeded(29).sharedChannels(0.5).populate(org, 60, 0);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "runKey=race"))).isZero();
		long execution = this.jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?",
				Long.class, orgId);
		String group = this.jdbc.queryForObject("SELECT min(group_key) FROM dedup_audit WHERE org_id = ? "
				+ "AND status = 'NEEDS_REVIEW'", String.class, orgId);
		assertThat(group).as("a queued group to decide on").isNotNull();
		Decisions decisions = this.decisions;
		ExecutorService reviewers = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				CyclicBarrier together = new CyclicBarrier(2);
				Future<String> approval = reviewers.submit(decide(together, () -> decisions
					.decide(GroupDecision.APPROVE, execution, List.of(group), null, "one person", "alice")));
				Future<String> rejection = reviewers.submit(decide(together, () -> decisions
					.decide(GroupDecision.REJECT, execution, List.of(group), null, "a family", "bob")));
				List<String> answers = List.of(approval.get(30, TimeUnit.SECONDS), rejection.get(30, TimeUnit.SECONDS));

				long approvals = count("dedup_approval", group);
				long rejections = count("dedup_rejection", group);
				assertThat(approvals + rejections).as("round %d: one decision recorded: %s", round, answers).isEqualTo(1);
				String winner = (approvals == 1) ? "approved by alice" : "rejected by bob";
				assertThat(answers).as("round %d", round).containsOnlyOnce("decided").anyMatch((answer) -> answer
					.startsWith("Refused: A group takes one decision, and these were decided first: " + group + " " + winner));
				decisions.decide(GroupDecision.UNAPPROVE, execution, List.of(group), null, null, "alice");
				decisions.decide(GroupDecision.UNREJECT, execution, List.of(group), null, null, "bob");
			}
		}
		finally {
			reviewers.shutdownNow();
		}
	}

	/** Waits for the other reviewer, then decides: "decided", or the refusal's words. */
	private static Callable<String> decide(CyclicBarrier together, Callable<Decisions.Decided> decision) {
		return () -> {
			together.await(30, TimeUnit.SECONDS);
			try {
				decision.call();
				return "decided";
			}
			catch (DecisionRefusedException ex) {
				return "Refused: " + ex.getMessage();
			}
		};
	}

	private long count(String table, String group) {
		return this.jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE group_key = ?", Long.class, group);
	}

}
