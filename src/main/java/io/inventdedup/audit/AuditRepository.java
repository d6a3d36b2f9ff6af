package io.inventdedup.audit;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.inventdedup.policy.Exclusion;
import io.inventdedup.policy.ExclusionReason;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Owns {@code dedup_audit}: every query of the table is here. Rows are upserted by run and group,
 * so that writing a chunk again (a retry, a restart) never doubles a row.
 */
@Repository
public class AuditRepository {

	/** A chunk's rows written: one conflict lookup on {@code dedup_audit_once} a row. */
	static final String UPSERT = """
			INSERT INTO dedup_audit (job_instance_id, job_execution_id, org_id, group_key, dry_run, status, reason,
			    survivor_contact_id, source_contact_ids, merged_contact_ids, excluded_contact_ids, exclusion_reasons,
			    detail, http_status, error, listed_group, policy, planned_update, update_status, sent_update,
			    update_http_status, update_error)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?::jsonb, ?, ?)
			ON CONFLICT (job_instance_id, group_key) DO UPDATE SET
			    job_execution_id = excluded.job_execution_id, status = excluded.status, reason = excluded.reason,
			    survivor_contact_id = excluded.survivor_contact_id, source_contact_ids = excluded.source_contact_ids,
			    merged_contact_ids = excluded.merged_contact_ids, excluded_contact_ids = excluded.excluded_contact_ids,
			    exclusion_reasons = excluded.exclusion_reasons, detail = excluded.detail, http_status = excluded.http_status,
			    error = excluded.error, planned_update = excluded.planned_update,
			    update_status = excluded.update_status, sent_update = excluded.sent_update,
			    update_http_status = excluded.update_http_status, update_error = excluded.update_error,
			    updated_at = now()
			""";

	/** A sent merge's outcome recorded, by the unique key. */
	static final String COMPLETE = """
			UPDATE dedup_audit SET job_execution_id = ?, status = ?, reason = ?, merged_contact_ids = ?,
			    http_status = ?, error = ?, update_status = ?, sent_update = ?::jsonb, update_http_status = ?,
			    update_error = ?, detail = ?, updated_at = now()
			WHERE job_instance_id = ? AND group_key = ?
			""";

	/** What a run recorded already of a chunk's groups, by the unique key. */
	static final String BY_GROUP_KEYS = """
			SELECT * FROM dedup_audit WHERE job_instance_id = :instance AND group_key IN (:keys)
			""";

	/**
	 * The planned groups of a dry run holding a contact, through the members' index alone:
	 * {@code job_instance_id + 0} keeps PostgreSQL off the run's btree index (see {@link #planGroupsHolding}).
	 */
	static final String PLAN_GROUPS_HOLDING = """
			SELECT group_key FROM dedup_audit
			 WHERE (job_instance_id + 0) = :plan AND status IN ('PLANNED', 'NEEDS_REVIEW')
			   AND dedup_member_ids(listed_group) && CAST(:members AS text[])
			 ORDER BY group_key
			""";

	/** A merge never sent forgotten, by the unique key. */
	static final String FORGET_UNSENT = """
			DELETE FROM dedup_audit WHERE job_instance_id = ? AND group_key = ? AND status = 'PENDING'
			""";

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbcClient;

	public AuditRepository(JdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbcClient = JdbcClient.create(jdbcTemplate);
	}

	/** Inserts or replaces the rows, in one batch. */
	public void save(List<AuditRecord> records) {
		if (records.isEmpty()) {
			return;
		}
		this.jdbcTemplate.execute((Connection connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
				for (AuditRecord record : records) {
					bind(connection, statement, record);
					statement.addBatch();
				}
				statement.executeBatch();
			}
			return null;
		});
	}

	/**
	 * Records the outcome of rows already saved (their merge was sent): status, what the API
	 * confirmed, the follow-up. Unlike {@link #save}, it does not send the listed group again.
	 */
	public void complete(List<AuditRecord> records) {
		if (records.isEmpty()) {
			return;
		}
		this.jdbcTemplate.execute((Connection connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(COMPLETE)) {
				for (AuditRecord record : records) {
					statement.setLong(1, record.jobExecutionId());
					statement.setString(2, record.status().name());
					statement.setString(3, record.reason());
					statement.setArray(4, textArray(connection, record.mergedIds()));
					statement.setObject(5, record.httpStatus(), Types.INTEGER);
					statement.setString(6, record.error());
					bindFollowUp(statement, 7, record.followUp());
					statement.setString(11, record.detail());
					statement.setLong(12, record.jobInstanceId());
					statement.setString(13, record.groupKey());
					statement.addBatch();
				}
				statement.executeBatch();
			}
			return null;
		});
	}

	/** The rows this run already holds for these groups, by group key. */
	public Map<String, AuditRecord> findByGroupKeys(long jobInstanceId, Collection<String> groupKeys) {
		if (groupKeys.isEmpty()) {
			return Map.of();
		}
		Map<String, AuditRecord> found = new HashMap<>();
		this.jdbcClient.sql(BY_GROUP_KEYS)
			.param("instance", jobInstanceId)
			.param("keys", groupKeys)
			.query(AuditRepository::read)
			.list()
			.forEach((record) -> found.put(record.groupKey(), record));
		return found;
	}

	/** Gives PostgreSQL the statistics of the table (see {@code merge.AuditStatistics}). */
	public void analyze() {
		this.jdbcTemplate.execute("ANALYZE dedup_audit");
	}

	/**
	 * How many groups of this run were merged, are being merged, may have been merged, or would be
	 * merged by a dry run.
	 */
	public long countMerges(long jobInstanceId) {
		return this.jdbcClient
			.sql("SELECT count(*) FROM dedup_audit WHERE job_instance_id = ? AND status IN ('MERGED', 'PENDING', 'PLANNED', 'UNSETTLED')")
			.param(jobInstanceId)
			.query(Long.class)
			.single();
	}

	/** The merged groups of this run whose follow-up update is still to be sent (pending or failed). */
	public List<AuditRecord> findFollowUpsDue(long jobInstanceId) {
		return this.jdbcClient.sql("""
				SELECT * FROM dedup_audit WHERE job_instance_id = ? AND status = 'MERGED'
				AND update_status IN ('PENDING', 'FAILED') ORDER BY id
				""").param(jobInstanceId).query(AuditRepository::read).list();
	}

	/** How many follow-up updates of this run are still due (not sent yet, or failed). */
	public long countFollowUpsDue(long jobInstanceId) {
		return this.jdbcClient.sql("""
				SELECT count(*) FROM dedup_audit WHERE job_instance_id = ? AND status = 'MERGED'
				AND update_status IN ('PENDING', 'FAILED')
				""").param(jobInstanceId).query(Long.class).single();
	}

	/** The groups of this run whose merge is UNSETTLED, in order. */
	public List<AuditRecord> findUnsettled(long jobInstanceId) {
		return this.jdbcClient.sql("SELECT * FROM dedup_audit WHERE job_instance_id = ? AND status = 'UNSETTLED' ORDER BY id")
			.param(jobInstanceId)
			.query(AuditRepository::read)
			.list();
	}

	/** The row of this group in the run that this job execution belongs to, if any. */
	public Optional<AuditRecord> findByExecution(long jobExecutionId, String groupKey) {
		return this.jdbcClient.sql("""
				SELECT * FROM dedup_audit WHERE group_key = :key AND job_instance_id =
				    (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = :execution)
				""").param("key", groupKey).param("execution", jobExecutionId).query(AuditRepository::read).optional();
	}

	/**
	 * Records what an operator found in Invent of an UNSETTLED merge, with who and why; answers
	 * false when the row is no longer UNSETTLED (a run settled it meanwhile) and nothing changed.
	 */
	public boolean settle(AuditRecord settled, String by, String why) {
		return this.jdbcClient.sql("""
				UPDATE dedup_audit SET status = :status, reason = :reason, merged_contact_ids = :merged,
				    detail = :detail, update_status = :updateStatus, settled_by = :by, settled_reason = :why,
				    settled_at = now(), updated_at = now()
				WHERE job_instance_id = :instance AND group_key = :key AND status = 'UNSETTLED'
				""")
			.param("status", settled.status().name())
			.param("reason", settled.reason())
			.param("merged", settled.mergedIds().toArray(String[]::new))
			.param("detail", settled.detail())
			.param("updateStatus", (settled.followUp() != null) ? settled.followUp().status() : null)
			.param("by", by)
			.param("why", why)
			.param("instance", settled.jobInstanceId())
			.param("key", settled.groupKey())
			.update() == 1;
	}

	/** The run (job instance) that this job execution belongs to, if there is such an execution. */
	public Optional<Long> instanceOf(long jobExecutionId) {
		return this.jdbcClient.sql("SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?")
			.param(jobExecutionId)
			.query(Long.class)
			.optional();
	}

	/**
	 * The keys of the groups of a dry run, planned or left for a person to decide, that hold any of
	 * these contacts: one query through an index, never the plan in memory. {@code job_instance_id + 0}
	 * keeps PostgreSQL off the run's btree index: ANDed with the members' index it read a bitmap of
	 * the whole plan for every group (36 groups a second at 200,000; the members' index alone finds
	 * the few rows that hold a contact).
	 */
	public List<String> planGroupsHolding(long planInstanceId, Collection<String> memberIds) {
		return this.jdbcClient.sql(PLAN_GROUPS_HOLDING)
			.param("plan", planInstanceId)
			.param("members", memberIds.toArray(String[]::new))
			.query(String.class)
			.list();
	}

	/**
	 * Records, in the run {@code jobInstanceId}, every group of the plan that no group of the run's
	 * snapshot shares a member with: SKIPPED {@code no-longer-listed}, under its planned key, with the
	 * group and the policy as they were reviewed. One statement, joins in the database (which spill
	 * to disk past {@code work_mem}), whatever the size of the plan; a group recorded already is left
	 * as it is, so that a resumed run records the same.
	 * @return how many groups it recorded
	 */
	public int recordNoLongerListed(long planInstanceId, long jobInstanceId, long jobExecutionId) {
		return this.jdbcClient.sql("""
				WITH listed AS MATERIALIZED (
				         SELECT DISTINCT m.id
				           FROM dedup_staged_group s, unnest(dedup_member_ids(s.listed_group::jsonb)) AS m(id)
				          WHERE s.job_instance_id = :run),
				     planned AS (
				         SELECT p.id, m.id AS member
				           FROM dedup_audit p, unnest(dedup_member_ids(p.listed_group)) AS m(id)
				          WHERE p.job_instance_id = :plan AND p.status IN ('PLANNED', 'NEEDS_REVIEW')),
				     still_listed AS (
				         SELECT DISTINCT planned.id FROM planned JOIN listed ON listed.id = planned.member)
				INSERT INTO dedup_audit (job_instance_id, job_execution_id, org_id, group_key, dry_run, status, reason,
				    detail, listed_group, policy)
				SELECT :run, :execution, p.org_id, p.group_key, false, 'SKIPPED', 'no-longer-listed',
				       'planned in the reviewed run ' || p.job_instance_id || ' (survivor ' || p.survivor_contact_id
				           || ', sources [' || array_to_string(p.source_contact_ids, ', ')
				           || ']); no group listed now holds any of its members',
				       p.listed_group, p.policy
				  FROM dedup_audit p
				  LEFT JOIN still_listed ON still_listed.id = p.id
				 WHERE p.job_instance_id = :plan AND p.status IN ('PLANNED', 'NEEDS_REVIEW') AND still_listed.id IS NULL
				ON CONFLICT (job_instance_id, group_key) DO NOTHING
				""").param("run", jobInstanceId).param("execution", jobExecutionId).param("plan", planInstanceId).update();
	}

	/**
	 * Records, when the run lists again, the groups of its earlier listings that it had not handled
	 * and that no group of listing {@code listing} shares a member with: SKIPPED
	 * {@code no-longer-listed} (merged by hand, dissolved while the run went on). A group whose
	 * members are listed under another key now is no such group: it is handled from the fresh data.
	 * One statement, idempotent.
	 * @return how many groups it recorded
	 */
	public int recordUnlisted(long jobInstanceId, long jobExecutionId, int listing, boolean dryRun, String policy) {
		return this.jdbcClient.sql("""
				WITH listed AS MATERIALIZED (
				         SELECT DISTINCT m.id
				           FROM dedup_staged_group s, unnest(dedup_member_ids(s.listed_group::jsonb)) AS m(id)
				          WHERE s.job_instance_id = :run AND s.listing = :listing),
				     earlier AS (
				         SELECT s.id, s.org_id, s.group_key, s.listing, s.listed_group::jsonb AS listed_group
				           FROM dedup_staged_group s
				          WHERE s.job_instance_id = :run AND s.listing < :listing
				            AND NOT EXISTS (SELECT 1 FROM dedup_audit a
				                             WHERE a.job_instance_id = :run AND a.group_key = s.group_key)),
				     still_listed AS (
				         SELECT DISTINCT e.id
				           FROM earlier e CROSS JOIN LATERAL unnest(dedup_member_ids(e.listed_group)) AS m(id)
				           JOIN listed ON listed.id = m.id)
				INSERT INTO dedup_audit (job_instance_id, job_execution_id, org_id, group_key, dry_run, status, reason,
				    detail, listed_group, policy)
				SELECT :run, :execution, e.org_id, e.group_key, :dryRun, 'SKIPPED', 'no-longer-listed',
				       'listed by listing ' || e.listing || ' of this run; no group of its listing ' || :listing
				           || ' holds any of its members (merged by hand, or dissolved, while the run went on)',
				       e.listed_group, CAST(:policy AS jsonb)
				  FROM earlier e LEFT JOIN still_listed ON still_listed.id = e.id
				 WHERE still_listed.id IS NULL
				ON CONFLICT (job_instance_id, group_key) DO NOTHING
				""")
			.param("run", jobInstanceId)
			.param("execution", jobExecutionId)
			.param("listing", listing)
			.param("dryRun", dryRun)
			.param("policy", policy)
			.update();
	}

	/**
	 * Deletes the PENDING rows of merges that were never sent (their listing grew too old before
	 * their turn): the group is planned again from a fresh listing.
	 */
	public void forgetUnsent(Collection<AuditRecord> rows) {
		for (AuditRecord row : rows) {
			this.jdbcClient.sql(FORGET_UNSENT)
				.params(row.jobInstanceId(), row.groupKey())
				.update();
		}
	}

	/** Joins a run's audit rows {@code a} to the decisions of a person on them. */
	static final String DECISION_JOINS = """
			 LEFT JOIN dedup_approval ap ON ap.run_instance_id = a.job_instance_id AND ap.group_key = a.group_key
			 LEFT JOIN dedup_rejection rj ON rj.plan_instance_id = a.job_instance_id AND rj.group_key = a.group_key
			""";

	/**
	 * A group's version (with {@link #DECISION_JOINS}): it changes with the group's row and with every
	 * decision on it, so that a decision taken on what a page showed can be refused once it changed.
	 */
	static final String GROUP_VERSION = """
			md5(concat_ws('|', a.status, a.reason, a.updated_at, ap.approved_by, ap.approved_at, ap.reason,
			              rj.rejected_by, rj.rejected_at, rj.reason))""";

	/** Who decided what on a group and when, in words (with {@link #DECISION_JOINS}), or null. */
	static final String GROUP_DECISION = """
			nullif(concat_ws('; ',
			    'approved by ' || ap.approved_by || ' at '
			        || to_char(ap.approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') || ': ' || ap.reason,
			    'rejected by ' || rj.rejected_by || ' at '
			        || to_char(rj.rejected_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') || ': ' || rj.reason), '')""";

	/**
	 * Locks the rows of these groups of a run until the transaction ends, in the order of their ids,
	 * so that two people deciding on one group at once decide one after the other: the second then
	 * sees the first's decision.
	 */
	public void lockGroups(long jobInstanceId, Collection<String> groupKeys) {
		this.jdbcClient.sql("""
				SELECT id FROM dedup_audit WHERE job_instance_id = :run AND group_key IN (:keys) ORDER BY id FOR UPDATE
				""").param("run", jobInstanceId).param("keys", groupKeys).query(Long.class).list();
	}

	/** The org of a run, when it recorded any group. */
	public Optional<String> orgOfRun(long jobInstanceId) {
		return this.jdbcClient.sql("SELECT org_id FROM dedup_audit WHERE job_instance_id = ? LIMIT 1")
			.param(jobInstanceId)
			.query(String.class)
			.optional();
	}

	/** Whether a group of the run holds this contact. */
	public boolean runHolds(long jobInstanceId, String contactId) {
		return this.jdbcClient.sql("""
				SELECT EXISTS (SELECT 1 FROM dedup_audit WHERE job_instance_id = ?
				                  AND dedup_member_ids(listed_group) @> ARRAY[?::text])
				""").params(jobInstanceId, contactId).query(Boolean.class).single();
	}

	/** The version of each of these groups of the run ({@link #GROUP_VERSION}), by group key. */
	public Map<String, String> groupVersions(long jobInstanceId, Collection<String> groupKeys) {
		Map<String, String> versions = new HashMap<>();
		this.jdbcClient.sql("SELECT a.group_key, " + GROUP_VERSION + " FROM dedup_audit a " + DECISION_JOINS
				+ " WHERE a.job_instance_id = :run AND a.group_key IN (:keys)")
			.param("run", jobInstanceId)
			.param("keys", groupKeys)
			.query((ResultSet rs) -> {
				versions.put(rs.getString(1), rs.getString(2));
			});
		return versions;
	}

	/**
	 * The groups of a run in these statuses that a key names: the group of that {@code group_key},
	 * or every such group that holds a contact of that id.
	 */
	public List<AuditRecord> findGroups(long jobInstanceId, Collection<AuditStatus> statuses, String keyOrContactId) {
		return this.jdbcClient.sql("""
				SELECT * FROM dedup_audit WHERE job_instance_id = :plan AND status IN (:statuses)
				AND (group_key = :key OR survivor_contact_id = :key OR :key = ANY (source_contact_ids)
				     OR :key = ANY (excluded_contact_ids))
				ORDER BY id
				""").param("plan", jobInstanceId)
			.param("statuses", statuses.stream().map(AuditStatus::name).toList())
			.param("key", keyOrContactId)
			.query(AuditRepository::read)
			.list();
	}

	/** Whether the run's last execution is still going (or was left so by a process that died). */
	public boolean runInProgress(long jobInstanceId) {
		return this.jdbcClient.sql("""
				SELECT count(*) FROM batch_job_execution WHERE job_instance_id = ?
				AND status IN ('STARTING', 'STARTED', 'STOPPING')
				""").param(jobInstanceId).query(Long.class).single() > 0;
	}

	/** Deletes the audit rows written before {@code cutoff}; answers how many. */
	public int purgeOlderThan(Instant cutoff) {
		return this.jdbcClient.sql("DELETE FROM dedup_audit WHERE updated_at < ?")
			.param(Timestamp.from(cutoff))
			.update();
	}

	/** The counts of a run. */
	public RunSummary summarize(long jobInstanceId) {
		Map<String, Long> byStatus = new HashMap<>();
		long[] contactsMergedAway = { 0 };
		this.jdbcClient.sql("""
				SELECT status, count(*) AS n, coalesce(sum(cardinality(merged_contact_ids)), 0) AS contacts
				FROM dedup_audit WHERE job_instance_id = ? GROUP BY status
				""").param(jobInstanceId).query((rs) -> {
			byStatus.put(rs.getString("status"), rs.getLong("n"));
			contactsMergedAway[0] += rs.getLong("contacts");
		});
		Map<String, Long> reasons = new LinkedHashMap<>();
		this.jdbcClient.sql("""
				SELECT reason, count(*) AS n FROM dedup_audit
				WHERE job_instance_id = ? AND reason IS NOT NULL GROUP BY reason ORDER BY reason
				""").param(jobInstanceId).query((rs) -> {
			reasons.put(rs.getString("reason"), rs.getLong("n"));
		});
		Map<String, Long> followUps = new HashMap<>();
		this.jdbcClient.sql("""
				SELECT update_status, count(*) AS n FROM dedup_audit
				WHERE job_instance_id = ? AND update_status IS NOT NULL GROUP BY update_status
				""").param(jobInstanceId).query((rs) -> {
			followUps.put(rs.getString("update_status"), rs.getLong("n"));
		});
		long groups = byStatus.values().stream().mapToLong(Long::longValue).sum();
		return new RunSummary(jobInstanceId, groups, byStatus.getOrDefault("PLANNED", 0L),
				byStatus.getOrDefault("MERGED", 0L), byStatus.getOrDefault("SKIPPED", 0L),
				byStatus.getOrDefault("FAILED", 0L), byStatus.getOrDefault("PENDING", 0L),
				byStatus.getOrDefault("UNSETTLED", 0L), contactsMergedAway[0],
				reasons, followUps.getOrDefault("SENT", 0L), followUps.getOrDefault("FAILED", 0L)
						+ followUps.getOrDefault("PENDING", 0L),
				byStatus.getOrDefault("NEEDS_REVIEW", 0L));
	}

	private static void bind(Connection connection, PreparedStatement statement, AuditRecord record)
			throws SQLException {
		statement.setLong(1, record.jobInstanceId());
		statement.setLong(2, record.jobExecutionId());
		statement.setString(3, record.orgId());
		statement.setString(4, record.groupKey());
		statement.setBoolean(5, record.dryRun());
		statement.setString(6, record.status().name());
		statement.setString(7, record.reason());
		statement.setString(8, record.survivorId());
		statement.setArray(9, textArray(connection, record.sourceIds()));
		statement.setArray(10, textArray(connection, record.mergedIds()));
		statement.setArray(11, textArray(connection, record.excluded().stream().map(Exclusion::contactId).toList()));
		statement.setArray(12,
				textArray(connection, record.excluded().stream().map((e) -> e.reason().code()).toList()));
		statement.setString(13, record.detail());
		if (record.httpStatus() != null) {
			statement.setInt(14, record.httpStatus());
		}
		else {
			statement.setNull(14, Types.INTEGER);
		}
		statement.setString(15, record.error());
		statement.setString(16, record.listedGroup());
		statement.setString(17, record.policy());
		statement.setString(18, record.plannedUpdate());
		bindFollowUp(statement, 19, record.followUp());
	}

	/** Binds update_status, sent_update, update_http_status and update_error from {@code first} on. */
	private static void bindFollowUp(PreparedStatement statement, int first,
			AuditRecord.@Nullable FollowUpRecord followUp) throws SQLException {
		statement.setString(first, (followUp != null) ? followUp.status() : null);
		statement.setString(first + 1, (followUp != null) ? followUp.sent() : null);
		statement.setObject(first + 2, (followUp != null) ? followUp.httpStatus() : null, Types.INTEGER);
		statement.setString(first + 3, (followUp != null) ? followUp.error() : null);
	}

	private static Array textArray(Connection connection, List<String> values) throws SQLException {
		return connection.createArrayOf("text", values.toArray());
	}

	private static AuditRecord read(ResultSet rs, int row) throws SQLException {
		List<Exclusion> excluded = exclusions(rs.getArray("excluded_contact_ids"), rs.getArray("exclusion_reasons"));
		Integer httpStatus = rs.getObject("http_status", Integer.class);
		return new AuditRecord(rs.getLong("job_instance_id"), rs.getLong("job_execution_id"), rs.getString("org_id"),
				rs.getString("group_key"), rs.getBoolean("dry_run"), AuditStatus.valueOf(rs.getString("status")),
				rs.getString("reason"), rs.getString("survivor_contact_id"), strings(rs.getArray("source_contact_ids")),
				strings(rs.getArray("merged_contact_ids")), excluded, rs.getString("detail"), httpStatus,
				rs.getString("error"), rs.getString("listed_group"), rs.getString("policy"),
				rs.getString("planned_update"),
				(rs.getString("update_status") != null) ? new AuditRecord.FollowUpRecord(rs.getString("update_status"),
						rs.getString("sent_update"), rs.getObject("update_http_status", Integer.class),
						rs.getString("update_error")) : null);
	}

	/** The pairwise columns {@code excluded_contact_ids} and {@code exclusion_reasons}, read back. */
	static List<Exclusion> exclusions(Array ids, Array reasons) throws SQLException {
		List<String> excludedIds = strings(ids);
		List<String> exclusionReasons = strings(reasons);
		List<Exclusion> excluded = new ArrayList<>();
		for (int i = 0; i < excludedIds.size(); i++) {
			excluded.add(new Exclusion(excludedIds.get(i), exclusionReason(exclusionReasons.get(i))));
		}
		return excluded;
	}

	static List<String> strings(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

	private static ExclusionReason exclusionReason(String code) {
		return Arrays.stream(ExclusionReason.values())
			.filter((reason) -> reason.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("unknown exclusion reason in dedup_audit: " + code));
	}

}
