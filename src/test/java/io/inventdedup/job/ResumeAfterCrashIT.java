package io.inventdedup.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.inventdedup.policy.MergePolicy;
import io.inventdedup.simulator.Faults;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.MergeRecord;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimContact;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.DatabaseCommand;
import io.inventdedup.support.JobProcess;
import io.inventdedup.support.RunAssertions;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar killed mid-way through the runs that act on a person's review, and resumed: an
 * apply run of a reviewed plan and a run that merges approved groups end with exactly the reviewed
 * merges; a run resumed after its listing's age bound lists again before its first merge. (Split
 * from {@link CrashAndStopIT} so that the two take turns with the other process tests.)
 */
class ResumeAfterCrashIT {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	private final JdbcTemplate jdbc = TestInfrastructure.migratedDatabase();

	private final RunAssertions runs = new RunAssertions(this.simulator, this.jdbc);

	@Test
	void resumesAnApplyRunKilledMidWayToExactlyTheReviewedMerges() {
		String orgId = "crash-apply";
		SimOrg org = this.simulator.org(orgId);
		OrgGenerator.seeded(32).plainContacts().maxGroupSize(4).populate(org, 300, 0);
		org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(5), Duration.ofMillis(20)));
		JobProcess dryRun = JobProcess.start("crash-apply",
				new String[] { "orgId=" + orgId, "runKey=plan", "--invent.api.rate-limit-per-minute=60000" });
		assertThat(dryRun.waitFor(120)).as(dryRun.output()).isZero();
		long plan = this.jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?",
				Long.class, orgId);
		String rejected = this.jdbc.queryForObject(
				"SELECT group_key FROM dedup_audit WHERE org_id = ? AND status = 'PLANNED' ORDER BY id LIMIT 1",
				String.class, orgId);
		assertThat(DatabaseCommand.run("--reject", String.valueOf(plan), rejected, "--reason=not this one")).isZero();
		Set<MergeRecord> reviewed = new HashSet<>();
		this.jdbc.query("SELECT survivor_contact_id, source_contact_ids FROM dedup_audit WHERE org_id = ? "
				+ "AND status = 'PLANNED' AND group_key <> ?", (rs) -> {
					reviewed.add(new MergeRecord(orgId, rs.getString(1), List.of((String[]) rs.getArray(2).getArray())));
				}, orgId, rejected);
		String[] apply = { "orgId=" + orgId, "dryRun=false", "plan=" + plan, "runKey=apply",
				"--invent.api.rate-limit-per-minute=60000" };

		JobProcess job = JobProcess.start("crash-apply", apply);
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
			.until(() -> merged(orgId) >= 60 || !job.isAlive());
		assertThat(job.isAlive()).as("killed mid-way").isTrue();
		job.kill();
		job.waitFor(30);
		assertThat(merged(orgId)).isLessThan(reviewed.size());

		JobProcess resumed = JobProcess.start("crash-apply", apply);
		assertThat(resumed.waitFor(120)).as(resumed.output()).isZero();
		assertThat(new HashSet<>(this.simulator.mergeLog(orgId))).isEqualTo(reviewed);
		this.runs.assertAuditAgreesWithMergeLog(orgId);
		assertThat(this.runs.count(orgId, "PENDING")).isZero();
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM dedup_audit WHERE org_id = ? AND reason = 'rejected-in-review'", Long.class,
				orgId)).isOne();
	}

	@Test
	void resumesTheRunThatMergesApprovedGroupsKilledMidWayToExactlyTheApprovedMerges() {
		String orgId = "crash-approved";
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(33).sharedChannels(0.5).populate(org, 400, 0);
		org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(5), Duration.ofMillis(20)));
		JobProcess night1 = JobProcess.start("crash-approved",
				new String[] { "orgId=" + orgId, "dryRun=false", "runKey=night-1", "--invent.api.rate-limit-per-minute=60000" });
		assertThat(night1.waitFor(120)).as(night1.output()).isZero();
		long queuedBy = this.jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?",
				Long.class, orgId);
		List<String> queued = this.jdbc.queryForList("SELECT group_key FROM dedup_audit WHERE org_id = ? "
				+ "AND status = 'NEEDS_REVIEW' ORDER BY group_key", String.class, orgId);
		assertThat(queued).as("enough queued groups for a kill mid-way").hasSizeGreaterThan(30);
		List<String> approve = new ArrayList<>(List.of("--approve", String.valueOf(queuedBy)));
		approve.addAll(queued.subList(1, queued.size()));
		approve.add("--reason=checked by hand");
		assertThat(DatabaseCommand.run(approve.toArray(String[]::new))).isZero();
		assertThat(DatabaseCommand.run("--reject", String.valueOf(queuedBy), queued.get(0), "--reason=a family")).isZero();
		Set<MergeRecord> approved = new HashSet<>();
		this.jdbc.query("SELECT survivor_contact_id, source_contact_ids FROM dedup_audit WHERE org_id = ? "
				+ "AND status = 'NEEDS_REVIEW' AND group_key <> ?", (rs) -> {
					approved.add(new MergeRecord(orgId, rs.getString(1), List.of((String[]) rs.getArray(2).getArray())));
				}, orgId, queued.get(0));
		Set<String> queuedSurvivors = new HashSet<>();
		approved.forEach((merge) -> queuedSurvivors.add(merge.survivorId()));
		int before = this.simulator.mergeLog(orgId).size();
		String[] night2 = { "orgId=" + orgId, "dryRun=false", "runKey=night-2",
				"--invent.api.rate-limit-per-minute=60000" };

		JobProcess job = JobProcess.start("crash-approved", night2);
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
			.until(() -> this.simulator.mergeLog(orgId).size() - before >= 15 || !job.isAlive());
		assertThat(job.isAlive()).as("killed mid-way").isTrue();
		job.kill();
		job.waitFor(30);

		JobProcess resumed = JobProcess.start("crash-approved", night2);
		assertThat(resumed.waitFor(120)).as(resumed.output()).isZero();
		Set<MergeRecord> mergedOfQueued = new HashSet<>(this.simulator.mergeLog(orgId)
			.subList(before, this.simulator.mergeLog(orgId).size())
			.stream()
			.filter((merge) -> queuedSurvivors.contains(merge.survivorId()))
			.toList());
		assertThat(mergedOfQueued).as("of the queued groups, exactly the approved ones, once").isEqualTo(approved);
		this.runs.assertAuditAgreesWithMergeLog(orgId);
		assertThat(this.runs.count(orgId, "PENDING")).isZero();
		this.runs.assertNoMergeJoinsTwoPeople(orgId, groups, queuedSurvivors);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM dedup_audit WHERE org_id = ? AND group_key = ? "
				+ "AND reason = 'rejected-in-review'", Long.class, orgId, queued.get(0))).isOne();
	}

	@Test
	void aRunResumedAfterTheListingAgeBoundListsAgainBeforeItsFirstMerge() {
		String orgId = "crash-stale";
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(34).plainContacts().maxGroupSize(3).populate(org, 300, 0);
		org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(20), Duration.ofMillis(20)));
		String[] command = { "orgId=" + orgId, "dryRun=false", "--invent.api.rate-limit-per-minute=60000",
				"--dedup.merge.max-listing-age=3s", "--invent.api.concurrency=2" };
		JobProcess job = JobProcess.start("crash-stale", command);
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
			.until(() -> merged(orgId) >= 20 || !job.isAlive());
		assertThat(job.isAlive()).as("killed mid-way").isTrue();
		job.kill();
		job.waitFor(30);
		java.sql.Timestamp listedAt = this.jdbc.queryForObject(
				"SELECT max(started_at) FROM dedup_listing WHERE org_id = ? AND completed", java.sql.Timestamp.class, orgId);
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
			.until(() -> this.jdbc.queryForObject("SELECT now() - ?::timestamptz > interval '3 seconds'", Boolean.class,
					listedAt));
		long resumedAt = System.nanoTime();

		JobProcess resumed = JobProcess.start("crash-stale", command);
		assertThat(resumed.waitFor(120)).as(resumed.output()).isZero();

		List<InventSimulator.Call> after = this.simulator.calls(orgId)
			.stream()
			.filter((call) -> call.at() > resumedAt)
			.toList();
		int firstListing = indexOf(after, "GET", "/duplicates");
		int firstMerge = indexOf(after, "POST", "/merge");
		assertThat(firstListing).as("the resumed run lists the org").isNotNegative();
		assertThat(firstMerge).as("... before its first merge").isGreaterThan(firstListing);
		this.runs.assertFinalState(org, groups, MergePolicy.defaults());
		this.runs.assertAuditAgreesWithMergeLog(orgId);
		assertThat(this.runs.count(orgId, "PENDING")).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM dedup_listing WHERE org_id = ? AND completed",
				Long.class, orgId)).isGreaterThanOrEqualTo(2);
	}

	private static int indexOf(List<InventSimulator.Call> calls, String method, String pathEnd) {
		for (int i = 0; i < calls.size(); i++) {
			if (calls.get(i).method().equals(method) && calls.get(i).path().endsWith(pathEnd)) {
				return i;
			}
		}
		return -1;
	}

	private long merged(String orgId) {
		return this.runs.count(orgId, "MERGED");
	}

}
