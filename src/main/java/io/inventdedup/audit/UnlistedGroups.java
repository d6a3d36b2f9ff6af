package io.inventdedup.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The groups that a run finds no longer listed, recorded in {@code dedup_audit} as SKIPPED
 * {@code no-longer-listed}: a reviewed plan's groups that the run's snapshot does not hold any more,
 * and the groups of a window the run could not handle that left the listing before it read on. Each is one statement in
 * the database, whatever the size of the plan, and idempotent. The run's snapshot is read through
 * the view the collect step publishes of it, {@code dedup_listed_group}.
 */
@Repository
public class UnlistedGroups {

	private final JdbcClient jdbcClient;

	public UnlistedGroups(JdbcTemplate jdbcTemplate) {
		this.jdbcClient = JdbcClient.create(jdbcTemplate);
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
				           FROM dedup_listed_group s, unnest(dedup_member_ids(s.listed_group::jsonb)) AS m(id)
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
	 * Records, when a pass over the listing ends, the groups of its windows that the run had not
	 * handled (their window's bound came first; not what a merge of the run left listed, all of whose
	 * members its merges held) and that no later window of the pass holds any member
	 * of: SKIPPED {@code no-longer-listed} (merged by hand, dissolved, while the run went on). A group
	 * whose members are listed under another key now is no such group: it is handled from the fresh
	 * data. One statement, idempotent; run only for a pass that a bound cut short.
	 * @param firstListing the first listing (window) of the pass
	 * @return how many groups it recorded
	 */
	public int recordUnlisted(long jobInstanceId, long jobExecutionId, int firstListing, boolean dryRun, String policy) {
		return this.jdbcClient.sql("""
				WITH pass AS MATERIALIZED (
				         SELECT s.id, s.org_id, s.group_key, s.listing, s.listed_group::jsonb AS listed_group
				           FROM dedup_listed_group s
				          WHERE s.job_instance_id = :run AND s.listing >= :first),
				     unhandled AS MATERIALIZED (
				         SELECT p.* FROM pass p
				          WHERE NOT EXISTS (SELECT 1 FROM dedup_audit a
				                             WHERE a.job_instance_id = :run AND a.group_key = p.group_key)
				            AND EXISTS (SELECT 1 FROM unnest(dedup_member_ids(p.listed_group)) AS m(id)
				                         WHERE NOT EXISTS (SELECT 1 FROM dedup_audit r
				                                            WHERE (r.job_instance_id + 0) = :run
				                                              AND (r.status IN ('MERGED', 'UNSETTLED', 'PENDING')
				                                                   OR r.reason = 'partially-merged')
				                                              AND dedup_member_ids(r.listed_group) @> ARRAY[m.id]))),
				     later AS (
				         SELECT m.id AS member, max(p.listing) AS last_listing
				           FROM pass p, unnest(dedup_member_ids(p.listed_group)) AS m(id)
				          GROUP BY m.id),
				     still_listed AS (
				         SELECT DISTINCT u.id
				           FROM unhandled u CROSS JOIN LATERAL unnest(dedup_member_ids(u.listed_group)) AS m(id)
				           JOIN later ON later.member = m.id AND later.last_listing > u.listing)
				INSERT INTO dedup_audit (job_instance_id, job_execution_id, org_id, group_key, dry_run, status, reason,
				    detail, listed_group, policy)
				SELECT :run, :execution, u.org_id, u.group_key, :dryRun, 'SKIPPED', 'no-longer-listed',
				       'listed by window ' || u.listing || ' of this run, whose bound came before it was handled; no '
				           || 'later window holds any of its members (merged by hand, or dissolved, while the run went on)',
				       u.listed_group, CAST(:policy AS jsonb)
				  FROM unhandled u LEFT JOIN still_listed ON still_listed.id = u.id
				 WHERE still_listed.id IS NULL
				ON CONFLICT (job_instance_id, group_key) DO NOTHING
				""")
			.param("run", jobInstanceId)
			.param("execution", jobExecutionId)
			.param("first", firstListing)
			.param("dryRun", dryRun)
			.param("policy", policy)
			.update();
	}

}
