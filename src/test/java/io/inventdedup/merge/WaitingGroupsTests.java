package io.inventdedup.merge;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.inventdedup.decision.Decisions;
import io.inventdedup.decision.GroupDecision;
import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.MergeRecord;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group a run left for a person is never merged by a later run until a person decides it or the
 * group itself changes, whatever the later run's verdict on it: through the real job, a run that
 * would merge every group (the name check off, the org smaller since the first run merged what it
 * could) leaves the queued groups queued and merges none of them; once a person approves one, the
 * next run merges that one alone.
 */
@IntegrationTest
class WaitingGroupsTests {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Decisions decisions;

	@Test
	void aGroupLeftForAPersonWaitsForOneWhateverALaterRunsVerdictSays() throws Exception {
		String orgId = "waiting-groups";
		SimOrg org = this.simulator.org(orgId);
		OrgGenerator.seeded(44).sharedChannels(0.5).populate(org, 80, 0);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "runKey=night-1"))).isZero();
		List<String> queued = keys("NEEDS_REVIEW", "night-1");
		assertThat(queued).as("groups left for a person").isNotEmpty();
		int merges = this.simulator.mergeLog(orgId).size();
		Set<String> queuedContacts = new HashSet<>(this.jdbc.queryForList("SELECT unnest(survivor_contact_id || "
				+ "source_contact_ids) FROM dedup_audit WHERE org_id = ? AND status = 'NEEDS_REVIEW'", String.class, orgId));

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "runKey=night-2", "checkNames=false")))
			.isZero();

		assertThat(keys("NEEDS_REVIEW", "night-2")).as("still waiting, the name check off").containsExactlyInAnyOrderElementsOf(queued);
		assertThat(this.simulator.mergeLog(orgId).subList(merges, this.simulator.mergeLog(orgId).size()))
			.as("no merge of a waiting group's contacts (the groups whose names differ are merged: the check is off)")
			.noneMatch((merge) -> queuedContacts.contains(merge.survivorId())
					|| merge.sourceIds().stream().anyMatch(queuedContacts::contains));
		int merges2 = this.simulator.mergeLog(orgId).size();
		assertThat(this.jdbc.queryForList("SELECT detail FROM dedup_audit a JOIN batch_job_execution_params p "
				+ "ON p.job_execution_id = a.job_execution_id AND p.parameter_name = 'runKey' AND p.parameter_value = 'night-2' "
				+ "WHERE a.org_id = ? AND a.status = 'NEEDS_REVIEW'", String.class, orgId))
			.allMatch((detail) -> detail.contains("left this group for a person") && detail.contains("no one decided it yet"));

		long night2 = this.jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?",
				Long.class, orgId);
		assertThat(queued).as("two groups to approve").hasSizeGreaterThanOrEqualTo(2);
		// The largest queued group changes (a source becomes an admin: left out, the plan is not the one approved).
		String changed = this.jdbc.queryForObject("SELECT group_key FROM dedup_audit WHERE job_execution_id = ? AND "
				+ "status = 'NEEDS_REVIEW' ORDER BY cardinality(source_contact_ids) DESC, id LIMIT 1", String.class, night2);
		String whole = queued.stream().filter((key) -> !key.equals(changed)).findFirst().orElseThrow();
		this.decisions.decide(GroupDecision.APPROVE, night2, List.of(whole, changed), null, "one person", "alice");
		Map<String, Object> approved = this.jdbc.queryForMap("SELECT survivor_contact_id, source_contact_ids FROM "
				+ "dedup_audit WHERE job_execution_id = ? AND group_key = ?", night2, whole);
		assertThat(this.jdbc.queryForObject("SELECT cardinality(source_contact_ids) FROM dedup_audit WHERE "
				+ "job_execution_id = ? AND group_key = ?", Integer.class, night2, changed)).as("three members or more")
			.isGreaterThanOrEqualTo(2);
		String becomesAdmin = this.jdbc.queryForObject("SELECT source_contact_ids[1] FROM dedup_audit WHERE "
				+ "job_execution_id = ? AND group_key = ?", String.class, night2, changed);
		org.change(becomesAdmin, (contact) -> contact.admin(true));
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "runKey=night-3", "checkNames=false")))
			.isZero();

		List<MergeRecord> night3 = this.simulator.mergeLog(orgId).subList(merges2, this.simulator.mergeLog(orgId).size());
		assertThat(night3).as("the approved group merged whole, as approved, and alone").containsExactly(new MergeRecord(
				orgId, (String) approved.get("survivor_contact_id"),
				List.of((String[]) ((java.sql.Array) approved.get("source_contact_ids")).getArray())));
		assertThat(this.jdbc.queryForObject("SELECT status || ' ' || reason || ': ' || detail FROM dedup_audit a "
				+ "JOIN batch_job_execution_params p ON p.job_execution_id = a.job_execution_id "
				+ "AND p.parameter_name = 'runKey' AND p.parameter_value = 'night-3' WHERE a.org_id = ? AND a.group_key = ?",
				String.class, orgId, changed))
			.as("the approved group that changed since waits again, saying why")
			.startsWith("NEEDS_REVIEW changed-since-review")
			.contains(becomesAdmin + " became an admin");
		assertThat(keys("NEEDS_REVIEW", "night-3")).containsExactlyInAnyOrderElementsOf(
				queued.stream().filter((key) -> !key.equals(whole)).toList());
	}

	private List<String> keys(String status, String runKey) {
		return this.jdbc.queryForList("SELECT a.group_key FROM dedup_audit a JOIN batch_job_execution_params p "
				+ "ON p.job_execution_id = a.job_execution_id AND p.parameter_name = 'runKey' AND p.parameter_value = ? "
				+ "WHERE a.org_id = 'waiting-groups' AND a.status = ? ORDER BY a.id", String.class, runKey, status);
	}

}
