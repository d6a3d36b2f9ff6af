package io.inventdedup.merge;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.policy.MergePlan;
import io.inventdedup.policy.MergePolicy;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.MergeRecord;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimContact;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.DatabaseCommand;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.RunAssertions;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name check through the real job, on an org that looks like a real one (variants of one
 * person's name, groups of different people sharing a phone or an inbox): an unattended run merges
 * no two people and queues the doubtful groups; approvals and rejections on the command line; of the
 * queued groups, the next scheduled run merges exactly the approved ones that did not change (it
 * also merges, on its own, what the first run's cores left of one person's contacts when their
 * names agree word for word); a group whose names say different people is skipped, not queued, and
 * merged by the next run once a person approves it.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NameCheckTests {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	private RunAssertions runs;

	@BeforeEach
	void checkRunsAgainstTheSimulator() {
		this.runs = new RunAssertions(this.simulator, this.jdbc);
	}

	@Test
	void anUnattendedRunMergesNoTwoPeopleAndTheNextRunMergesExactlyTheApprovedUnchangedGroups() throws Exception {
		String orgId = "names-approve";
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(18).sharedChannels(0.2).populate(org, 300, 20);
		List<List<SimContact>> doubtful = groups.stream()
			.filter((members) -> RunAssertions.isQueued(RunAssertions.expectedPlan(groups, members, MergePolicy.defaults())))
			.toList();
		assertThat(doubtful).as("the org has groups whose names disagree").hasSizeGreaterThanOrEqualTo(5);

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "runKey=night-1"))).isZero();

		this.runs.assertNoMergeJoinsTwoPeople(orgId, groups, Set.of());
		this.runs.assertFinalState(org, groups, MergePolicy.defaults());
		this.runs.assertAuditAgreesWithMergeLog(orgId);
		assertThat(this.runs.count(orgId, "NEEDS_REVIEW")).isEqualTo(doubtful.size());
		assertThat(this.jdbc.queryForList("SELECT DISTINCT reason FROM dedup_audit WHERE org_id = ? AND status = "
				+ "'NEEDS_REVIEW'", String.class, orgId)).containsExactly("names-disagree");
		long night1 = this.runs.lastExecution(orgId);
		int mergedOnNight1 = this.simulator.mergeLog(orgId).size();

		Map<String, Object> byKey = queued(groups, doubtful.get(0));
		Map<String, Object> byContact = queued(groups, doubtful.get(1));
		Map<String, Object> changed = queued(groups, doubtful.get(2));
		Map<String, Object> rejected = queued(groups, doubtful.get(3));
		assertThat(DatabaseCommand.run("--approve", String.valueOf(night1), (String) byKey.get("group_key"),
				(String) changed.get("group_key"), "--reason=one customer, two numbers", "--by=carol"))
			.isZero();
		assertThat(DatabaseCommand.run("--approve", String.valueOf(night1),
				((String[]) ((java.sql.Array) byContact.get("source_contact_ids")).getArray())[0], "--reason=same person",
				"--by=carol"))
			.isZero();
		assertThat(DatabaseCommand.run("--reject", String.valueOf(night1), (String) rejected.get("group_key"),
				"--reason=a family's phone", "--by=carol"))
			.isZero();
		assertThat(DatabaseCommand.run("--approve", String.valueOf(night1), "no-such-key", "--reason=x"))
			.as("a key that names no queued group").isEqualTo(2);
		assertThat(DatabaseCommand.run("--approve", String.valueOf(night1), (String) byKey.get("group_key")))
			.as("an approval needs a reason").isEqualTo(2);
		SimContact.SimChannel shared = doubtful.get(2).get(0).channels().get(0);
		org.newContact("joins-changed")
			.named("Nadia Okafor")
			.createdAt(java.time.Instant.parse("2024-01-01T00:00:00Z"))
			.channels(shared.type() + ":" + shared.userId())
			.add();

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "runKey=night-2"))).isZero();

		Set<String> queuedMembers = new HashSet<>();
		doubtful.forEach((members) -> members.forEach((member) -> queuedMembers.add(member.id())));
		Set<MergeRecord> night2OfQueued = new HashSet<>(this.simulator.mergeLog(orgId)
			.subList(mergedOnNight1, this.simulator.mergeLog(orgId).size())
			.stream()
			.filter((merge) -> queuedMembers.contains(merge.survivorId()))
			.toList());
		assertThat(night2OfQueued).as("of the queued groups, the next run merges exactly the approved, unchanged ones")
			.isEqualTo(Set.of(record(orgId, byKey), record(orgId, byContact)));
		this.runs.assertNoMergeJoinsTwoPeople(orgId, groups, Set.of((String) byKey.get("survivor_contact_id"),
				(String) byContact.get("survivor_contact_id")));
		long night2Execution = this.runs.lastExecution(orgId);
		assertThat(row(night2Execution, (String) rejected.get("group_key")))
			.containsEntry("status", "SKIPPED")
			.containsEntry("reason", "rejected-in-review");
		Map<String, Object> requeued = this.jdbc.queryForMap("SELECT * FROM dedup_audit WHERE job_instance_id = "
				+ "(SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?) "
				+ "AND dedup_member_ids(listed_group) @> ARRAY['joins-changed']", night2Execution);
		assertThat(requeued).containsEntry("status", "NEEDS_REVIEW").containsEntry("reason", "changed-since-review");
		assertThat((String) requeued.get("detail")).contains("approved by carol")
			.contains("joins-changed is new in the group");
		assertThat((String) row(night2Execution, (String) byKey.get("group_key")).get("detail"))
			.contains("approved by carol");
		this.runs.assertAuditAgreesWithMergeLog(orgId);
	}

	@Test
	void aGroupWhoseNamesDifferIsSkippedNotQueuedAndTheNextRunMergesItOnceAPersonApprovesIt(CapturedOutput output)
			throws Exception {
		String orgId = "names-differ";
		SimOrg org = this.simulator.org(orgId);
		java.time.Instant t0 = java.time.Instant.parse("2024-01-01T00:00:00Z");
		org.newContact("family-a").named("Maria Green").createdAt(t0).channels("email:greens@example.test").add();
		org.newContact("family-b")
			.named("Mitchell Green")
			.createdAt(t0.plusSeconds(60))
			.channels("email:greens@example.test")
			.add();
		org.newContact("anna-a").named("Anna Smith").createdAt(t0).channels("email:anna@example.test").add();
		org.newContact("anna-b")
			.named("Smith, Anna")
			.createdAt(t0.plusSeconds(60))
			.channels("email:anna@example.test")
			.add();

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "runKey=night-1"))).isZero();

		assertThat(this.simulator.mergeLog(orgId)).containsExactly(new MergeRecord(orgId, "anna-a", List.of("anna-b")));
		assertThat(this.runs.count(orgId, "NEEDS_REVIEW")).as("names that rule each other out are not queued").isZero();
		long night1 = this.runs.lastExecution(orgId);
		Map<String, Object> family = this.jdbc.queryForMap(
				"SELECT * FROM dedup_audit WHERE org_id = ? AND survivor_contact_id = 'family-a'", orgId);
		assertThat(family).containsEntry("status", "SKIPPED").containsEntry("reason", "names-differ");
		assertThat((String) family.get("detail")).contains("Green = Green, but Maria ≠ Mitchell");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM dedup_audit a WHERE org_id = ? AND NOT EXISTS "
				+ "(SELECT 1 FROM dedup_approval p WHERE p.group_key = a.group_key) AND status = 'NEEDS_REVIEW'", Long.class,
				orgId)).isZero();
		assertThat(DatabaseCommand.run("--report", String.valueOf(night1))).isZero();
		assertThat(output.getOut()).contains("Skipped, the names say different people (names-differ")
			.contains((String) family.get("group_key") + "  names differ: family-a \"Maria Green\", family-b \"Mitchell Green\"");

		assertThat(DatabaseCommand.run("--approve", String.valueOf(night1), "family-b",
				"--reason=one customer who signs as his wife", "--by=carol"))
			.isZero();
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "runKey=night-2"))).isZero();

		assertThat(this.simulator.mergeLog(orgId)).as("the approved group merged by the next run")
			.containsExactly(new MergeRecord(orgId, "anna-a", List.of("anna-b")),
					new MergeRecord(orgId, "family-a", List.of("family-b")));
		assertThat((String) row(this.runs.lastExecution(orgId), (String) family.get("group_key")).get("detail"))
			.contains("approved by carol");
		this.runs.assertAuditAgreesWithMergeLog(orgId);
	}

	@Test
	void aContactWithoutANameIsWeighedByWhatItsChannelsCallIt() {
		String orgId = "names-channels";
		SimOrg org = this.simulator.org(orgId);
		java.time.Instant t0 = java.time.Instant.parse("2024-01-01T00:00:00Z");
		org.newContact("anna-1").named("Anna Smith").createdAt(t0).channels("whatsapp:+15550100").add();
		org.newContact("anna-2").named("anna smith").createdAt(t0.plusSeconds(60)).channels("whatsapp:+15550100").add();
		org.newContact("anna-3")
			.named(null)
			.createdAt(t0.plusSeconds(120))
			.channels("whatsapp:+15550100", "email:anna.smith@example.test")
			.add();
		org.newContact("peter")
			.named(null)
			.createdAt(t0.plusSeconds(180))
			.channels("whatsapp:+15550100", "instagram:peter_jones")
			.add();
		org.newContact("shop")
			.named(null)
			.createdAt(t0.plusSeconds(240))
			.channels("whatsapp:+15550100", "email:info@shop.example")
			.add();

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false"))).isZero();

		assertThat(this.simulator.mergeLog(orgId)).as("the stand-in that names another person is left out; "
				+ "a role address stands in for nothing, and the nameless are left out beside another person")
			.containsExactly(new MergeRecord(orgId, "anna-1", List.of("anna-2", "anna-3")));
		Map<String, Object> row = this.jdbc.queryForMap("SELECT * FROM dedup_audit WHERE org_id = ?", orgId);
		assertThat((String) row.get("detail")).contains("anna-3 (no name; its channel: \"anna smith\")",
				"peter (no name; its channel: \"peter jones\")");
		this.runs.assertAuditAgreesWithMergeLog(orgId);
	}

	private Map<String, Object> queued(List<List<SimContact>> groups, List<SimContact> members) {
		MergePlan.Review review = (MergePlan.Review) RunAssertions.expectedPlan(groups, members, MergePolicy.defaults());
		return this.jdbc.queryForMap("SELECT * FROM dedup_audit WHERE status = 'NEEDS_REVIEW' AND survivor_contact_id = ?",
				review.proposed().survivorId());
	}

	private Map<String, Object> row(long execution, String groupKey) {
		return this.jdbc.queryForMap("SELECT * FROM dedup_audit WHERE group_key = ? AND job_instance_id = "
				+ "(SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?)", groupKey, execution);
	}

	private static MergeRecord record(String orgId, Map<String, Object> row) {
		try {
			return new MergeRecord(orgId, (String) row.get("survivor_contact_id"),
					List.of((String[]) ((java.sql.Array) row.get("source_contact_ids")).getArray()));
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
