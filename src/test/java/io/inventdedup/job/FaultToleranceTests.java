package io.inventdedup.job;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.inventdedup.policy.MergePlan;
import io.inventdedup.policy.MergePolicy;
import io.inventdedup.simulator.Faults;
import io.inventdedup.simulator.InventSimulator;
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
 * The job under each fault the simulator can inject, alone and mixed: the run ends with the state
 * the policy prescribes, an audit that agrees with the merge log, no PENDING row, and the
 * documented exit code.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class FaultToleranceTests {

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
	void stopsAtOnceWithExitCodeOneWhenTheTokenIsRefused(CapturedOutput output) {
		SimOrg org = this.simulator.org("faults-revoked");
		OrgGenerator.seeded(20).populate(org, 30, 0);
		org.setFaults(Faults.NONE.withKeyRevoked());

		assertThat(this.launcher.launch(List.of("orgId=faults-revoked", "dryRun=false"))).isEqualTo(1);

		assertThat(this.simulator.requests("faults-revoked", "GET")).as("a 401 is not retried").isEqualTo(1);
		assertThat(this.simulator.requests("faults-revoked", "POST")).isZero();
		assertThat(output).contains("Invent refused the API token (401): check INVENT_API_TOKEN")
			.doesNotContain(TestInfrastructure.TOKEN);
	}

	@Test
	void recordsRefusedMergesAsFailedAndGoesOn() {
		SimOrg org = this.simulator.org("faults-conflicts");
		List<List<SimContact>> groups = OrgGenerator.seeded(21).populate(org, 300, 0);
		org.setFaults(Faults.NONE.withConflicts(0.04));

		assertThat(this.launcher.launch(List.of("orgId=faults-conflicts", "dryRun=false", "maxGroupSize=100")))
			.isZero();

		long failed = this.runs.count("faults-conflicts", "FAILED");
		assertThat(failed).isPositive();
		assertThat(this.jdbc.queryForList(
				"SELECT DISTINCT reason || ' ' || http_status FROM dedup_audit WHERE org_id = ? AND status = 'FAILED'",
				String.class, "faults-conflicts"))
			.contains("merge-refused 409")
			.isSubsetOf("merge-refused 409", "partially-merged 409");
		MergePolicy policy = new MergePolicy(MergePolicy.defaults().survivor(), true, true, false, 100);
		assertThat(this.runs.count("faults-conflicts", "MERGED") + failed)
			.isEqualTo(RunAssertions.expectedMerges(groups, policy));
		this.runs.assertAuditAgreesWithMergeLog("faults-conflicts");
		assertThat(this.runs.count("faults-conflicts", "PENDING")).isZero();
	}

	@Test
	void stopsWhenFailuresPassTheirShareAndResumesWithTheSameCommand(CapturedOutput output) {
		SimOrg org = this.simulator.org("faults-share");
		OrgGenerator.seeded(22).plainContacts().maxGroupSize(5).populate(org, 400, 0);
		List<String> command = List.of("orgId=faults-share", "dryRun=false");
		org.setFaults(Faults.NONE.withConflicts(0.5));

		assertThat(this.launcher.launch(command)).isEqualTo(1);

		assertThat(output).contains("more than dedup.merge.max-failure-share 10%");
		long tried = this.runs.count("faults-share", "MERGED") + this.runs.count("faults-share", "FAILED");
		assertThat(tried).isLessThan(400);
		org.setFaults(Faults.NONE);
		assertThat(this.launcher.launch(command)).isZero();
		assertThat(this.runs.count("faults-share", "MERGED") + this.runs.count("faults-share", "FAILED"))
			.isEqualTo(400);
		this.runs.assertAuditAgreesWithMergeLog("faults-share");
	}

	@Test
	void settlesLostMergesThroughTheContactListingWhenLookupsByIdAreRefused(CapturedOutput output) {
		SimOrg org = this.simulator.org("faults-no-lookup");
		List<List<SimContact>> groups = OrgGenerator.seeded(24).maxGroupSize(4).populate(org, 60, 5);
		org.setFaults(Faults.NONE.withLostMergeAnswers(0.2, 0.2).withLookupsNotAllowed());

		assertThat(this.launcher.launch(List.of("orgId=faults-no-lookup", "dryRun=false"))).isZero();

		assertThat(output).contains("Invent refuses to look contacts up by id");
		assertThat(this.simulator.requests("faults-no-lookup", "SEARCH")).as("settled in the contact listing")
			.isPositive();
		this.runs.assertFinalState(org, groups, MergePolicy.defaults());
		this.runs.assertAuditAgreesWithMergeLog("faults-no-lookup");
		assertThat(this.runs.count("faults-no-lookup", "MERGED"))
			.isEqualTo(RunAssertions.expectedMerges(groups, MergePolicy.defaults()));
		assertThat(this.runs.count("faults-no-lookup", "PENDING") + this.runs.count("faults-no-lookup", "UNSETTLED"))
			.isZero();
	}

	@Test
	void goesOnWithTheOtherGroupsWhenALostMergeCannotBeSettledThenCompletesOnceAnOperatorSettlesIt(
			CapturedOutput output) {
		SimOrg org = this.simulator.org("faults-unsettled");
		List<List<SimContact>> groups = OrgGenerator.seeded(25).plainContacts().maxGroupSize(3).populate(org, 30, 0);
		String survivor = groups.stream()
			.map((members) -> RunAssertions.expectedPlan(groups, members, MergePolicy.defaults()))
			.filter((plan) -> plan instanceof MergePlan.Merge merge && merge.followUp().isEmpty())
			.map((plan) -> ((MergePlan.Merge) plan).survivorId())
			.skip(3)
			.findFirst()
			.orElseThrow();
		org.setFaults(Faults.NONE.withLookupsNotAllowed());
		org.refuseContactSearches(true);
		org.loseTheAnswerOfMergesInto(survivor);
		List<String> command = List.of("orgId=faults-unsettled", "dryRun=false");

		assertThat(this.launcher.launch(command)).isEqualTo(1);

		assertThat(this.runs.count("faults-unsettled", "MERGED")).isEqualTo(29);
		assertThat(this.runs.count("faults-unsettled", "UNSETTLED")).isOne();
		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT group_key, reason, detail, job_execution_id FROM dedup_audit WHERE org_id = ? AND status = 'UNSETTLED'",
				"faults-unsettled");
		assertThat(row).containsEntry("reason", "merge-unconfirmed");
		assertThat((String) row.get("detail")).contains("survivor " + survivor + " unknown");
		String key = (String) row.get("group_key");
		assertThat(output).contains("1 merges whose answer was lost cannot be settled from the API")
			.contains("group " + key + " (survivor " + survivor)
			.contains("--settle " + row.get("job_execution_id") + " GROUP_KEY merged|not-merged");
		String execution = String.valueOf(row.get("job_execution_id"));

		assertThat(this.launcher.launch(command)).as("nothing new to tell: still unsettled").isEqualTo(1);
		assertThat(DatabaseCommand.run("--settle", execution, "no-such-key", "merged", "--reason=checked"))
			.isEqualTo(2);
		assertThat(DatabaseCommand.run("--settle", execution, key, "perhaps", "--reason=checked")).isEqualTo(2);
		assertThat(DatabaseCommand.run("--settle", execution, key, "merged")).as("a reason is required").isEqualTo(2);
		assertThat(this.runs.count("faults-unsettled", "UNSETTLED")).isOne();

		assertThat(DatabaseCommand.run("--settle", execution, key, "merged",
				"--reason=the sources are gone in Invent's UI", "--by=alice"))
			.isZero();

		assertThat(this.jdbc.queryForMap(
				"SELECT status, settled_by, settled_reason FROM dedup_audit WHERE org_id = ? AND group_key = ?",
				"faults-unsettled", key))
			.containsEntry("status", "MERGED")
			.containsEntry("settled_by", "alice")
			.containsEntry("settled_reason", "the sources are gone in Invent's UI");
		assertThat(DatabaseCommand.run("--settle", execution, key, "not-merged", "--reason=again"))
			.as("only an UNSETTLED group can be settled")
			.isEqualTo(2);
		assertThat(this.launcher.launch(command)).isZero();
		this.runs.assertFinalState(org, groups, MergePolicy.defaults());
		this.runs.assertAuditAgreesWithMergeLog("faults-unsettled");
	}

	@Test
	void aMergeSettledByALaterRunGetsItsFollowUpAndAFailedOneFailsTheRunUntilItIsSent() {
		SimOrg org = this.simulator.org("faults-settled-later");
		org.newContact("s").named("Sam").createdAt("2022-01-01").channels("email:sam@example.test").add();
		org.newContact("t")
			.named("Sam")
			.createdAt("2023-01-01")
			.unsubscribed()
			.channels("email:sam@example.test")
			.add();
		org.setFaults(Faults.NONE.withLookupsNotAllowed());
		org.refuseContactSearches(true);
		org.loseTheAnswerOfMergesInto("s");
		List<String> command = List.of("orgId=faults-settled-later", "dryRun=false");
		assertThat(this.launcher.launch(command)).as("the lost merge cannot be settled").isEqualTo(1);

		org.refuseContactSearches(false);
		org.setFaults(Faults.NONE.withLookupsNotAllowed().withUpdatesUnavailable());
		assertThat(this.launcher.launch(command)).as("settled now, but its opt-out cannot be sent").isEqualTo(1);
		assertThat(this.runs.count("faults-settled-later", "MERGED")).isOne();
		assertThat(org.contact("s").unsubscribed()).isFalse();

		org.setFaults(Faults.NONE.withLookupsNotAllowed());
		assertThat(this.launcher.launch(command)).isZero();
		assertThat(org.contact("s").unsubscribed()).as("the survivor carries its source's opt-out").isTrue();
		assertThat(this.jdbc.queryForObject("SELECT update_status FROM dedup_audit WHERE org_id = ?", String.class,
				"faults-settled-later")).isEqualTo("SENT");
		this.runs.assertAuditAgreesWithMergeLog("faults-settled-later");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "latency", "rate-limit", "unavailable", "drops", "bad-gateway-after-merge",
			"dropped-after-merge" })
	void convergesUnderEachFaultAlone(String fault) {
		String orgId = "faults-alone-" + fault;
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(fault.hashCode()).maxGroupSize(6).populate(org, 80, 10);
		org.setFaults(switch (fault) {
			case "latency" -> Faults.NONE.withLatency(Duration.ofMillis(20), Duration.ofMillis(40));
			case "rate-limit" -> Faults.NONE.withRateLimit(30, Duration.ofSeconds(1));
			case "unavailable" -> Faults.NONE.withUnavailable(0.2);
			case "drops" -> Faults.NONE.withDrops(0.15);
			case "bad-gateway-after-merge" -> Faults.NONE.withLostMergeAnswers(0.3, 0);
			case "dropped-after-merge" -> Faults.NONE.withLostMergeAnswers(0, 0.3);
			default -> throw new IllegalArgumentException(fault);
		});

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false"))).isZero();

		this.runs.assertFinalState(org, groups, MergePolicy.defaults());
		this.runs.assertAuditAgreesWithMergeLog(orgId);
		assertThat(this.runs.count(orgId, "PENDING")).isZero();
		assertThat(this.runs.count(orgId, "FAILED")).isZero();
		assertThat(this.runs.count(orgId, "MERGED"))
			.isEqualTo(RunAssertions.expectedMerges(groups, MergePolicy.defaults()));
		if (fault.equals("rate-limit")) {
			assertThat(this.simulator.requests(orgId, "429")).as("the simulator's limit was hit").isPositive();
		}
	}

	@Test
	void convergesUnderRateLimitUnavailabilityDropsAndLostAnswersMixed() {
		SimOrg org = this.simulator.org("faults-mixed");
		List<List<SimContact>> groups = OrgGenerator.seeded(23).maxGroupSize(8).populate(org, 250, 50);
		org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(2), Duration.ofMillis(8))
			.withRateLimit(40, Duration.ofSeconds(1))
			.withUnavailable(0.05)
			.withDrops(0.03)
			.withLostMergeAnswers(0.05, 0.05));

		assertThat(this.launcher.launch(List.of("orgId=faults-mixed", "dryRun=false"))).isZero();

		this.runs.assertFinalState(org, groups, MergePolicy.defaults());
		this.runs.assertAuditAgreesWithMergeLog("faults-mixed");
		assertThat(this.runs.count("faults-mixed", "PENDING")).isZero();
		assertThat(this.runs.count("faults-mixed", "FAILED")).isZero();
		assertThat(this.runs.count("faults-mixed", "MERGED"))
			.isEqualTo(RunAssertions.expectedMerges(groups, MergePolicy.defaults()));
		assertThat(this.simulator.requests("faults-mixed", "429")).as("the simulator's limit was hit").isPositive();
	}

}
