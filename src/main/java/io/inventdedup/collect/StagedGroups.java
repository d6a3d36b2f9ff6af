package io.inventdedup.collect;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import io.inventdedup.policy.ListingWindow;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.support.PostgresPagingQueryProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Owns {@code dedup_staged_group}, the snapshot of a run's duplicate groups, and
 * {@code dedup_listing}, one row per listing of the run: the collect step writes a listing, the
 * merge step reads the latest complete one by key, so a restart never skips or repeats a group.
 * What the other rooms read of them, it publishes as views ({@code V15__Published_views.sql}):
 * {@code dedup_listed_run}, {@code dedup_run_listing} (which {@link #listing} reads too) and
 * {@code dedup_listed_group}; it reads the audit's {@code dedup_recorded_group}.
 */
@Repository
public class StagedGroups {

	/** How many groups a listing holds: once a collect, on the listing's part of one index. */
	static final String COUNT = "SELECT count(*) FROM dedup_staged_group WHERE job_instance_id = ? AND listing = ?";

	/**
	 * A window's start: the merges of earlier windows left PENDING (sent, their outcome not recorded:
	 * a crash) carried into it by their keys, found from the run's few PENDING rows...
	 */
	static final String CARRY_PENDING = """
			INSERT INTO dedup_staged_group (job_instance_id, org_id, group_key, listed_group, listing)
			SELECT DISTINCT ON (s.group_key) s.job_instance_id, s.org_id, s.group_key, s.listed_group, ?
			  FROM dedup_recorded_group a
			  JOIN dedup_staged_group s ON s.job_instance_id = a.job_instance_id AND s.group_key = a.group_key
			                           AND s.listing < ?
			 WHERE a.job_instance_id = ? AND a.status = 'PENDING'
			 ORDER BY s.group_key, s.listing DESC
			ON CONFLICT (job_instance_id, listing, group_key) DO NOTHING
			""";

	/** ... and the listings of the run's earlier passes deleted (those of its pass stay, for its end). */
	static final String RETIRE = """
			DELETE FROM dedup_staged_group WHERE job_instance_id = ?
			   AND listing < (SELECT min(listing) FROM dedup_listing WHERE job_instance_id = ? AND pass = ?)
			""";

	private final JdbcTemplate jdbcTemplate;

	private final DataSource dataSource;

	public StagedGroups(JdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
		this.dataSource = jdbcTemplate.getDataSource();
	}

	/**
	 * Begins a listing of the run: what a listing that did not complete left in the snapshot is not
	 * trusted and goes; the new listing gets the next number and its start time (every group it
	 * holds is as old as that).
	 * @return the listing's number
	 */
	int startListing(long jobInstanceId, String orgId, ListingWindow window) {
		this.jdbcTemplate.update("""
				DELETE FROM dedup_staged_group s USING dedup_listing l
				 WHERE s.job_instance_id = ? AND l.job_instance_id = s.job_instance_id AND l.listing = s.listing
				   AND NOT l.completed
				""", jobInstanceId);
		this.jdbcTemplate.update("DELETE FROM dedup_listing WHERE job_instance_id = ? AND NOT completed", jobInstanceId);
		return this.jdbcTemplate.queryForObject("""
				INSERT INTO dedup_listing (job_instance_id, org_id, listing, collected, completed, pass, first_page, pages)
				SELECT ?, ?, coalesce(max(listing), 0) + 1, 0, false, ?, ?, ? FROM dedup_listing WHERE job_instance_id = ?
				RETURNING listing
				""", Integer.class, jobInstanceId, orgId, window.pass(), window.firstPage(), window.pages(), jobInstanceId);
	}

	/** The number of the listing the run is collecting now. */
	int collectingListing(long jobInstanceId) {
		return this.jdbcTemplate.queryForObject(
				"SELECT max(listing) FROM dedup_listing WHERE job_instance_id = ? AND NOT completed", Integer.class,
				jobInstanceId);
	}

	/** The window the run is collecting now. */
	ListingWindow collectingWindow(long jobInstanceId) {
		return this.jdbcTemplate.queryForObject("""
				SELECT pass, first_page, pages FROM dedup_listing WHERE job_instance_id = ? AND NOT completed
				ORDER BY listing DESC LIMIT 1
				""", (rs, row) -> new ListingWindow(rs.getInt(1), rs.getInt(2), rs.getInt(3)), jobInstanceId);
	}

	/** Adds the groups to a listing of the run; a group already there (same key) is kept as it was. */
	void add(long jobInstanceId, String orgId, int listing, Chunk<? extends ListedGroup> groups) {
		this.jdbcTemplate.batchUpdate("""
				INSERT INTO dedup_staged_group (job_instance_id, org_id, group_key, listed_group, listing)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (job_instance_id, listing, group_key) DO NOTHING
				""", groups.getItems(), groups.size(), (statement, group) -> {
			statement.setLong(1, jobInstanceId);
			statement.setString(2, orgId);
			statement.setString(3, group.groupKey());
			statement.setString(4, group.group().toString());
			statement.setInt(5, listing);
		});
	}

	/** How many distinct groups a listing of the run holds. */
	long count(long jobInstanceId, int listing) {
		return this.jdbcTemplate.queryForObject(COUNT, Long.class, jobInstanceId, listing);
	}

	/**
	 * Records what a listing of the run read, beside what it announced; {@code complete} when the
	 * merges may act on it (a listing short of its count past the tolerance may not).
	 */
	void recordListing(long jobInstanceId, int number, Listing listing, boolean complete, boolean shifted,
			WindowRead read) {
		this.jdbcTemplate.update("""
				UPDATE dedup_listing SET announced = ?, collected = ?, completed = ?, shifted = ?, checked_at = now(),
				       last_page = ?, page_size = ?, reached_end = ?
				 WHERE job_instance_id = ? AND listing = ?
				""", (listing.announced() >= 0) ? listing.announced() : null, listing.collected(), complete, shifted,
				read.lastPage(), read.pageSize(), read.reachedEnd(), jobInstanceId, number);
	}

	/**
	 * How the reader left a window: the last page it read, the groups a page held ({@code 0} when no
	 * page held any), whether it read the listing's end.
	 */
	record WindowRead(int lastPage, int pageSize, boolean reachedEnd) {
	}

	/** The run's latest complete listing (window): its number, when it began, its pages; empty when it has none. */
	public Optional<CurrentListing> latestListing(long jobInstanceId) {
		return this.jdbcTemplate.query("""
				SELECT listing, started_at, pass, first_page, pages, merged_at IS NOT NULL FROM dedup_listing
				 WHERE job_instance_id = ? AND completed
				ORDER BY listing DESC LIMIT 1
				""", (rs, row) -> new CurrentListing(rs.getInt(1), rs.getTimestamp(2).toInstant(),
						new ListingWindow(rs.getInt(3), rs.getInt(4), rs.getInt(5)), rs.getBoolean(6)),
				jobInstanceId)
			.stream()
			.findFirst();
	}

	/**
	 * Readies the run's window {@code listing} for its merges: the groups of earlier windows whose
	 * merge is PENDING (sent, its outcome not recorded: a crash) are carried into it, so that the
	 * merge step sends them again as ones that may have been applied; the windows of earlier passes
	 * go (those of its own pass stay until the pass ends). Idempotent.
	 */
	public void retireEarlierPasses(long jobInstanceId, CurrentListing listing) {
		this.jdbcTemplate.update(CARRY_PENDING, listing.number(), listing.number(), jobInstanceId);
		this.jdbcTemplate.update(RETIRE, jobInstanceId, jobInstanceId, listing.window().pass());
	}

	/** Keeps the age of the oldest listing a merge acted on: the largest age a merge was sent at. */
	public void recordMergeAge(long jobInstanceId, int listing, long ageMillis) {
		this.jdbcTemplate.update("""
				UPDATE dedup_listing SET oldest_merge_age_ms = greatest(coalesce(oldest_merge_age_ms, 0), ?)
				 WHERE job_instance_id = ? AND listing = ?
				""", ageMillis, jobInstanceId, listing);
	}

	/**
	 * What the run read of the listing: its latest complete listing beside what that announced,
	 * how many times it listed, and the age of the oldest listing a merge acted on; empty when no
	 * listing completed.
	 */
	public Optional<Listing> listing(long jobInstanceId) {
		return this.jdbcTemplate.query("""
				SELECT coalesce(announced, -1), collected, listings, coalesce(oldest_merge_age_ms, -1)
				  FROM dedup_run_listing WHERE job_instance_id = ?
				""", (rs, row) -> new Listing(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4)), jobInstanceId)
			.stream()
			.findFirst();
	}

	/** Deletes the snapshots collected before {@code cutoff}; answers how many groups. */
	public int purgeOlderThan(Instant cutoff) {
		this.jdbcTemplate.update("DELETE FROM dedup_listing WHERE started_at < ?", Timestamp.from(cutoff));
		return this.jdbcTemplate.update("DELETE FROM dedup_staged_group WHERE collected_at < ?", Timestamp.from(cutoff));
	}

	/**
	 * Gives PostgreSQL the statistics of the snapshot a collect step has just filled, before the
	 * merge step reads it: a plan made without them (the driver's prepared statements keep theirs for
	 * the life of a pooled connection) must not be what decides how fast a run goes, as bulk loaders
	 * do after a load. The indexes serve every plan anyway (see {@code V13__Hot_path_indexes.sql}).
	 */
	void analyze() {
		this.jdbcTemplate.execute("ANALYZE dedup_staged_group");
	}

	/** Reads the run's snapshot in the order it was collected, resuming by key after a restart. */
	public JdbcPagingItemReader<StagedGroup> reader(long jobInstanceId, int listing, int pageSize) {
		JdbcPagingItemReader<StagedGroup> reader = new JdbcPagingItemReader<>(this.dataSource, pageQuery());
		// Its position is kept under the window's own name: a window read after a failed merge step
		// of another one starts at its first group, not at the position the failed one reached.
		reader.setName("stagedGroupReader-" + listing);
		reader.setParameterValues(Map.of("jobInstanceId", jobInstanceId, "listing", listing));
		reader.setPageSize(pageSize);
		reader.setRowMapper((rs, row) -> new StagedGroup(rs.getLong("id"), rs.getString("group_key"),
				rs.getString("listed_group")));
		try {
			reader.afterPropertiesSet();
		}
		catch (Exception ex) {
			throw new IllegalStateException("the staged group reader is not set up: " + ex.getMessage(), ex);
		}
		return reader;
	}

	/**
	 * The reader's query: a page of the snapshot of one listing, by id, which the index
	 * {@code (job_instance_id, listing, id)} returns in order.
	 */
	static PostgresPagingQueryProvider pageQuery() {
		PostgresPagingQueryProvider query = new PostgresPagingQueryProvider();
		query.setSelectClause("id, group_key, listed_group");
		query.setFromClause("dedup_staged_group");
		query.setWhereClause("job_instance_id = :jobInstanceId AND listing = :listing");
		query.setSortKeys(Map.of("id", Order.ASCENDING));
		return query;
	}

}
