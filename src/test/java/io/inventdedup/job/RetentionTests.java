package io.inventdedup.job;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Opt-in retention: rows older than dedup.retention-days go at the end of a run, newer ones stay. */
@IntegrationTest
class RetentionTests {

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void deletesAuditRowsAndStagedGroupsOlderThanTheRetentionAtTheEndOfARun() {
		OrgGenerator.seeded(80).populate(TestInfrastructure.simulator().org("retention-old"), 10, 0);
		OrgGenerator.seeded(81).populate(TestInfrastructure.simulator().org("retention-new"), 10, 0);
		assertThat(this.launcher.launch(List.of("orgId=retention-old"))).isZero();
		this.jdbc.update("UPDATE dedup_audit SET updated_at = now() - interval '31 days' WHERE org_id = 'retention-old'");
		this.jdbc.update("UPDATE dedup_staged_group SET collected_at = now() - interval '31 days' "
				+ "WHERE org_id = 'retention-old'");

		assertThat(this.launcher.launch(List.of("orgId=retention-new"))).isZero();

		assertThat(count("dedup_audit", "retention-old")).isZero();
		assertThat(count("dedup_staged_group", "retention-old")).isZero();
		assertThat(count("dedup_audit", "retention-new")).isEqualTo(10);
		assertThat(count("dedup_staged_group", "retention-new")).isEqualTo(10);
	}

	private long count(String table, String orgId) {
		return this.jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE org_id = ?", Long.class, orgId);
	}

}
