package io.inventdedup.merge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Review before merge: a dry run is a plan; groups are rejected and contacts held; the org changes;
 * the apply run merges exactly the planned, unrejected, unchanged groups, each as reviewed, and
 * accounts for every other one with its reason.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ReviewedPlanTests {

	private static final Instant T0 = Instant.parse("2022-01-01T00:00:00Z");

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
	void appliesExactlyThePlannedUnrejectedUnchangedGroupsAsReviewed(CapturedOutput output) {
		String orgId = "review-apply";
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(70).plainContacts().maxGroupSize(3).populate(org, 40, 3);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "runKey=review"))).isZero();
		String plan = String.valueOf(this.runs.lastExecution(orgId));

		assertThat(DatabaseCommand.run("--reject", plan, planned(groups, groups.get(0)).get("group_key").toString(),
				sourceOf(groups, groups.get(1)), "--reason=not these two", "--by=bob"))
			.isZero();
		assertThat(DatabaseCommand.run("--hold", orgId, sourceOf(groups, groups.get(2)), "--reason=VIP", "--by=bob")).isZero();
		org.change(groups.get(3).get(1).id(), (contact) -> contact.admin(true));
		org.change(sourceOf(groups, groups.get(4)), (contact) -> contact.unsubscribed(true));
		org.newContact("joins-5").named(null).createdAt(T0).channels("email:person-" + orgId + "-5@example.test").add();
		org.newContact("new-a").named("New").createdAt(T0).channels("email:new@example.test").add();
		org.newContact("new-b").named("New").createdAt(T0.plusSeconds(60)).channels("email:new@example.test").add();
		MergePlan.Merge byHand = expected(groups, groups.get(6));
		org.mergeByHand(byHand.survivorId(), byHand.sources());

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "plan=" + plan, "runKey=apply")))
			.isZero();

		Set<MergeRecord> applied = new HashSet<>();
		for (List<SimContact> members : groups.subList(7, groups.size())) {
			MergePlan.Merge reviewed = expected(groups, members);
			applied.add(new MergeRecord(orgId, reviewed.survivorId(), reviewed.sources()));
		}
		assertThat(new HashSet<>(this.simulator.mergeLog(orgId))).as("merged exactly as reviewed").isEqualTo(applied);
		long apply = this.runs.lastExecution(orgId);
		assertThat(reasons(apply)).containsEntry("rejected-in-review", 2L)
			.containsEntry("changed-since-review", 4L)
			.containsEntry("not-in-plan", 1L)
			.containsEntry("no-longer-listed", 1L);
		assertThat(details(apply, "changed-since-review")).anyMatch((d) -> d.contains(groups.get(3).get(1).id() + " became an admin"))
			.anyMatch((d) -> d.contains("joins-5 is new in the group"))
			.anyMatch((d) -> d.contains(sourceOf(groups, groups.get(4)) + " unsubscribed"))
			.anyMatch((d) -> d.contains(sourceOf(groups, groups.get(2)) + " (held)"));
		assertThat(details(apply, "rejected-in-review")).allMatch((d) -> d.contains("by bob: not these two"));
		this.runs.assertAuditAgreesWithMergeLog(orgId);
		assertThat(org.contact(sourceOf(groups, groups.get(2)))).as("a held contact stays").isNotNull();
	}

	@Test
	void refusesAPlanThatIsNotACompletedDryRunOfTheOrgOrDisagreesWithItsPolicyBeforeAnyCall(CapturedOutput output) {
		String orgId = "review-refused";
		SimOrg org = this.simulator.org(orgId);
		OrgGenerator.seeded(71).plainContacts().maxGroupSize(3).populate(org, 5, 0);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "runKey=dry"))).isZero();
		String plan = String.valueOf(this.runs.lastExecution(orgId));
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "runKey=real", "dryRun=false", "maxMerges=1")))
			.isZero();
		String realRun = String.valueOf(this.runs.lastExecution(orgId));
		long requests = this.simulator.requests(orgId, "GET") + this.simulator.requests(orgId, "POST");

		assertThat(apply(orgId, "plan=999999", "dryRun=false")).isEqualTo(2);
		assertThat(apply("another-org", "plan=" + plan, "dryRun=false")).isEqualTo(2);
		assertThat(apply(orgId, "plan=" + realRun, "dryRun=false")).isEqualTo(2);
		assertThat(apply(orgId, "plan=" + plan)).as("an apply run merges").isEqualTo(2);
		assertThat(apply(orgId, "plan=" + plan, "dryRun=false", "survivor=newest")).isEqualTo(2);
		org.makePageUnavailable(1);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "runKey=dry-failed"))).isEqualTo(1);
		org.makePageUnavailable(0);
		String failedPlan = String.valueOf(this.runs.lastExecution(orgId));
		requests = this.simulator.requests(orgId, "GET") + this.simulator.requests(orgId, "POST");
		assertThat(apply(orgId, "plan=" + failedPlan, "dryRun=false")).isEqualTo(2);
		this.jdbc.update("UPDATE batch_job_execution SET end_time = end_time - interval '8 days' "
				+ "WHERE job_execution_id = ?", Long.parseLong(plan));
		assertThat(apply(orgId, "plan=" + plan, "dryRun=false")).as("a stale plan").isEqualTo(2);
		this.jdbc.update("UPDATE batch_job_execution SET end_time = end_time + interval '8 days' "
				+ "WHERE job_execution_id = ?", Long.parseLong(plan));
		assertThat(this.simulator.requests(orgId, "GET") + this.simulator.requests(orgId, "POST"))
			.as("nothing was called")
			.isEqualTo(requests);
		assertThat(apply(orgId, "plan=" + plan, "dryRun=false", "survivor=oldest", "maxMerges=2"))
			.as("agreeing with the plan, and maxMerges is no policy")
			.isZero();

		assertThat(output).contains("no run has job execution 999999")
			.contains("is a run of another org, not of another-org")
			.contains("plan=" + realRun + " is not a dry run")
			.contains("give dryRun=false")
			.contains("survivor=newest disagrees with the plan's survivor=oldest")
			.contains("plan=" + failedPlan + " is a dry run that did not complete (its last execution is FAILED)")
			.contains("longer ago than dedup.plan-max-age (7 days)");
		assertThat(DatabaseCommand.run("--reject", plan, "no-such-group", "--reason=x")).isEqualTo(2);
		assertThat(DatabaseCommand.run("--reject", plan, "x")).as("a reason is required").isEqualTo(2);
		assertThat(DatabaseCommand.run("--hold", orgId, " ", "--reason=x")).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM dedup_hold WHERE org_id = ?", Long.class, orgId))
			.isZero();
	}

	private int apply(String orgId, String... args) {
		List<String> command = new ArrayList<>(List.of("orgId=" + orgId, "runKey=apply-" + args.length));
		command.addAll(List.of(args));
		return this.launcher.launch(command);
	}

	private static MergePlan.Merge expected(List<List<SimContact>> groups, List<SimContact> members) {
		return (MergePlan.Merge) RunAssertions.expectedPlan(groups, members, MergePolicy.defaults());
	}

	private static String sourceOf(List<List<SimContact>> groups, List<SimContact> members) {
		return expected(groups, members).sources().get(0);
	}

	private Map<String, Object> planned(List<List<SimContact>> groups, List<SimContact> members) {
		return this.jdbc.queryForMap("SELECT * FROM dedup_audit WHERE status = 'PLANNED' AND survivor_contact_id = ?",
				expected(groups, members).survivorId());
	}

	private Map<String, Long> reasons(long execution) {
		Map<String, Long> reasons = new HashMap<>();
		this.jdbc.query("SELECT reason, count(*) FROM dedup_audit WHERE job_instance_id = "
				+ "(SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?) AND reason IS NOT NULL "
				+ "GROUP BY reason", (rs) -> {
					reasons.put(rs.getString(1), rs.getLong(2));
				}, execution);
		return reasons;
	}

	private List<String> details(long execution, String reason) {
		return this.jdbc.queryForList("SELECT detail FROM dedup_audit WHERE reason = ? AND job_instance_id = "
				+ "(SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?)", String.class, reason,
				execution);
	}

}
