package io.inventdedup.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.inventdedup.merge.OrgLease;
import io.inventdedup.policy.MergePlan;
import io.inventdedup.policy.MergePolicy;
import io.inventdedup.policy.SurvivorRule;
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
 * The job end to end: launched as an operator launches it, against the simulator over HTTP and
 * the embedded PostgreSQL; the final state of the org and the audit are checked against the
 * policy and the simulator's merge log.
 */
@IntegrationTest
class ContactDedupJobTests {

	private static final AtomicInteger orgs = new AtomicInteger();

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private DataSource dataSource;

	private RunAssertions runs;

	@BeforeEach
	void checkRunsAgainstTheSimulator() {
		this.runs = new RunAssertions(this.simulator, this.jdbc);
	}

	@Test
	void dryRunRecordsEveryPlannedMergeAndSendsNoMerge() {
		String orgId = newOrg();
		List<List<SimContact>> groups = OrgGenerator.seeded(1).populate(this.simulator.org(orgId), 120, 30);

		int exitCode = this.launcher.launch(List.of("orgId=" + orgId, "runKey=dry"));

		assertThat(exitCode).isZero();
		assertThat(this.simulator.requests(orgId, "POST")).isZero();
		assertThat(this.simulator.org(orgId).groups()).hasSize(120);
		long expectedMerges = groups.stream()
			.filter((members) -> RunAssertions.expectedPlan(groups, members, MergePolicy.defaults()) instanceof MergePlan.Merge)
			.count();
		long expectedReviews = groups.stream()
			.filter((members) -> RunAssertions.isQueued(RunAssertions.expectedPlan(groups, members, MergePolicy.defaults())))
			.count();
		assertThat(this.runs.count(orgId, "PLANNED")).isEqualTo(expectedMerges).isPositive();
		assertThat(this.runs.count(orgId, "NEEDS_REVIEW")).as("doubtful groups wait for a person, never PLANNED")
			.isEqualTo(expectedReviews)
			.isPositive();
		assertThat(this.runs.count(orgId, "SKIPPED")).isEqualTo(120 - expectedMerges - expectedReviews).isPositive();
		assertThat(this.runs.count(orgId, null)).isEqualTo(120);
	}

	@Test
	void mergesEveryEligibleGroupOnceAcrossAShiftingListingOfManyPages() {
		String orgId = newOrg();
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = new ArrayList<>(OrgGenerator.seeded(2).populate(org, 1_000, 200));
		List<SimContact> large = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			large.add(org.newContact("large-" + i)
				.named((i % 3 == 0) ? null : "Rosa Castellanos")
				.createdAt(Instant.parse("2022-01-01T00:00:00Z").plusSeconds(i))
				.channels("email:large@example.test")
				.add());
		}
		groups.add(large);
		MergePolicy policy = new MergePolicy(SurvivorRule.OLDEST, true, true, false, 100);
		Map<String, MergePlan> expected = new HashMap<>();
		groups.forEach((members) -> expected.put(members.get(0).id(), RunAssertions.expectedPlan(groups, members, policy)));

		int exitCode = this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "maxGroupSize=100"));

		assertThat(exitCode).isZero();
		this.runs.assertFinalState(org, groups, policy);
		this.runs.assertAuditAgreesWithMergeLog(orgId);
		assertThat(this.runs.count(orgId, "MERGED"))
			.isEqualTo(expected.values().stream().filter(MergePlan.Merge.class::isInstance).count());
		assertThat(this.runs.count(orgId, "PENDING")).isZero();
		assertThat(this.simulator.mergeLog(orgId).stream().anyMatch((merge) -> merge.sourceIds().size() == 50))
			.as("a group of more than 51 members is merged in calls of at most 50")
			.isTrue();
	}

	@Test
	void rerunningACompletedRunExitsZeroAndSendsNothing() {
		String orgId = newOrg();
		OrgGenerator.seeded(3).populate(this.simulator.org(orgId), 20, 0);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "runKey=once"))).isZero();
		long requests = this.simulator.requests(orgId, "GET") + this.simulator.requests(orgId, "POST");

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "runKey=once"))).isZero();

		assertThat(this.simulator.requests(orgId, "GET") + this.simulator.requests(orgId, "POST"))
			.isEqualTo(requests);
	}

	@Test
	void refusesAnUnknownParameterWithExitCodeTwoBeforeAnyCall() {
		String orgId = newOrg();
		OrgGenerator.seeded(4).populate(this.simulator.org(orgId), 5, 0);

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryrun=false"))).isEqualTo(2);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false,java.lang.Boolean"))).isEqualTo(2);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "survivor=loudest"))).isEqualTo(2);
		assertThat(this.launcher.launch(List.of("orgId=../admin"))).isEqualTo(2);
		assertThat(this.launcher.launch(List.of("dryRun=false"))).isEqualTo(2);

		assertThat(this.simulator.requests(orgId, "GET") + this.simulator.requests(orgId, "POST")).isZero();
	}

	@Test
	void exitsWithThreeWhileAnotherRunHoldsTheOrgButNotForAnotherOrg() throws Exception {
		String orgId = newOrg();
		String otherOrgId = newOrg();
		OrgGenerator.seeded(5).populate(this.simulator.org(orgId), 5, 0);
		OrgGenerator.seeded(6).populate(this.simulator.org(otherOrgId), 5, 0);

		try (OrgLease held = OrgLease.acquire(this.dataSource, orgId).orElseThrow()) {
			assertThat(this.launcher.launch(List.of("orgId=" + orgId, "runKey=manual"))).isEqualTo(3);
			assertThat(this.launcher.launch(List.of("orgId=" + otherOrgId))).isZero();
		}
		assertThat(this.simulator.requests(orgId, "GET")).isZero();
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "runKey=manual"))).isZero();
	}

	@Test
	void capsTheMergesOfARunAtMaxMergesAndRecordsTheRestAsSkipped() {
		String orgId = newOrg();
		OrgGenerator.seeded(7).plainContacts().maxGroupSize(5).populate(this.simulator.org(orgId), 30, 0);

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "maxMerges=7"))).isZero();

		assertThat(this.runs.count(orgId, "MERGED")).isEqualTo(7);
		assertThat(this.simulator.mergeLog(orgId)).hasSize(7);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM dedup_audit WHERE org_id = ? AND reason = 'max-merges-reached'", Long.class,
				orgId))
			.isEqualTo(23);
	}

	@Test
	void resumesAFailedRunWhereItStoppedWithTheSameCommand() {
		String orgId = newOrg();
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(8).plainContacts().maxGroupSize(4).populate(org, 200, 0);
		List<String> command = List.of("orgId=" + orgId, "dryRun=false", "runKey=resume");
		org.setFaults(Faults.NONE.withDrops(1.0));

		assertThat(this.launcher.launch(command)).isEqualTo(1);
		assertThat(this.simulator.mergeLog(orgId)).isEmpty();

		org.setFaults(Faults.NONE);
		assertThat(this.launcher.launch(command)).isZero();

		this.runs.assertFinalState(org, groups, new MergePolicy(SurvivorRule.OLDEST, true, true, false, 20));
		this.runs.assertAuditAgreesWithMergeLog(orgId);
		assertThat(this.runs.count(orgId, "MERGED")).isEqualTo(200);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM batch_job_execution WHERE job_instance_id IN "
						+ "(SELECT job_instance_id FROM dedup_audit WHERE org_id = ?)",
				Long.class, orgId))
			.isEqualTo(2);
	}

	@Test
	void resumesACollectThatFailedMidListingWithoutSkippingOrRepeatingAGroup() {
		String orgId = newOrg();
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(10).plainContacts().maxGroupSize(3).populate(org, 750, 0);
		List<String> command = List.of("orgId=" + orgId, "dryRun=false", "runKey=collect-resume");
		org.makePageUnavailable(5);

		assertThat(this.launcher.launch(command)).isEqualTo(1);
		assertThat(this.simulator.mergeLog(orgId)).isEmpty();
		long staged = this.jdbc.queryForObject("SELECT count(*) FROM dedup_staged_group WHERE org_id = ?", Long.class,
				orgId);
		assertThat(staged).as("the pages before the failing one were kept").isEqualTo(400);

		org.makePageUnavailable(0);
		assertThat(this.launcher.launch(command)).isZero();

		assertThat(this.jdbc.queryForObject("SELECT collected FROM dedup_run_listing WHERE org_id = ?", Long.class,
				orgId)).as("the resumed collect read on from the failing page: its window holds each group once")
			.isEqualTo(750);
		this.runs.assertFinalState(org, groups, MergePolicy.defaults());
		this.runs.assertAuditAgreesWithMergeLog(orgId);
		assertThat(this.runs.count(orgId, "MERGED")).isEqualTo(750);
	}

	@Test
	void confirmsMergesWhoseAnswerWasLostWithoutMergingTwice() {
		String orgId = newOrg();
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(9).maxGroupSize(6).populate(org, 150, 0);
		org.setFaults(Faults.NONE.withLostMergeAnswers(0.2, 0.2));

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false"))).isZero();

		this.runs.assertFinalState(org, groups, MergePolicy.defaults());
		this.runs.assertAuditAgreesWithMergeLog(orgId);
		assertThat(this.runs.count(orgId, "PENDING")).isZero();
		assertThat(this.runs.count(orgId, "FAILED")).isZero();
	}

	private static String newOrg() {
		return "org-" + ProcessHandle.current().pid() + "-" + orgs.incrementAndGet();
	}

}
