package io.inventdedup.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Owns {@code dedup_audit}: every query of the table is here. Rows are upserted by run and group,
 * so that writing a chunk again (a retry, a restart) never doubles a row.
 */
@Repository
public class AuditRepository {

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

	/**
	 * The groups of the run whose merge was sent that held any of these contacts, through the
	 * members' index of merges ({@code dedup_audit_merged_members}, as {@link #PLAN_GROUPS_HOLDING}).
	 */
	static final String MERGED_HOLDING = """
			SELECT dedup_member_ids(listed_group) AS members, excluded_contact_ids, source_contact_ids
			  FROM dedup_audit
			 WHERE (job_instance_id + 0) = :run AND group_key <> :key
			   AND (status IN ('MERGED', 'UNSETTLED', 'PENDING') OR reason = 'partially-merged')
			   AND dedup_member_ids(listed_group) && CAST(:members AS text[])
			""";

	/** A merge never sent forgotten, by the unique key. */
	static final String FORGET_UNSENT = """
			DELETE FROM dedup_audit WHERE job_instance_id = ? AND group_key = ? AND status = 'PENDING'
			""";

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbcClient;

	private final NamedParameterJdbcTemplate named;

	public AuditRepository(JdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbcClient = JdbcClient.create(jdbcTemplate);
		this.named = new NamedParameterJdbcTemplate(jdbcTemplate);
	}

	/**
	 * What the merges of the run (sent, whatever became of them) did to a group's members: whether one
	 * of them held every member (what that merge left listed: its survivor and those it kept out, the
	 * same people, decided on already), unless the group has a row of its own (a merge sent before a
	 * crash, to be sent again); and which members a merge took as a source or kept out, which the run
	 * does not decide on again.
	 */
	public EarlierMerges earlierMerges(long jobInstanceId, String groupKey, List<String> memberIds) {
		Set<String> group = Set.copyOf(memberIds);
		Set<String> keptOut = new HashSet<>();
		boolean[] leftByOne = { false };
		this.jdbcClient.sql(MERGED_HOLDING)
			.param("run", jobInstanceId)
			.param("key", groupKey)
			.param("members", memberIds.toArray(String[]::new))
			.query((rs) -> {
				if (Set.of((String[]) rs.getArray(1).getArray()).containsAll(group)) {
					leftByOne[0] = true;
				}
				for (int column = 2; column <= 3; column++) {
					for (String id : (String[]) rs.getArray(column).getArray()) {
						if (group.contains(id)) {
							keptOut.add(id);
						}
					}
				}
			});
		boolean left = leftByOne[0] && findByGroupKeys(jobInstanceId, Set.of(groupKey)).isEmpty();
		return new EarlierMerges(left, keptOut);
	}

	/**
	 * What the run's earlier merges did to a group's members.
	 *
	 * @param leftByAMerge whether the group is what one merge of the run left listed (and has no row of its own)
	 * @param keptOut the members a merge took as a source or kept out
	 */
	public record EarlierMerges(boolean leftByAMerge, Set<String> keptOut) {

		public static final EarlierMerges NONE = new EarlierMerges(false, Set.of());

	}

	/** Inserts or replaces the rows, in one batch. */
	public void save(List<AuditRecord> records) {
		batch(AuditRows.UPSERT, records);
	}

	/**
	 * Records the outcome of rows already saved (their merge was sent): status, what the API
	 * confirmed, the follow-up. Unlike {@link #save}, it does not send the listed group again.
	 */
	public void complete(List<AuditRecord> records) {
		batch(AuditRows.COMPLETE, records);
	}

	private void batch(String sql, List<AuditRecord> records) {
		if (!records.isEmpty()) {
			this.named.batchUpdate(sql, records.stream().map(AuditRows::columns).toArray(SqlParameterSource[]::new));
		}
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
			.query(AuditRows::read)
			.list()
			.forEach((record) -> found.put(record.plan().groupKey(), record));
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

	/**
	 * The groups of this run whose follow-up update is still to be sent (pending or failed): owed for
	 * every merge Invent applied, whatever the row's status (a merge that failed after some of its
	 * sources were merged in).
	 */
	public List<AuditRecord> findFollowUpsDue(long jobInstanceId) {
		return this.jdbcClient.sql("""
				SELECT * FROM dedup_audit WHERE job_instance_id = ?
				AND (status = 'MERGED' OR (status = 'FAILED' AND cardinality(merged_contact_ids) > 0))
				AND update_status IN ('PENDING', 'FAILED') ORDER BY id
				""").param(jobInstanceId).query(AuditRows::read).list();
	}

	/** How many follow-up updates of this run are still due (not sent yet, or failed). */
	public long countFollowUpsDue(long jobInstanceId) {
		return this.jdbcClient.sql("""
				SELECT count(*) FROM dedup_audit WHERE job_instance_id = ?
				AND (status = 'MERGED' OR (status = 'FAILED' AND cardinality(merged_contact_ids) > 0))
				AND update_status IN ('PENDING', 'FAILED')
				""").param(jobInstanceId).query(Long.class).single();
	}

	/** The groups of this run whose merge is UNSETTLED, in order. */
	public List<AuditRecord> findUnsettled(long jobInstanceId) {
		return this.jdbcClient.sql("SELECT * FROM dedup_audit WHERE job_instance_id = ? AND status = 'UNSETTLED' ORDER BY id")
			.param(jobInstanceId)
			.query(AuditRows::read)
			.list();
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
			.param("status", settled.outcome().status().name())
			.param("reason", settled.outcome().reason())
			.param("merged", settled.outcome().mergedIds().toArray(String[]::new))
			.param("detail", settled.outcome().detail())
			.param("updateStatus", (settled.outcome().followUp() != null) ? settled.outcome().followUp().status().name() : null)
			.param("by", by)
			.param("why", why)
			.param("instance", settled.plan().jobInstanceId())
			.param("key", settled.plan().groupKey())
			.update() == 1;
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
	 * Deletes the PENDING rows of merges that were never sent (their listing grew too old before
	 * their turn): the group is planned again from a fresh listing.
	 */
	public void forgetUnsent(Collection<AuditRecord> rows) {
		for (AuditRecord row : rows) {
			this.jdbcClient.sql(FORGET_UNSENT)
				.params(row.plan().jobInstanceId(), row.plan().groupKey())
				.update();
		}
	}

	/**
	 * Locks the rows of these groups of a run until the transaction ends, in the order of their ids,
	 * so that two people deciding on one group at once decide one after the other: the second then
	 * sees the first's decision.
	 */
	public void lockGroups(long jobInstanceId, Collection<String> groupKeys) {
		lock(jobInstanceId, groupKeys, "UPDATE");
	}

	/**
	 * Locks the rows of these decided groups of a run against a decision until the transaction
	 * ends ({@code FOR SHARE}: runs may share them, a decision's {@link #lockGroups} waits), so that
	 * a run reads the decisions its merges carry out, and records their PENDING rows, in one order
	 * with every decision on them.
	 */
	public void lockDecidedGroups(long jobInstanceId, Collection<String> groupKeys) {
		lock(jobInstanceId, groupKeys, "SHARE");
	}

	/**
	 * The merges by later runs of the org of these groups of a run (the same members, the same key),
	 * sent or being sent, by group key: a decision on such a group changes nothing any more. Read
	 * under {@link #lockGroups}, it sees every merge whose PENDING row a run recorded before the lock
	 * was taken (a run records it under a share lock of each decided row, {@link #lockDecidedGroups}).
	 */
	public Map<String, RunLookups.ActedOn> actedOn(String orgId, long jobInstanceId, Collection<String> groupKeys) {
		Map<String, RunLookups.ActedOn> acted = new HashMap<>();
		this.jdbcClient.sql("""
				SELECT group_key, job_instance_id, status FROM dedup_audit
				 WHERE group_key IN (:keys) AND status IN ('PENDING', 'MERGED', 'UNSETTLED', 'FAILED')
				   AND job_instance_id > :run AND org_id = :org
				   AND (status <> 'FAILED' OR cardinality(merged_contact_ids) > 0)
				 ORDER BY id
				""").param("run", jobInstanceId).param("org", orgId).param("keys", groupKeys).query((rs) -> {
					acted.putIfAbsent(rs.getString(1), new RunLookups.ActedOn(rs.getLong(2), rs.getString(3)));
				});
		return acted;
	}

	private void lock(long jobInstanceId, Collection<String> groupKeys, String mode) {
		this.jdbcClient.sql("SELECT id FROM dedup_audit WHERE job_instance_id = :run AND group_key IN (:keys) ORDER BY id FOR "
				+ mode).param("run", jobInstanceId).param("keys", groupKeys).query(Long.class).list();
	}

	/**
	 * The groups of a run in these statuses that any of these keys names (a {@code group_key}, or the
	 * id of a contact the group holds), in one query: by the run's unique key for the group keys, by
	 * the members' index for the contact ids ({@code job_instance_id + 0}, as {@link #planGroupsHolding}).
	 */
	public List<AuditRecord> findGroups(long jobInstanceId, Collection<AuditStatus> statuses, Collection<String> keys) {
		Map<Long, AuditRecord> found = new LinkedHashMap<>();
		this.jdbcClient.sql("""
				SELECT * FROM dedup_audit WHERE job_instance_id = :plan AND status IN (:statuses)
				   AND group_key = ANY (CAST(:keys AS text[]))
				UNION ALL
				SELECT * FROM dedup_audit WHERE (job_instance_id + 0) = :plan AND status IN (:statuses)
				   AND (status IN ('PLANNED', 'NEEDS_REVIEW') OR reason = 'names-differ')
				   AND dedup_member_ids(listed_group) && CAST(:keys AS text[])
				ORDER BY id
				""").param("plan", jobInstanceId)
			.param("statuses", statuses.stream().map(AuditStatus::name).toList())
			.param("keys", keys.toArray(String[]::new))
			.query((rs) -> {
				found.putIfAbsent(rs.getLong("id"), AuditRows.read(rs, 0));
			});
		return new ArrayList<>(found.values());
	}

	/** Deletes the audit rows written before {@code cutoff}; answers how many. */
	public int purgeOlderThan(Instant cutoff) {
		return this.jdbcClient.sql("DELETE FROM dedup_audit WHERE updated_at < ?")
			.param(Timestamp.from(cutoff))
			.update();
	}

	/** The counts of a run, from {@code dedup_run_summary}, where every count of a run is defined. */
	public RunFacts.Counts summarize(long jobInstanceId) {
		return this.jdbcClient.sql("SELECT * FROM dedup_run_summary WHERE job_instance_id = ?")
			.param(jobInstanceId)
			.query(RunFacts.Counts.ROWS)
			.optional()
			.orElseGet(RunFacts.Counts::none);
	}

}
