package io.inventdedup.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The groups that a run finds no longer listed, recorded in {@code dedup_audit} as SKIPPED
 * {@code no-longer-listed}: a reviewed plan's groups that the run's snapshot does not hold any more,
 * and the groups of a run's earlier listing that its fresh listing dropped. Each is one statement in
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
				           FROM dedup_listed_group s, unnest(dedup_member_ids(s.listed_group::jsonb)) AS m(id)
				          WHERE s.job_instance_id = :run AND s.listing = :listing),
				     earlier AS (
				         SELECT s.id, s.org_id, s.group_key, s.listing, s.listed_group::jsonb AS listed_group
				           FROM dedup_listed_group s
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

}
