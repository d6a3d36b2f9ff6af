package io.inventdedup.merge;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A source deleted in Invent's UI a moment before its merge: Invent merges the rest and answers 200
 * without it. The run records what Invent did (the group MERGED, the sources it merged, the one it
 * left out looked up and said to be gone), and the survivor carries every opt-out it took in.
 */
@IntegrationTest
class PartialMergeAnswerTests {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void aMergeAnsweredWithoutADeletedSourceIsRecordedAsWhatInventDidAndItsOptOutsAreCarried() {
		String orgId = "partial-answers";
		SimOrg org = this.simulator.org(orgId);
		int groups = 12;
		for (int i = 0; i < groups; i++) {
			String phone = "+3160000" + i;
			org.newContact("s" + i).named("Anna Berg").createdAt("2020-01-01").phone(phone).add();
			org.newContact("u" + i).named("Anna Berg").createdAt("2021-01-01").unsubscribed().phone(phone).add();
			org.newContact("d" + i).named("ANNA BERG").createdAt("2022-01-01").phone(phone).add();
			org.deleteBeforeAMergeNames("d" + i);
		}

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "skipUnsubscribed=false")))
			.isZero();

		for (int i = 0; i < groups; i++) {
			assertThat(org.contact("s" + i).unsubscribed()).as("survivor s%d carries the opt-out of u%d", i, i).isTrue();
			assertThat(org.contact("u" + i)).as("u%d merged away", i).isNull();
		}
		List<Map<String, Object>> rows = this.jdbc.queryForList("SELECT status, reason, "
				+ "array_to_string(merged_contact_ids, ',') AS merged, error, update_status FROM dedup_audit "
				+ "WHERE org_id = ?", orgId);
		assertThat(rows).hasSize(groups).allSatisfy((row) -> {
			assertThat(row.get("status")).isEqualTo("MERGED");
			assertThat(row.get("reason")).isEqualTo("some-sources-not-merged");
			assertThat((String) row.get("merged")).startsWith("u");
			assertThat((String) row.get("error")).startsWith("Invent merged 1 of the 2 sources: d")
				.contains("is gone");
			assertThat(row.get("update_status")).isEqualTo("SENT");
		});
	}

}
