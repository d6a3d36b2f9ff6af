package io.inventdedup.decision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.inventdedup.audit.AuditRepository;
import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.simulator.Faults;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A decision and the run that carries decisions out agree on one order, through the real apply
 * run: the run reads each decision its merge carries out under a share lock of the decided group's
 * row, in the transaction that records the merge's PENDING row, and a decision takes that row's
 * lock before it looks. Every answer a reviewer gets is then true: a decision answered as recorded
 * is honoured by the run, one that came too late is refused and says which run merges the group.
 */
@IntegrationTest
class DecisionAndRunOrderTests {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Decisions decisions;

	@Autowired
	private AuditRepository audit;

	@Autowired
	private DecisionRepository repository;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void rejectionsAndTakeBacksSentWhileTheApplyRunMergesAreEachHonouredOrRefusedWithTheTruth() throws Exception {
		String orgId = "order-apply";
		SimOrg org = this.simulator.org(orgId);
		OrgGenerator.seeded(41).sharedChannels(0.3).populate(org, 90, 0);
		long plan = dryRun(orgId);
		List<String> planned = keys(orgId, "PLANNED");
		List<String> queued = keys(orgId, "NEEDS_REVIEW");
		assertThat(queued).as("queued groups to approve before the apply").hasSizeGreaterThanOrEqualTo(8);
		this.decisions.decide(GroupDecision.APPROVE, plan, queued, null, "one person", "alice");
		org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(150), Duration.ofMillis(100)));
		int before = this.simulator.mergeLog(orgId).size();

		List<String[]> sent = new ArrayList<>();
		planned.forEach((key) -> sent.add(new String[] { "reject", key }));
		queued.forEach((key) -> sent.add(new String[] { "unapprove", key }));
		Collections.shuffle(sent, new Random(41));
		Map<String, String> answers = new LinkedHashMap<>();
		CompletableFuture<Integer> apply = CompletableFuture.supplyAsync(() -> this.launcher.launch(List.of(
				"orgId=" + orgId, "dryRun=false", "plan=" + plan, "runKey=apply")));
		// Half while the run starts and lists, half once it merges.
		sent.subList(0, sent.size() / 2).forEach((decision) -> answers.put(decision[1], decide(plan, decision)));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
			.until(() -> this.simulator.mergeLog(orgId).size() - before >= 5 || apply.isDone());
		assertThat(apply).as("the apply run still merging (%s)", apply.getNow(null)).isNotDone();
		sent.subList(sent.size() / 2, sent.size()).forEach((decision) -> answers.put(decision[1], decide(plan, decision)));
		assertThat(apply.get(120, TimeUnit.SECONDS)).isZero();

		Map<String, String> applied = statuses(orgId, this.jdbc.queryForObject(
				"SELECT max(job_instance_id) FROM dedup_audit WHERE org_id = ?", Long.class, orgId));
		int honoured = 0;
		int refused = 0;
		for (Map.Entry<String, String> answer : answers.entrySet()) {
			String status = applied.get(answer.getKey());
			if (answer.getValue().equals("recorded")) {
				honoured++;
				assertThat(status).as("%s answered as recorded, then", answer.getKey()).isNotEqualTo("MERGED");
			}
			else {
				refused++;
				assertThat(answer.getValue()).as(answer.getKey()).containsAnyOf("is merging this group", "merged this group");
				assertThat(status).as("%s refused as merged, then", answer.getKey()).isEqualTo("MERGED");
			}
		}
		assertThat(honoured).as("decisions in time").isPositive();
		assertThat(refused).as("decisions too late").isPositive();
		assertThat(answers).hasSizeGreaterThanOrEqualTo(30);
		assertThat(this.simulator.mergeLog(orgId).size() - before).as("one merge per merged row")
			.isEqualTo(applied.values().stream().filter("MERGED"::equals).count());
	}

	@Test
	void aDecisionOnAGroupALaterRunMergedIsRefused() {
		String orgId = "order-merged";
		SimOrg org = this.simulator.org(orgId);
		OrgGenerator.seeded(42).sharedChannels(0.5).populate(org, 40, 0);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "runKey=night-1"))).isZero();
		long night1 = this.jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?",
				Long.class, orgId);
		String group = keys(orgId, "NEEDS_REVIEW").get(0);
		this.decisions.decide(GroupDecision.APPROVE, night1, List.of(group), null, "one person", "alice");
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "runKey=night-2"))).isZero();

		assertThat(answer(() -> this.decisions.decide(GroupDecision.UNAPPROVE, night1, List.of(group), null, null,
				"bob"))).contains(group + ": run").contains("merged this group");
		assertThat(answer(() -> this.decisions.decide(GroupDecision.REJECT, night1, List.of(group), null, "a family",
				"bob"))).contains("merged this group");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM dedup_approval WHERE group_key = ?", Long.class,
				group)).as("the approval stays: the merge happened").isOne();
	}

	@Test
	void aRejectionWhoseTransactionStallsIsHonouredByTheApplyRunThatWaitsForIt() throws Exception {
		String orgId = "order-stalled";
		SimOrg org = this.simulator.org(orgId);
		OrgGenerator.seeded(43).plainContacts().populate(org, 30, 0);
		long plan = dryRun(orgId);
		long planInstance = this.jdbc.queryForObject(
				"SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?", Long.class, plan);
		String stalled = keys(orgId, "PLANNED").get(0);
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		CompletableFuture<Void> rejection = CompletableFuture.runAsync(() -> new TransactionTemplate(this.transactions)
			.executeWithoutResult((tx) -> {
				// What a rejection's transaction does, stalled before it commits.
				this.audit.lockGroups(planInstance, List.of(stalled));
				this.repository.record(GroupDecision.Kind.REJECTION, planInstance, List.of(stalled), "a family", "bob");
				locked.countDown();
				try {
					assertThat(finish.await(60, TimeUnit.SECONDS)).isTrue();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
		assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<Integer> apply = CompletableFuture.supplyAsync(() -> this.launcher.launch(
				List.of("orgId=" + orgId, "dryRun=false", "plan=" + plan, "runKey=apply")));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
			.until(() -> this.jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
					+ "AND query LIKE '%FOR SHARE%'", Long.class) > 0 || apply.isDone());
		assertThat(apply).as("the apply run waits for the rejection's lock").isNotDone();
		finish.countDown();
		rejection.get(30, TimeUnit.SECONDS);
		assertThat(apply.get(120, TimeUnit.SECONDS)).isZero();

		Map<String, String> applied = statuses(orgId, this.jdbc.queryForObject(
				"SELECT max(job_instance_id) FROM dedup_audit WHERE org_id = ?", Long.class, orgId));
		assertThat(applied.get(stalled)).isEqualTo("SKIPPED");
		assertThat(this.jdbc.queryForObject("SELECT reason FROM dedup_audit WHERE org_id = ? AND group_key = ? "
				+ "AND job_instance_id <> ?", String.class, orgId, stalled, planInstance)).isEqualTo("rejected-in-review");
		assertThat(applied.values().stream().filter("MERGED"::equals).count()).isEqualTo(applied.size() - 1);
	}

	/** A rejection or a take-back of an approval, by bob: "recorded", or the refusal's words. */
	private String decide(long plan, String[] decision) {
		GroupDecision which = "reject".equals(decision[0]) ? GroupDecision.REJECT : GroupDecision.UNAPPROVE;
		return answer(() -> this.decisions.decide(which, plan, List.of(decision[1]), null,
				(which == GroupDecision.REJECT) ? "two people after all" : null, "bob"));
	}

	private long dryRun(String orgId) {
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "runKey=plan"))).isZero();
		return this.jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?", Long.class,
				orgId);
	}

	private List<String> keys(String orgId, String status) {
		return this.jdbc.queryForList("SELECT group_key FROM dedup_audit WHERE org_id = ? AND status = ? ORDER BY id",
				String.class, orgId, status);
	}

	private Map<String, String> statuses(String orgId, long instance) {
		Map<String, String> statuses = new LinkedHashMap<>();
		this.jdbc.query("SELECT group_key, status FROM dedup_audit WHERE org_id = ? AND job_instance_id = ?",
				(rs) -> {
					statuses.put(rs.getString(1), rs.getString(2));
				}, orgId, instance);
		return statuses;
	}

	private static String answer(Runnable decision) {
		try {
			decision.run();
			return "recorded";
		}
		catch (DecisionRefusedException ex) {
			return ex.getMessage();
		}
	}

}
