package io.inventdedup.collect;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.inventdedup.policy.ListingWindow;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The windows a run lists its org in ({@link ListingWindow}): its first, and the one after each
 * window merged, from what {@code dedup_listing} keeps of each window, so that a run resumed after a
 * crash goes on from the same facts as one that never stopped. Every query reads one window, or one
 * pass's rows of {@code dedup_listing}: the time from a window to its first merge does not grow with
 * the org.
 */
@Repository
public class ListingWindows {

	/**
	 * How many groups the window read (not the merges carried into it after a crash), in the order
	 * listed up to the first not handled (no outcome, or a merge PENDING), stay listed: those whose outcome is not a merge, and those all of whose members
	 * merges of the run held (what a merge left listed: the merge step filters them out). The members
	 * are looked up only for a group without an outcome, through the members' index of merges
	 * ({@code job_instance_id + 0} keeps PostgreSQL on it).
	 */
	static final String STAYED = """
			WITH w AS (SELECT s.id, s.listed_group, a.status
			             FROM dedup_staged_group s
			             JOIN dedup_listing l ON l.job_instance_id = s.job_instance_id AND l.listing = s.listing
			             LEFT JOIN dedup_recorded_group a ON a.job_instance_id = s.job_instance_id
			                                             AND a.group_key = s.group_key
			            WHERE s.job_instance_id = ? AND s.listing = ? AND s.collected_at <= l.checked_at),
			     judged AS (
			         SELECT w.id, CASE WHEN w.status IS NOT NULL THEN w.status
			                           WHEN NOT EXISTS (
			                               SELECT 1 FROM unnest(dedup_member_ids(w.listed_group::jsonb)) AS m(id)
			                                WHERE NOT EXISTS (SELECT 1 FROM dedup_recorded_group r
			                                                   WHERE (r.job_instance_id + 0) = ?
			                                                     AND (r.status IN ('MERGED', 'UNSETTLED', 'PENDING')
			                                                          OR r.reason = 'partially-merged')
			                                                     AND dedup_member_ids(r.listed_group) @> ARRAY[m.id]))
			                           THEN 'LEFT_BY_A_MERGE' END AS status
			           FROM w),
			     cut AS (SELECT min(id) AS id FROM judged WHERE status IS NULL OR status = 'PENDING')
			SELECT count(*) FROM judged, cut
			 WHERE (cut.id IS NULL OR judged.id < cut.id) AND judged.status NOT IN ('MERGED', 'UNSETTLED', 'PENDING')
			""";

	private final JdbcTemplate jdbcTemplate;

	public ListingWindows(JdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * The window the collect step reads next: a dry run's whole listing, a run's first window, or the
	 * one after its latest window (one whose merges never ended, a crash, counts as cut short by the
	 * bound: its next window begins at its first group not handled).
	 */
	ListingWindow next(long jobInstanceId, CollectRun run) {
		Optional<Latest> latest = latest(jobInstanceId);
		if (latest.isEmpty()) {
			return run.dryRun() ? ListingWindow.whole()
					: ListingWindow.first(run.maxListingAge(), run.requestsPerMinute());
		}
		if (!latest.get().merged()) {
			record(jobInstanceId, latest.get().number(), true, latest.get().sentMerges());
		}
		ListingWindow window = latest.get().window();
		ListingWindow next = window.next(read(jobInstanceId, latest.get().number()), run.maxListingAge(),
				run.requestsPerMinute());
		// The merge step ended the run on that window; a collect after it is a new pass, of the same size.
		return (next != null) ? next : new ListingWindow(window.pass() + 1, 1, window.pages());
	}

	/**
	 * Records what became of a window's groups and answers what comes after it.
	 * @param stale whether the bound came before every group of it was handled
	 * @param sentMerges whether a merge was sent on it
	 */
	public Merged merged(long jobInstanceId, CurrentListing listing, boolean stale, boolean sentMerges, Duration bound,
			int requestsPerMinute) {
		record(jobInstanceId, listing.number(), stale, sentMerges);
		ListingWindow.Read read = read(jobInstanceId, listing.number());
		return new Merged(listing.window().next(read, bound, requestsPerMinute), listing.window().givesUp(read));
	}

	/**
	 * What comes after a window merged.
	 *
	 * @param next the next window, or null when the run has looked at every group listed (the window
	 * ended a pass that sent no merge), or gives up ({@code givesUp})
	 * @param givesUp whether the run ends on the last pass it allows although that pass found the
	 * listing moved
	 */
	public record Merged(@Nullable ListingWindow next, boolean givesUp) {
	}

	/**
	 * Keeps what became of a window's groups. Whether it sent merges is read from the audit too (a
	 * merge of one of its groups recorded since the window began): an execution that crashed after
	 * merging some of them recorded nothing here.
	 */
	private void record(long jobInstanceId, int listing, boolean stale, boolean sentMerges) {
		long stayed = this.jdbcTemplate.queryForObject(STAYED, Long.class, jobInstanceId, listing, jobInstanceId);
		this.jdbcTemplate.update("""
				UPDATE dedup_listing l SET merged_at = now(), stale = ?, stayed = ?,
				       sent_merges = ? OR EXISTS (
				           SELECT 1 FROM dedup_staged_group s
				             JOIN dedup_recorded_group a ON a.job_instance_id = s.job_instance_id AND a.group_key = s.group_key
				            WHERE s.job_instance_id = l.job_instance_id AND s.listing = l.listing
				              AND a.updated_at >= l.started_at
				              AND (a.status IN ('MERGED', 'UNSETTLED', 'PENDING') OR a.reason = 'partially-merged'))
				 WHERE l.job_instance_id = ? AND l.listing = ?
				""", stale, stayed, sentMerges, jobInstanceId, listing);
	}

	private ListingWindow.Read read(long jobInstanceId, int listing) {
		return this.jdbcTemplate.queryForObject("""
				SELECT coalesce(l.last_page, l.first_page), coalesce(l.page_size, 0), l.reached_end, l.stale,
				       l.sent_merges, l.stayed,
				       EXISTS (SELECT 1 FROM dedup_listing p WHERE p.job_instance_id = l.job_instance_id
				                  AND p.pass = l.pass AND p.listing <= l.listing AND (p.sent_merges OR p.stale)),
				       EXISTS (SELECT 1 FROM dedup_listing p WHERE p.job_instance_id = l.job_instance_id
				                  AND p.pass = l.pass AND p.listing <= l.listing AND p.shifted),
				       (extract(epoch FROM l.merged_at - l.started_at) * 1000)::bigint
				  FROM dedup_listing l WHERE l.job_instance_id = ? AND l.listing = ?
				""", (rs, row) -> new ListingWindow.Read(rs.getInt(1),
				(rs.getInt(2) > 0) ? rs.getInt(2) : ListingWindow.TAKE, rs.getBoolean(3), rs.getBoolean(4),
				rs.getBoolean(5), rs.getLong(6), rs.getBoolean(7), rs.getBoolean(8), Duration.ofMillis(rs.getLong(9))),
				jobInstanceId, listing);
	}

	private Optional<Latest> latest(long jobInstanceId) {
		return this.jdbcTemplate.query("""
				SELECT listing, pass, first_page, pages, merged_at IS NOT NULL, oldest_merge_age_ms IS NOT NULL
				  FROM dedup_listing WHERE job_instance_id = ? AND completed
				 ORDER BY listing DESC LIMIT 1
				""", (rs, row) -> new Latest(rs.getInt(1), new ListingWindow(rs.getInt(2), rs.getInt(3), rs.getInt(4)),
				rs.getBoolean(5), rs.getBoolean(6)), jobInstanceId).stream().findFirst();
	}

	private record Latest(int number, ListingWindow window, boolean merged, boolean sentMerges) {
	}

}
