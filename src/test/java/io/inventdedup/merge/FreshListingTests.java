package io.inventdedup.merge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.policy.MergePolicy;
import io.inventdedup.simulator.Faults;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.MergeRecord;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimContact;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.RunAssertions;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The org changes while a run merges, with {@code dedup.merge.max-listing-age} of two seconds, 6,000
 * requests a minute and two merges in flight at 60 ms a call: the run reads as many windows as it
 * must, no merge sent
 * later than the bound after a change takes in a contact the change excludes, a group a contact
 * joined is merged with it, a group merged by hand is not touched, a new group is merged by the
 * same run, and every group that did not change is merged as before.
 */
@ShortListingBound
class FreshListingTests {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void neverMergesOnAListingOlderThanTheBoundWhileTheOrgChangesUnderTheRun() {
		String orgId = "fresh-listing";
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(19).plainContacts().maxGroupSize(3).populate(org, 160, 0);
		org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(60), Duration.ofMillis(10)));

		CompletableFuture<Integer> run = CompletableFuture
			.supplyAsync(() -> this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false")));
		await().atMost(Duration.ofSeconds(60)).until(() -> this.simulator.mergeLog(orgId).size() >= 10);
		List<List<SimContact>> untouched = new ArrayList<>();
		for (List<SimContact> members : groups) {
			if (members.stream().allMatch((member) -> org.contact(member.id()) != null)) {
				untouched.add(members);
			}
		}
		List<List<SimContact>> late = untouched.subList(untouched.size() - 5, untouched.size());
		String admin = late.get(0).get(1).id();
		String blocked = late.get(1).get(0).id();
		SimContact.SimChannel joined = late.get(2).get(0).channels().get(0);
		List<SimContact> byHand = late.get(3);
		long changedAt = System.nanoTime();
		org.change(admin, (contact) -> contact.admin(true));
		org.change(blocked, (contact) -> contact.blocked(true));
		String sameName = late.get(2).stream().map(SimContact::name).filter((name) -> name != null).findFirst().orElse(null);
		org.newContact("joins-late")
			.named(sameName)
			.createdAt("2024-01-01")
			.channels(joined.type() + ":" + joined.userId())
			.add();
		org.mergeByHand(byHand.get(0).id(), byHand.subList(1, byHand.size()).stream().map(SimContact::id).toList());
		org.newContact("new-1").named("Nova Kade").createdAt("2024-01-01").channels("email:nova@example.test").add();
		org.newContact("new-2").named("Nova Kade").createdAt("2024-02-01").channels("email:nova@example.test").add();

		assertThat(run.join()).isZero();

		Set<String> excludedNow = Set.of(admin, blocked);
		for (MergeRecord merge : this.simulator.mergeLog(orgId)) {
			if (this.simulator.mergedAt(merge) - changedAt > ShortListingBound.BOUND.toNanos()) {
				assertThat(merge.sourceIds()).as("a merge sent %s after the change", ShortListingBound.BOUND).doesNotContainAnyElementsOf(excludedNow);
				assertThat(merge.survivorId()).isNotIn(excludedNow);
			}
		}
		List<String> byHandIds = byHand.stream().map(SimContact::id).toList();
		assertThat(this.simulator.mergeLog(orgId)).noneMatch((merge) -> byHandIds.contains(merge.survivorId())
				&& !merge.sourceIds().isEmpty() && this.simulator.mergedAt(merge) - changedAt > 0);
		assertThat(this.simulator.mergeLog(orgId)).anyMatch((merge) -> merge.sourceIds().contains("joins-late")
				|| merge.survivorId().equals("joins-late"));
		assertThat(this.simulator.mergeLog(orgId)).anyMatch((merge) -> merge.survivorId().equals("new-1")
				&& merge.sourceIds().equals(List.of("new-2")));
		List<List<SimContact>> unchanged = new ArrayList<>(groups);
		unchanged.removeAll(late.subList(0, 4));
		RunAssertions runs = new RunAssertions(this.simulator, this.jdbc);
		runs.assertFinalState(org, unchanged, MergePolicy.defaults());
		runs.assertAuditAgreesWithMergeLog(orgId);
		assertThat(runs.count(orgId, "PENDING")).isZero();
		long execution = runs.lastExecution(orgId);
		Integer listings = this.jdbc.queryForObject("SELECT count(*) FROM dedup_listing WHERE completed AND job_instance_id = "
				+ "(SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?)", Integer.class, execution);
		assertThat(listings).as("the run listed again when its listing grew older than the bound").isGreaterThanOrEqualTo(2);
		Long oldest = this.jdbc.queryForObject("SELECT max(oldest_merge_age_ms) FROM dedup_listing WHERE job_instance_id = "
				+ "(SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?)", Long.class, execution);
		assertThat(oldest).as("the oldest listing a merge acted on").isNotNull().isLessThanOrEqualTo(ShortListingBound.BOUND.toMillis());
	}

	@Test
	void anApplyRunComparesWithTheReviewedPlanOnTheFreshListing() {
		String orgId = "fresh-apply";
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(20).plainContacts().maxGroupSize(3).populate(org, 120, 0);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "runKey=plan"))).isZero();
		RunAssertions runs = new RunAssertions(this.simulator, this.jdbc);
		long plan = runs.lastExecution(orgId);
		org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(60), Duration.ofMillis(10)));

		CompletableFuture<Integer> apply = CompletableFuture.supplyAsync(() -> this.launcher
			.launch(List.of("orgId=" + orgId, "runKey=apply", "dryRun=false", "plan=" + plan)));
		await().atMost(Duration.ofSeconds(60)).until(() -> this.simulator.mergeLog(orgId).size() >= 10);
		List<SimContact> late = groups.get(groups.size() - 1);
		String admin = ((io.inventdedup.policy.MergePlan.Merge) RunAssertions.expectedPlan(groups, late, MergePolicy.defaults()))
			.sources()
			.get(0);
		long changedAt = System.nanoTime();
		org.change(admin, (contact) -> contact.admin(true));

		assertThat(apply.join()).isZero();

		for (MergeRecord merge : this.simulator.mergeLog(orgId)) {
			if (this.simulator.mergedAt(merge) - changedAt > ShortListingBound.BOUND.toNanos()) {
				assertThat(merge.sourceIds()).doesNotContain(admin);
			}
		}
		assertThat(this.jdbc.queryForMap("SELECT status, reason, detail FROM dedup_audit WHERE org_id = ? AND "
				+ "job_instance_id = (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?) "
				+ "AND dedup_member_ids(listed_group) @> ARRAY[?::text]", orgId, runs.lastExecution(orgId), admin))
			.containsEntry("status", "SKIPPED")
			.containsEntry("reason", "changed-since-review")
			.hasEntrySatisfying("detail", (detail) -> assertThat((String) detail).contains(admin + " became an admin"));
		runs.assertAuditAgreesWithMergeLog(orgId);
		assertThat(runs.count(orgId, "PENDING")).isZero();
	}

	/**
	 * Reading the whole listing takes longer than the bound (20 pages of 2 groups, 120 ms a call: at
	 * least 2.4 s): the run reads it in windows that fit the bound, and no merge reaches the API later
	 * than its bound after the page that listed it (measured by the simulator).
	 */
	@Test
	void mergesAnOrgWhoseListingTakesLongerThanTheBoundWindowByWindow() {
		String orgId = "fresh-slow-listing";
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(21).plainContacts().maxGroupSize(3).populate(org, 40, 0);
		org.capPagesAt(2);
		org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(120), Duration.ofMillis(10)));

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false"))).isZero();

		RunAssertions runs = new RunAssertions(this.simulator, this.jdbc);
		runs.assertFinalState(org, groups, MergePolicy.defaults());
		runs.assertAuditAgreesWithMergeLog(orgId);
		assertThat(runs.count(orgId, "MERGED")).isEqualTo(40);
		assertThat(org.watch().mergeAges()).as("every merge reached the API within the bound of the page that listed it")
			.hasSize(40)
			.allSatisfy((age) -> assertThat(age).isLessThanOrEqualTo(ShortListingBound.BOUND));
		assertThat(this.jdbc.queryForObject("SELECT listings FROM dedup_run_listing WHERE org_id = ?", Long.class, orgId))
			.as("windows read").isGreaterThan(2);
	}

}
