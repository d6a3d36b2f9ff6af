package io.inventdedup.collect;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.support.PostgresPagingQueryProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Owns {@code dedup_staged_group}, the snapshot of a run's duplicate groups: the collect step
 * writes it, the merge step reads it by key, so a restart never skips or repeats a group.
 */
@Repository
public class StagedGroups {

	private final JdbcTemplate jdbcTemplate;

	private final DataSource dataSource;

	public StagedGroups(JdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
		this.dataSource = jdbcTemplate.getDataSource();
	}

	/** Adds the groups to the run's snapshot; a group already there (same key) is kept as it was. */
	void add(long jobInstanceId, String orgId, Chunk<? extends ListedGroup> groups) {
		this.jdbcTemplate.batchUpdate("""
				INSERT INTO dedup_staged_group (job_instance_id, org_id, group_key, listed_group)
				VALUES (?, ?, ?, ?) ON CONFLICT (job_instance_id, group_key) DO NOTHING
				""", groups.getItems(), groups.size(), (statement, group) -> {
			statement.setLong(1, jobInstanceId);
			statement.setString(2, orgId);
			statement.setString(3, group.groupKey());
			statement.setString(4, group.group().toString());
		});
	}

	/** Deletes the snapshots collected before {@code cutoff}; answers how many groups. */
	public int purgeOlderThan(Instant cutoff) {
		return this.jdbcTemplate.update("DELETE FROM dedup_staged_group WHERE collected_at < ?", Timestamp.from(cutoff));
	}

	/** Reads the run's snapshot in the order it was collected, resuming by key after a restart. */
	public JdbcPagingItemReader<StagedGroup> reader(long jobInstanceId, int pageSize) {
		PostgresPagingQueryProvider query = new PostgresPagingQueryProvider();
		query.setSelectClause("id, group_key, listed_group");
		query.setFromClause("dedup_staged_group");
		query.setWhereClause("job_instance_id = :jobInstanceId");
		query.setSortKeys(Map.of("id", Order.ASCENDING));
		JdbcPagingItemReader<StagedGroup> reader = new JdbcPagingItemReader<>(this.dataSource, query);
		reader.setName("stagedGroupReader");
		reader.setParameterValues(Map.of("jobInstanceId", jobInstanceId));
		reader.setPageSize(pageSize);
		reader.setRowMapper((rs, row) -> new StagedGroup(rs.getLong("id"), rs.getString("group_key"),
				rs.getString("listed_group")));
		return reader;
	}

}
