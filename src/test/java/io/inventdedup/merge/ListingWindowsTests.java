package io.inventdedup.merge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.policy.MergePolicy;
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
 * A run reads its org's listing in windows of what it can merge within the bound (here 2 s at 6,000
 * requests a minute, pages of 10 groups: 13 pages a window), each where the first group not looked at
 * is now, and reads the listing again while a pass moved it. Through the real job: the groups that
 * stay listed fill the first pages and are read once a pass, and the audit is analysed once a run,
 * not after each window; a group that moves from a later window
 * to an earlier one is merged by the next pass; a window's group that gains a member while the
 * window is merged ends merged whole; a run stopped mid-window goes on from its window.
 */
@ShortListingBound
class ListingWindowsTests {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void groupsThatStayListedFillTheFirstPagesAndAreReadOnceAPass() {
		String orgId = "windows-stay";
		SimOrg org = orgWithStayersInFront(orgId);
		List<List<SimContact>> mergeable = OrgGenerator.seeded(71).plainContacts().maxGroupSize(3).populate(org, 150, 0);
		long analysed = analyses();

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false"))).isZero();

		RunAssertions runs = new RunAssertions(this.simulator, this.jdbc);
		assertThat(runs.count(orgId, "SKIPPED")).as("the groups that stay, each recorded once").isEqualTo(150);
		assertThat(runs.count(orgId, "MERGED")).isEqualTo(150);
		assertThat(runs.count(orgId, null)).isEqualTo(300);
		runs.assertFinalState(org, mergeable, MergePolicy.defaults());
		runs.assertAuditAgreesWithMergeLog(orgId);
		assertThat(org.watch().pagesServed().stream().filter((page) -> page <= 15))
			.as("the 15 pages of groups that stay: read once in each of the two passes, never by a later window")
			.hasSize(30);
		assertThat(windows(orgId)).isGreaterThanOrEqualTo(5);
		assertThat(passes(orgId)).isEqualTo(2);
		assertThat(analyses() - analysed).as("the audit analysed once a run, not after each window").isOne();
		assertThat(org.watch().mergeAges()).as("every merge reached the API within the bound of the page that listed it")
			.allSatisfy((age) -> assertThat(age).isLessThanOrEqualTo(ShortListingBound.BOUND));
	}

	@Test
	void aGroupThatMovesFromALaterWindowToAnEarlierOneIsMergedByTheNextPass() {
		String orgId = "windows-moved";
		SimOrg org = orgWithStayersInFront(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(72).plainContacts().maxGroupSize(3).populate(org, 150, 0);
		List<SimContact> last = groups.stream()
			.max(Comparator.comparing((members) -> members.stream().map(SimContact::id).min(String::compareTo).orElseThrow()))
			.orElseThrow();
		SimContact.SimChannel shared = last.get(0).channels().get(0);

		CompletableFuture<Integer> run = CompletableFuture
			.supplyAsync(() -> this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false")));
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
			.until(() -> this.simulator.mergeLog(orgId).size() >= 20);
		// The smallest id of all: the last group of the listing is now its first, on a page this pass has
		// read already (its later windows begin after the groups that stay).
		org.newContact("aa-0-moved").named(last.get(0).name()).createdAt("2025-06-01")
			.channels(shared.type() + ":" + shared.userId()).add();

		assertThat(run.join()).isZero();

		assertThat(org.contact("aa-0-moved")).as("merged into its group's survivor").isNull();
		assertThat(this.simulator.mergeLog(orgId)).filteredOn((merge) -> merge.sourceIds().contains("aa-0-moved"))
			.singleElement()
			.extracting(MergeRecord::survivorId)
			.isIn(last.stream().map(SimContact::id).toList());
		RunAssertions runs = new RunAssertions(this.simulator, this.jdbc);
		runs.assertAuditAgreesWithMergeLog(orgId);
		runs.assertFinalState(org, groups, MergePolicy.defaults());
		assertThat(passes(orgId)).as("the pass that found it moved, and one that found nothing left").isEqualTo(3);
	}

	@Test
	void aWindowsGroupThatGainsAMemberWhileTheWindowIsMergedEndsMergedWhole() {
		String orgId = "windows-joined";
		SimOrg org = this.simulator.org(orgId);
		org.capPagesAt(10);
		List<List<SimContact>> groups = OrgGenerator.seeded(73).plainContacts().maxGroupSize(3).populate(org, 120, 0);
		List<List<SimContact>> listed = new ArrayList<>(groups);
		listed.sort(Comparator.comparing((members) -> members.stream().map(SimContact::id).min(String::compareTo).orElseThrow()));
		List<SimContact> changed = listed.get(59);
		SimContact.SimChannel shared = changed.get(0).channels().get(0);

		CompletableFuture<Integer> run = CompletableFuture
			.supplyAsync(() -> this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false")));
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(2))
			.until(() -> !this.simulator.mergeLog(orgId).isEmpty());
		org.newContact("zz-joined").named(changed.get(0).name()).createdAt("2025-06-01")
			.channels(shared.type() + ":" + shared.userId()).add();

		assertThat(run.join()).isZero();

		String survivor = RunAssertions.expectedPlan(groups, changed, MergePolicy.defaults()) instanceof
				io.inventdedup.policy.MergePlan.Merge merge ? merge.survivorId() : null;
		assertThat(org.contact("zz-joined")).as("the member that joined is merged too").isNull();
		assertThat(this.simulator.mergeLog(orgId)).filteredOn((merge) -> merge.sourceIds().contains("zz-joined"))
			.singleElement()
			.extracting(MergeRecord::survivorId)
			.isEqualTo(survivor);
		RunAssertions runs = new RunAssertions(this.simulator, this.jdbc);
		runs.assertFinalState(org, groups, MergePolicy.defaults());
		runs.assertAuditAgreesWithMergeLog(orgId);
	}

	@Test
	void aRunStoppedMidWindowGoesOnFromItsWindowWithTheSameCommand() {
		String orgId = "windows-resumed";
		SimOrg org = orgWithStayersInFront(orgId);
		List<List<SimContact>> mergeable = OrgGenerator.seeded(74).plainContacts().maxGroupSize(3).populate(org, 150, 0);
		List<String> command = List.of("orgId=" + orgId, "dryRun=false", "runKey=resumed");
		org.revokeTheKeyAfterMerges(20);

		assertThat(this.launcher.launch(command)).as("the run that met the revoked key").isEqualTo(1);
		int servedBefore = org.watch().pagesServed().size();
		org.revokeTheKeyAfterMerges(0);
		org.setFaults(io.inventdedup.simulator.Faults.NONE);

		assertThat(this.launcher.launch(command)).as("the same command").isZero();

		assertThat(org.watch().pagesServed().get(servedBefore)).as("the resumed run reads on after the groups that stay")
			.isGreaterThan(15);
		RunAssertions runs = new RunAssertions(this.simulator, this.jdbc);
		runs.assertFinalState(org, mergeable, MergePolicy.defaults());
		runs.assertAuditAgreesWithMergeLog(orgId);
		assertThat(runs.count(orgId, "MERGED")).isEqualTo(150);
		assertThat(runs.count(orgId, "SKIPPED")).isEqualTo(150);
		assertThat(runs.count(orgId, "PENDING")).isZero();
	}

	/** Pages of 10 groups; 150 groups of two admins (skipped, they stay listed) before every other. */
	private SimOrg orgWithStayersInFront(String orgId) {
		SimOrg org = this.simulator.org(orgId);
		org.capPagesAt(10);
		for (int i = 0; i < 150; i++) {
			String id = String.format("aa-stay-%03d", i);
			org.newContact(id + "-a").named("Ada Stay").createdAt("2024-01-01").admin()
				.channels("email:stay-" + i + "@example.test").add();
			org.newContact(id + "-b").named("Ada Stay").createdAt("2024-02-01").admin()
				.channels("email:stay-" + i + "@example.test").add();
		}
		return org;
	}

	private long windows(String orgId) {
		return this.jdbc.queryForObject("SELECT listings FROM dedup_run_listing WHERE org_id = ?", Long.class, orgId);
	}

	/** The ANALYZE commands the audit table has had (PostgreSQL counts them as they end). */
	private long analyses() {
		return this.jdbc.queryForObject("SELECT analyze_count FROM pg_stat_user_tables WHERE relid = 'public.dedup_audit'::regclass",
				Long.class);
	}

	private long passes(String orgId) {
		return this.jdbc.queryForObject("SELECT passes FROM dedup_run_listing WHERE org_id = ?", Long.class, orgId);
	}

}
