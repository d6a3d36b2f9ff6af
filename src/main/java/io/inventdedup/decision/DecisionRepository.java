package io.inventdedup.decision;

import java.sql.ResultSet;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.inventdedup.audit.AuditRows;
import io.inventdedup.audit.RunFacts;
import io.inventdedup.policy.Exclusion;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Owns what operators decide in review: {@code dedup_hold} (contacts never merged),
 * {@code dedup_rejection} (planned groups an apply run must not merge, and queued groups no run
 * merges) and {@code dedup_approval} (queued groups a person approved). The groups they are about
 * it reads through what the other rooms publish: the audit's {@code dedup_recorded_group} and the
 * runs of each org ({@code dedup_listed_run}), joined with its tables in one statement.
 */
@Repository
public class DecisionRepository {

	private final JdbcClient jdbc;

	public DecisionRepository(JdbcTemplate jdbcTemplate) {
		this.jdbc = JdbcClient.create(jdbcTemplate);
	}

	/**
	 * A person's decisions on a group, for its page: their version (it changes with every decision
	 * and its undoing), the state they leave it in, and who decided what and when, in words.
	 */
	public record DecidedGroup(String version, GroupDecision.State state, String decision) {

	}

	/**
	 * The decided groups of a run, by group key: all of them, or when {@code groupKeys} is given those
	 * among them. A group no one decided on is absent.
	 */
	public Map<String, DecidedGroup> decided(long runInstanceId, @Nullable Collection<String> groupKeys) {
		Map<String, DecidedGroup> decided = new HashMap<>();
		this.jdbc.sql("""
				SELECT k.group_key,
				       md5(concat_ws('|', ap.approved_by, ap.approved_at, ap.reason, rj.rejected_by, rj.rejected_at,
				                     rj.reason)) AS version,
				       concat_ws('; ',
				           'approved by ' || ap.approved_by || ' at '
				               || to_char(ap.approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') || ': ' || ap.reason,
				           'rejected by ' || rj.rejected_by || ' at '
				               || to_char(rj.rejected_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') || ': ' || rj.reason)
				           AS decision,
				       CASE WHEN ap.group_key IS NOT NULL THEN 'APPROVED' ELSE 'REJECTED' END AS state
				  FROM (SELECT group_key FROM dedup_approval WHERE run_instance_id = :run
				        UNION SELECT group_key FROM dedup_rejection WHERE plan_instance_id = :run) k
				  LEFT JOIN dedup_approval ap ON ap.run_instance_id = :run AND ap.group_key = k.group_key
				  LEFT JOIN dedup_rejection rj ON rj.plan_instance_id = :run AND rj.group_key = k.group_key
				 WHERE CAST(:keys AS text[]) IS NULL OR k.group_key = ANY (CAST(:keys AS text[]))
				""")
			.param("run", runInstanceId)
			.param("keys", (groupKeys != null) ? groupKeys.toArray(String[]::new) : null, Types.ARRAY)
			.query((ResultSet rs) -> {
				decided.put(rs.getString("group_key"), new DecidedGroup(rs.getString("version"),
						GroupDecision.State.valueOf(rs.getString("state")), rs.getString("decision")));
			});
		return decided;
	}

	/** Holds these contacts of the org (a contact held already gets the new reason). */
	public void hold(String orgId, Collection<String> contactIds, String reason, String by) {
		decide("""
				INSERT INTO dedup_hold (org_id, contact_id, reason, held_by)
				SELECT :of, id, :reason, :by FROM (SELECT DISTINCT unnest(CAST(:ids AS text[])) AS id) ids
				ON CONFLICT (org_id, contact_id) DO UPDATE SET reason = excluded.reason,
				    held_by = excluded.held_by, held_at = now()
				""", orgId, contactIds, reason, by);
	}

	/** Ends the holds of these contacts; answers those that were held. */
	public List<String> release(String orgId, Collection<String> contactIds) {
		return this.jdbc.sql("DELETE FROM dedup_hold WHERE org_id = :org AND contact_id IN (:ids) RETURNING contact_id")
			.param("org", orgId)
			.param("ids", contactIds)
			.query(String.class)
			.list();
	}

	/** A contact held out of every merge: who held it, when and why. */
	public record Hold(String contactId, String reason, String heldBy, Instant heldAt) {

		/** {@code by alice at 2026-12-05 07:12 UTC: a VIP}. */
		public String describe() {
			return "by " + this.heldBy + " at " + RunFacts.time(this.heldAt) + ": " + this.reason;
		}

	}

	/**
	 * A group waiting for a person, and since when (the first run that queued it), with the merge it
	 * was planned as.
	 * @param policy the run's policy as recorded on the row (JSON)
	 * @param plannedUpdate what the survivor would carry after the merge (JSON), or null
	 * @param decided whether a person decided on it already (it stays in the queue until a run acts)
	 */
	public record QueuedGroup(String orgId, long runInstanceId, long jobExecutionId, String groupKey,
			@Nullable String reason, @Nullable String detail, String listedGroup, Instant waitingSince,
			@Nullable String survivorId, List<String> sources, List<Exclusion> excluded, @Nullable String plannedUpdate,
			@Nullable String policy, boolean decided) {

	}

	/** The org's holds, by contact id. */
	public List<Hold> holds(String orgId) {
		return this.jdbc.sql("SELECT contact_id, reason, held_by, held_at FROM dedup_hold WHERE org_id = ? ORDER BY contact_id")
			.param(orgId)
			.query((rs, row) -> new Hold(rs.getString("contact_id"), rs.getString("reason"), rs.getString("held_by"),
					rs.getTimestamp("held_at").toInstant()))
			.list();
	}

	/** The org's held contacts. */
	public Set<String> heldContacts(String orgId) {
		return new HashSet<>(this.jdbc.sql("SELECT contact_id FROM dedup_hold WHERE org_id = ?")
			.param(orgId)
			.query(String.class)
			.list());
	}

	/**
	 * Records an approval or a rejection of these groups of the run (a group decided so already gets
	 * the new reason and name).
	 */
	public void record(GroupDecision.Kind kind, long runInstanceId, Collection<String> groupKeys, String reason,
			String by) {
		decide(switch (kind) {
			case APPROVAL -> """
					INSERT INTO dedup_approval (run_instance_id, group_key, reason, approved_by)
					SELECT :of, id, :reason, :by FROM (SELECT DISTINCT unnest(CAST(:ids AS text[])) AS id) ids
					ON CONFLICT (run_instance_id, group_key) DO UPDATE SET reason = excluded.reason,
					    approved_by = excluded.approved_by, approved_at = now()
					""";
			case REJECTION -> """
					INSERT INTO dedup_rejection (plan_instance_id, group_key, reason, rejected_by)
					SELECT :of, id, :reason, :by FROM (SELECT DISTINCT unnest(CAST(:ids AS text[])) AS id) ids
					ON CONFLICT (plan_instance_id, group_key) DO UPDATE SET reason = excluded.reason,
					    rejected_by = excluded.rejected_by, rejected_at = now()
					""";
		}, runInstanceId, groupKeys, reason, by);
	}

	/** Takes back the approvals or the rejections of these groups of the run; answers the groups that had one. */
	public List<String> takeBack(GroupDecision.Kind kind, long runInstanceId, Collection<String> groupKeys) {
		return this.jdbc.sql(switch (kind) {
			case APPROVAL -> """
					DELETE FROM dedup_approval WHERE run_instance_id = :run AND group_key IN (:keys) RETURNING group_key
					""";
			case REJECTION -> """
					DELETE FROM dedup_rejection WHERE plan_instance_id = :run AND group_key IN (:keys) RETURNING group_key
					""";
		}).param("run", runInstanceId).param("keys", groupKeys).query(String.class).list();
	}

	/** One decision on many groups or contacts of one run or org: one statement, whatever their number. */
	private void decide(String upsert, Object of, Collection<String> ids, String reason, String by) {
		this.jdbc.sql(upsert)
			.param("of", of)
			.param("ids", ids.toArray(String[]::new))
			.param("reason", reason)
			.param("by", by)
			.update();
	}

	/**
	 * The decisions already taken on these groups of a run that a new decision would contradict: the
	 * rejections when {@code approving}, else the approvals; group key to
	 * {@code "rejected by bob at 2026-12-05 07:12 UTC: a family"}.
	 */
	public Map<String, String> contradicted(long runInstanceId, Collection<String> groupKeys, boolean approving) {
		Map<String, String> decided = new LinkedHashMap<>();
		String sql = approving ? """
				SELECT group_key, 'rejected by ' || rejected_by || ' at '
				       || to_char(rejected_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') || ': ' || reason
				  FROM dedup_rejection WHERE plan_instance_id = :run AND group_key IN (:keys) ORDER BY group_key
				""" : """
				SELECT group_key, 'approved by ' || approved_by || ' at '
				       || to_char(approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') || ': ' || reason
				  FROM dedup_approval WHERE run_instance_id = :run AND group_key IN (:keys) ORDER BY group_key
				""";
		this.jdbc.sql(sql).param("run", runInstanceId).param("keys", groupKeys).query((ResultSet rs) -> {
			decided.put(rs.getString(1), rs.getString(2));
		});
		return decided;
	}

	/**
	 * Whether a person decided on any group of the org that waited for review: an approval no older
	 * than {@code approvalsFor}, or a rejection. Two index lookups, so that a run asks for the
	 * decision on each doubtful group only once there is one to find.
	 */
	public boolean anyQueuedDecision(String orgId, Duration approvalsFor) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM dedup_approval p JOIN dedup_recorded_group a
				                 ON a.job_instance_id = p.run_instance_id AND a.group_key = p.group_key
				                WHERE a.org_id = :org AND p.approved_at > now() - make_interval(secs => :approvalsFor))
				    OR EXISTS (SELECT 1 FROM dedup_rejection r JOIN dedup_recorded_group a
				                 ON a.job_instance_id = r.plan_instance_id AND a.group_key = r.group_key
				                WHERE a.org_id = :org AND a.status = 'NEEDS_REVIEW')
				""").param("org", orgId).param("approvalsFor", approvalsFor.toSeconds()).query(Boolean.class).single();
	}

	/**
	 * The last decision of a person on a group of the org that waited for review (or was skipped as
	 * {@code names-differ}, which a person may approve all the same) and shares a member with
	 * {@code memberIds}: an approval no older than {@code approvalsFor}, or a rejection.
	 */
	public Optional<QueuedDecision> lastDecisionOn(String orgId, Collection<String> memberIds, Duration approvalsFor) {
		return this.jdbc.sql(LAST_DECISION)
			.param("approvalsFor", approvalsFor.toSeconds())
			.param("org", orgId)
			.param("members", memberIds.toArray(String[]::new))
			.query((rs, row) -> new QueuedDecision(rs.getLong("job_instance_id"), rs.getString("group_key"),
					rs.getString("listed_group"),
					rs.getString("survivor_contact_id"), AuditRows.strings(rs.getArray("source_contact_ids")),
					AuditRows.exclusions(rs.getArray("excluded_contact_ids"), rs.getArray("exclusion_reasons")),
					rs.getString("planned_update"), rs.getBoolean("approved"), rs.getString("decided_by"),
					rs.getString("reason"), rs.getTimestamp("decided_at").toInstant()))
			.optional();
	}

	/**
	 * The queue: the groups left for a person, that is the NEEDS_REVIEW rows of each org's last run
	 * (every run queues again what is undecided), those that waited longest first (since the first
	 * run that queued them), of one org or of all ({@code orgId} null), at most {@code limit}. A
	 * group decided on stays in it, {@code decided}, until a run acts on the decision.
	 * @param withDecided whether the groups decided on are listed too (the queue's page), or only the
	 * undecided ones (the home page)
	 */
	public List<QueuedGroup> queue(@Nullable String orgId, int limit, boolean withDecided) {
		return this.jdbc.sql(QUEUE + """
				SELECT q.*,
				       (SELECT min(f.created_at) FROM dedup_recorded_group f
				         WHERE f.org_id = q.org_id AND f.group_key = q.group_key AND f.status = 'NEEDS_REVIEW') AS waiting_since
				  FROM decided q
				 WHERE (CAST(:org AS text) IS NULL OR q.org_id = :org) AND (:withDecided OR NOT q.decided)
				 ORDER BY waiting_since, q.id
				 LIMIT :limit
				""").param("org", orgId).param("limit", limit).param("withDecided", withDecided).query((rs, row) -> new QueuedGroup(rs.getString("org_id"),
				rs.getLong("job_instance_id"), rs.getLong("job_execution_id"), rs.getString("group_key"),
				rs.getString("reason"), rs.getString("detail"), rs.getString("listed_group"),
				rs.getTimestamp("waiting_since").toInstant(), rs.getString("survivor_contact_id"),
				AuditRows.strings(rs.getArray("source_contact_ids")),
				AuditRows.exclusions(rs.getArray("excluded_contact_ids"), rs.getArray("exclusion_reasons")),
				rs.getString("planned_update"), rs.getString("policy"), rs.getBoolean("decided")))
			.list();
	}

	/**
	 * An org's queue at a glance.
	 * @param groups how many groups wait for a person
	 * @param oldestSince since when the group that waited longest waits (the first run that queued it),
	 * or null when none waits
	 */
	public record QueueFacts(long groups, @Nullable Instant oldestSince) {

	}

	/** The org's queue at a glance (see {@link #queue}). */
	public QueueFacts queueFacts(String orgId) {
		return this.jdbc.sql(QUEUE + """
				SELECT count(DISTINCT q.id) AS n, min(f.created_at) AS since
				  FROM decided q JOIN dedup_recorded_group f
				    ON f.org_id = q.org_id AND f.group_key = q.group_key AND f.status = 'NEEDS_REVIEW'
				 WHERE q.org_id = :org AND NOT q.decided
				""").param("org", orgId).query((rs, row) -> new QueueFacts(rs.getLong("n"),
				(rs.getTimestamp("since") != null) ? rs.getTimestamp("since").toInstant() : null)).single();
	}

	/**
	 * How a run's groups left for a person stand: the one count that the queue, the home page, the
	 * run's page, {@code --report} and the metrics show.
	 * @param undecided groups that wait for a person
	 * @param approved groups a person approved, merged by the next real run while they stay the same
	 * @param rejected groups a person rejected, merged by no run while they stay the same
	 */
	public record ReviewCounts(long undecided, long approved, long rejected) {

		/** {@code 20 (8 undecided, 7 approved, 5 rejected)}, or {@code 0}. */
		public String describe() {
			long all = this.undecided + this.approved + this.rejected;
			return (all == 0) ? "0" : all + " (" + this.undecided + " undecided, " + this.approved + " approved, "
					+ this.rejected + " rejected)";
		}

	}

	/** How the groups that this run left for a person stand now. */
	public ReviewCounts reviewCounts(long runInstanceId) {
		return reviewCounts(List.of(runInstanceId)).get(runInstanceId);
	}

	/** How the groups that each of these runs left for a person stand now, in one query, by run. */
	public Map<Long, ReviewCounts> reviewCounts(Collection<Long> runInstanceIds) {
		Map<Long, ReviewCounts> counts = new HashMap<>();
		runInstanceIds.forEach((run) -> counts.put(run, new ReviewCounts(0, 0, 0)));
		if (runInstanceIds.isEmpty()) {
			return counts;
		}
		this.jdbc.sql("""
				SELECT a.job_instance_id,
				       count(*) FILTER (WHERE ap.group_key IS NULL AND rj.group_key IS NULL) AS undecided,
				       count(ap.group_key) AS approved, count(rj.group_key) FILTER (WHERE ap.group_key IS NULL) AS rejected
				  FROM dedup_recorded_group a
				  LEFT JOIN dedup_approval ap ON ap.run_instance_id = a.job_instance_id AND ap.group_key = a.group_key
				  LEFT JOIN dedup_rejection rj ON rj.plan_instance_id = a.job_instance_id AND rj.group_key = a.group_key
				 WHERE a.job_instance_id IN (:runs) AND a.status = 'NEEDS_REVIEW'
				 GROUP BY a.job_instance_id
				""").param("runs", runInstanceIds).query((rs) -> {
					counts.put(rs.getLong(1), new ReviewCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
				});
		return counts;
	}

	/** How many groups wait for a person (undecided), by org (see {@link #queue}). */
	public Map<String, Long> queuedByOrg() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.sql(QUEUE + "SELECT org_id, count(*) FROM decided WHERE NOT decided GROUP BY org_id ORDER BY org_id")
			.query((rs) -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		return counts;
	}

	/**
	 * The last decision on a queued group sharing a member, whatever the plan: the groups through
	 * the members' index alone, then each group's decisions by their keys. The status is written as
	 * the members' index's own predicate, so that PostgreSQL can use it, and {@code org_id || ''},
	 * {@code status || ''} keep it off the org's and the queue's btree indexes, which a plan without
	 * statistics preferred: it read every queued group of the org for each doubtful one.
	 */
	public static final String LAST_DECISION = """
			SELECT a.job_instance_id, a.group_key, a.listed_group::text AS listed_group, a.survivor_contact_id,
			       a.source_contact_ids, a.excluded_contact_ids, a.exclusion_reasons, a.planned_update,
			       d.approved, d.decided_by, d.reason, d.decided_at
			  FROM dedup_recorded_group a
			 CROSS JOIN LATERAL (
			        SELECT true AS approved, p.approved_by AS decided_by, p.reason, p.approved_at AS decided_at
			          FROM dedup_approval p
			         WHERE p.run_instance_id = a.job_instance_id AND p.group_key = a.group_key
			           AND p.approved_at > now() - make_interval(secs => :approvalsFor)
			        UNION ALL
			        SELECT false, r.rejected_by, r.reason, r.rejected_at
			          FROM dedup_rejection r
			         WHERE r.plan_instance_id = a.job_instance_id AND r.group_key = a.group_key) d
			 WHERE (a.org_id || '') = :org AND ((a.status || '') = 'NEEDS_REVIEW' OR (a.reason || '') = 'names-differ')
			   AND (a.status IN ('PLANNED', 'NEEDS_REVIEW') OR a.reason = 'names-differ')
			   AND dedup_member_ids(a.listed_group) && CAST(:members AS text[])
			 ORDER BY d.decided_at DESC, a.id DESC
			 LIMIT 1
			""";

	private static final String QUEUE = """
			WITH latest AS (SELECT org_id, max(job_instance_id) AS job_instance_id FROM dedup_listed_run GROUP BY org_id),
			     queued AS (SELECT a.id, a.org_id, a.job_instance_id, a.job_execution_id, a.group_key, a.reason,
			                       a.detail, a.listed_group::text AS listed_group, a.survivor_contact_id,
			                       a.source_contact_ids, a.excluded_contact_ids, a.exclusion_reasons,
			                       a.planned_update::text AS planned_update, a.policy::text AS policy
			                  FROM dedup_recorded_group a
			                  JOIN latest l ON l.org_id = a.org_id AND l.job_instance_id = a.job_instance_id
			                 WHERE a.status = 'NEEDS_REVIEW'),
			     decided AS (SELECT q.*, (EXISTS (SELECT 1 FROM dedup_approval p
			                                       WHERE p.run_instance_id = q.job_instance_id AND p.group_key = q.group_key)
			                              OR EXISTS (SELECT 1 FROM dedup_rejection r
			                                       WHERE r.plan_instance_id = q.job_instance_id AND r.group_key = q.group_key))
			                             AS decided
			                   FROM queued q)
			""";

	/**
	 * The groups of the org that a run left waiting for a person (NEEDS_REVIEW), by group key: the
	 * last run that queued each and why. A group keeps its key while its members stay the same, so a
	 * later run keeps such a group for a person (whatever its verdict now) until one decides it.
	 */
	public Map<String, Waiting> waitingGroups(String orgId) {
		Map<String, Waiting> waiting = new HashMap<>();
		this.jdbc.sql("""
				SELECT DISTINCT ON (group_key) group_key, job_instance_id, reason FROM dedup_recorded_group
				 WHERE org_id = :org AND status = 'NEEDS_REVIEW'
				 ORDER BY group_key, job_instance_id DESC
				""").param("org", orgId).query((rs) -> {
					waiting.put(rs.getString(1), new Waiting(rs.getLong(2), rs.getString(3)));
				});
		return waiting;
	}

	/**
	 * A group that a run left for a person.
	 * @param run the last run that queued it
	 * @param reason why (a skip reason's code)
	 */
	public record Waiting(long run, String reason) {
	}

	/**
	 * Of these groups of a run, those a person approved (and no one took back): read again by a run
	 * before it sends the merge an approval asked for.
	 */
	public Set<String> approvedNow(long runInstanceId, Collection<String> groupKeys) {
		return new HashSet<>(this.jdbc.sql("SELECT group_key FROM dedup_approval WHERE run_instance_id = :run AND group_key IN (:keys)")
			.param("run", runInstanceId)
			.param("keys", groupKeys)
			.query(String.class)
			.list());
	}

	/** Of these planned groups of a dry run, those a person rejected: read again before the apply sends them. */
	public Set<String> rejectedNow(long planInstanceId, Collection<String> groupKeys) {
		return new HashSet<>(this.jdbc.sql("SELECT group_key FROM dedup_rejection WHERE plan_instance_id = :plan AND group_key IN (:keys)")
			.param("plan", planInstanceId)
			.param("keys", groupKeys)
			.query(String.class)
			.list());
	}

	/** The plan's rejected groups: group key to {@code "by NAME: REASON"}. */
	public Map<String, String> rejections(long planInstanceId) {
		Map<String, String> rejections = new LinkedHashMap<>();
		this.jdbc.sql("SELECT group_key, rejected_by, reason FROM dedup_rejection WHERE plan_instance_id = ? ORDER BY group_key")
			.param(planInstanceId)
			.query((rs) -> {
				rejections.put(rs.getString(1), "by " + rs.getString(2) + ": " + rs.getString(3));
			});
		return rejections;
	}

}
