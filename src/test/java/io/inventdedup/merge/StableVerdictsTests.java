package io.inventdedup.merge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.inventdedup.job.DedupJobLauncher;
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
 * A group's verdict depends on the group alone, never on what else the org's listing holds: through
 * the real job, the same groups get the same verdict (status, reason, survivor, sources, the
 * evidence in words) listed alone and beside 20,000 other groups, and a run over the org once the
 * first run merged what it could (a cleaned-up org, a small listing) decides every group left as
 * the first run did.
 */
@IntegrationTest
class StableVerdictsTests {

	private static final String VERDICT = """
			SELECT group_key, status || ' ' || coalesce(reason, '') || ' ' || coalesce(survivor_contact_id, '') || ' '
			       || array_to_string(source_contact_ids, ',') || ' ' || coalesce(detail, '') AS verdict
			FROM dedup_audit WHERE org_id = ? AND job_execution_id = ?
			""";

	/** Names many of the org's groups hold, so that the other groups make them common. */
	private static final List<String> NAMES = List.of("Anna Smith", "John Smith", "Ahmed Jones", "Maria Garcia",
			"Smith", "Jones", "Anna", "John");

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void aGroupGetsTheSameVerdictListedAloneBesideTwentyThousandGroupsAndInACleanedUpOrg() {
		SimOrg alone = this.simulator.org("verdicts-alone");
		List<List<SimContact>> groups = OrgGenerator.seeded(39).sharedChannels(0.3).populate(alone, 300, 0);
		SimOrg beside = this.simulator.org("verdicts-beside");
		OrgGenerator.seeded(39).sharedChannels(0.3).populate(beside, 300, 0);
		for (int i = 0; i < 20_000; i++) {
			// Other people of the org, a pair on a phone each, with the names the org's groups hold.
			String name = NAMES.get(i % NAMES.size());
			beside.newContact("other-" + i + "a").named(name).phone("+4420" + i).add();
			beside.newContact("other-" + i + "b").named(name.toUpperCase(java.util.Locale.ROOT)).phone("+4420" + i).add();
		}

		assertThat(this.launcher.launch(List.of("orgId=verdicts-alone"))).isZero();
		assertThat(this.launcher.launch(List.of("orgId=verdicts-beside"))).isZero();

		Map<String, String> aloneVerdicts = verdicts("verdicts-alone");
		Map<String, String> besideVerdicts = verdicts("verdicts-beside");
		assertThat(aloneVerdicts).hasSize(groups.size());
		assertThat(aloneVerdicts.values()).as("the org has groups of every verdict")
			.anyMatch((verdict) -> verdict.startsWith("NEEDS_REVIEW names-disagree"))
			.anyMatch((verdict) -> verdict.startsWith("SKIPPED names-differ"))
			.anyMatch((verdict) -> verdict.startsWith("PLANNED"));
		aloneVerdicts.forEach((groupKey, verdict) -> assertThat(besideVerdicts.get(groupKey))
			.as("the verdict of group %s beside 20,000 groups", groupKey)
			.isEqualTo(verdict));

		assertThat(this.launcher.launch(List.of("orgId=verdicts-alone", "dryRun=false", "runKey=first"))).isZero();
		Map<String, String> first = verdicts("verdicts-alone");
		assertThat(this.launcher.launch(List.of("orgId=verdicts-alone", "dryRun=false", "runKey=cleaned-up"))).isZero();
		Map<String, String> cleanedUp = verdicts("verdicts-alone");
		assertThat(cleanedUp.size()).as("the cleaned-up org lists fewer groups").isLessThan(first.size());
		long compared = cleanedUp.entrySet()
			.stream()
			.filter((row) -> first.containsKey(row.getKey()))
			.peek((row) -> assertThat(row.getValue()).as("the verdict of group %s once the org is cleaned up", row.getKey())
				.isEqualTo(first.get(row.getKey())))
			.count();
		assertThat(compared).as("groups left by the first run and decided again").isPositive();
	}

	/** Each group's verdict in the org's last execution, by group key. */
	private Map<String, String> verdicts(String orgId) {
		Map<String, String> verdicts = new HashMap<>();
		this.jdbc.query(VERDICT, (rs) -> {
			verdicts.put(rs.getString("group_key"), rs.getString("verdict"));
		}, orgId, RunAssertions.lastExecution(this.jdbc, orgId));
		return verdicts;
	}

}
