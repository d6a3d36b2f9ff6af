package io.inventdedup.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The groups that a run finds no longer listed, recorded in {@code dedup_audit} as SKIPPED
 * {@code no-longer-listed}: a reviewed plan's groups that the run's snapshot does not hold any more.
 * One statement in the database, whatever the size of the plan, and idempotent. The run's snapshot is read through
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

}
