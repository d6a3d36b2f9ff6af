package io.inventdedup.collect;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

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

	/** Empties the run's snapshot, before a collect that starts from the first page. */
	void clear(long jobInstanceId) {
		this.jdbcTemplate.update("DELETE FROM dedup_staged_group WHERE job_instance_id = ?", jobInstanceId);
	}

	/** How many distinct groups the run's snapshot holds. */
	long count(long jobInstanceId) {
		return this.jdbcTemplate.queryForObject("SELECT count(*) FROM dedup_staged_group WHERE job_instance_id = ?",
				Long.class, jobInstanceId);
	}

	/** Records what the run's collect read of the listing, beside what the listing announced. */
	void recordListing(long jobInstanceId, String orgId, Listing listing) {
		this.jdbcTemplate.update("""
				INSERT INTO dedup_listing (job_instance_id, org_id, announced, collected) VALUES (?, ?, ?, ?)
				ON CONFLICT (job_instance_id) DO UPDATE SET announced = excluded.announced,
				    collected = excluded.collected, checked_at = now()
				""", jobInstanceId, orgId, (listing.announced() >= 0) ? listing.announced() : null,
				listing.collected());
	}

	/** What the run's collect read of the listing, or empty when its collect did not finish. */
	public Optional<Listing> listing(long jobInstanceId) {
		return this.jdbcTemplate
			.query("SELECT coalesce(announced, -1), collected FROM dedup_listing WHERE job_instance_id = ?",
					(rs, row) -> new Listing(rs.getLong(1), rs.getLong(2)), jobInstanceId)
			.stream()
			.findFirst();
	}

	/** Deletes the snapshots collected before {@code cutoff}; answers how many groups. */
	public int purgeOlderThan(Instant cutoff) {
		this.jdbcTemplate.update("DELETE FROM dedup_listing WHERE checked_at < ?", Timestamp.from(cutoff));
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
