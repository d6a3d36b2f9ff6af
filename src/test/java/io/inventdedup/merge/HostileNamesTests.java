package io.inventdedup.merge;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.RunAssertions;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contact's name is set by the public, up to the 512 characters Invent accepts, in any script,
 * with anything JSON can carry: through the real job, dry and real, no name stops the run, and every
 * group of the org has its audit row.
 */
@IntegrationTest
class HostileNamesTests {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void namesOfEveryLengthAndKindAreComparedOrSetAsideAndEveryGroupIsRecorded() {
		String orgId = "hostile-names";
		SimOrg org = this.simulator.org(orgId);
		List<String> names = hostileNames();
		for (int i = 0; i < names.size(); i++) {
			// Beside another person's name, beside its own twin, and beside a nameless contact.
			org.newContact("h" + i + "a").named(names.get(i)).phone("+1555000" + i).add();
			org.newContact("h" + i + "b").named((i % 3 == 0) ? names.get(i) : (i % 3 == 1) ? "Anna Weber" : null)
				.phone("+1555000" + i)
				.add();
		}
		int groups = names.size();

		assertThat(this.launcher.launch(List.of("orgId=" + orgId))).as("the dry run's exit code").isZero();
		assertThat(recordedGroups(orgId)).as("groups recorded by the dry run").isEqualTo(groups);

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false"))).as("the real run's exit code")
			.isZero();
		assertThat(recordedGroups(orgId)).as("groups recorded by the real run").isEqualTo(groups);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM dedup_audit WHERE org_id = ? AND status = 'FAILED'",
				Long.class, orgId)).as("failed groups").isZero();
	}

	/** The groups the org's last execution recorded, each once. */
	private long recordedGroups(String orgId) {
		return this.jdbc.queryForObject(
				"SELECT count(DISTINCT group_key) FROM dedup_audit WHERE org_id = ? AND job_execution_id = ?",
				Long.class, orgId, RunAssertions.lastExecution(this.jdbc, orgId));
	}

	/** Names of every length up to 512 in three scripts, and of every kind JSON can carry. */
	private static List<String> hostileNames() {
		List<String> names = new ArrayList<>();
		for (int length : new int[] { 1, 60, 119, 120, 121, 204, 300, 511, 512 }) {
			names.add(ofLength("Anna Maria Weber ", length));
			names.add(ofLength("Александр Сидоров ", length));
			names.add(ofLength("王伟佐藤健太", length));
		}
		names.add("👨‍👩‍👧‍👦 Family");
		names.add("🇺🇦🇯🇵🏳️‍🌈");
		names.add("Z" + "\u0301\u0302\u0303\u0304".repeat(120));
		names.add("\u202EnosliW ennA\u202C");
		names.add("Anna\u200B\u200DWeber\uFEFF");
		names.add("Anna\u0000Weber");
		names.add("\u0000");
		names.add("Anna \uD800Weber");
		names.add("\uDC00\uDC00 Kim");
		names.add("ＡＮＮＡ　ＷＥＢＥＲ");
		names.add("<script>alert(1)</script>");
		names.add("Robert'); DROP TABLE dedup_audit;--");
		names.add("a\tb\nc\rd");
		names.add(" ".repeat(512));
		return names;
	}

	private static String ofLength(String words, int length) {
		StringBuilder name = new StringBuilder();
		while (name.codePointCount(0, name.length()) < length) {
			name.appendCodePoint(words.codePointAt(name.length() % words.length()));
		}
		return name.toString().strip();
	}

}
