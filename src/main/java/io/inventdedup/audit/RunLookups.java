package io.inventdedup.audit;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.inventdedup.run.RunParameters;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lookups a person's decision makes before it is recorded, on the database alone: which run a job
 * execution belongs to and its org, whether a run holds a contact or is still going, whether an apply
 * run took up a plan, whether a merge took a contact away, and a group row's version. Read only.
 */
public class RunLookups {

	/**
	 * A row's version: it changes whenever the row does (its status, reason or time of update), so
	 * that a decision taken on what a page showed can be refused once the group changed.
	 */
	static final String ROW_VERSION = "md5(concat_ws('|', a.status, a.reason, a.updated_at))";

	private final JdbcClient jdbc;

	public RunLookups(JdbcTemplate jdbcTemplate) {
		this.jdbc = JdbcClient.create(jdbcTemplate);
	}

	/** The version of each of these groups' rows ({@link #ROW_VERSION}), by group key. */
	public Map<String, String> rowVersions(long jobInstanceId, Collection<String> groupKeys) {
		Map<String, String> versions = new HashMap<>();
		this.jdbc.sql("SELECT a.group_key, " + ROW_VERSION
				+ " FROM dedup_audit a WHERE a.job_instance_id = :run AND a.group_key IN (:keys)")
			.param("run", jobInstanceId)
			.param("keys", groupKeys)
			.query((ResultSet rs) -> {
				versions.put(rs.getString(1), rs.getString(2));
			});
		return versions;
	}

	/** The row of this group in the run that this job execution belongs to, if any. */
	public Optional<AuditRecord> findByExecution(long jobExecutionId, String groupKey) {
		return this.jdbc.sql("""
				SELECT * FROM dedup_audit WHERE group_key = :key AND job_instance_id =
				    (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = :execution)
				""").param("key", groupKey).param("execution", jobExecutionId).query(AuditRows::read).optional();
	}

	/** The run (job instance) that this job execution belongs to, if there is such an execution. */
	public Optional<Long> instanceOf(long jobExecutionId) {
		return this.jdbc.sql("SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?")
			.param(jobExecutionId)
			.query(Long.class)
			.optional();
	}

	/** The org of a run, when it recorded any group. */
	public Optional<String> orgOfRun(long jobInstanceId) {
		return this.jdbc.sql("SELECT org_id FROM dedup_audit WHERE job_instance_id = ? LIMIT 1")
			.param(jobInstanceId)
			.query(String.class)
			.optional();
	}

	/** Whether any run of this org was started here (whatever became of it). */
	public boolean orgHasRuns(String orgId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM batch_job_execution_params WHERE parameter_name = ? "
				+ "AND parameter_value = ?)").params(RunParameters.ORG_ID, orgId).query(Boolean.class).single();
	}

	/** Whether a group of the run holds this contact. */
	public boolean runHolds(long jobInstanceId, String contactId) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM dedup_audit WHERE job_instance_id = ?
				                  AND dedup_member_ids(listed_group) @> ARRAY[?::text])
				""").params(jobInstanceId, contactId).query(Boolean.class).single();
	}

	/** Whether the run's last execution is still going (or was left so by a process that died). */
	public boolean runInProgress(long jobInstanceId) {
		return this.jdbc.sql("""
				SELECT count(*) FROM batch_job_execution WHERE job_instance_id = ?
				AND status IN ('STARTING', 'STARTED', 'STOPPING')
				""").param(jobInstanceId).query(Long.class).single() > 0;
	}

	/**
	 * The apply run that names this dry run as its plan, the first if several did: who applied the plan
	 * (or is applying it), so that no one decides on its planned groups as if it were still to come.
	 */
	public Optional<Application> applicationOf(long planInstanceId) {
		return this.jdbc.sql("""
				SELECT e.job_instance_id, e.job_execution_id, e.status, e.start_time
				  FROM batch_job_execution_params p JOIN batch_job_execution e ON e.job_execution_id = p.job_execution_id
				 WHERE p.parameter_name = :planName
				   AND p.parameter_value IN (SELECT CAST(d.job_execution_id AS text) FROM batch_job_execution d
				                              WHERE d.job_instance_id = :plan)
				 ORDER BY e.job_execution_id LIMIT 1
				""")
			.param("plan", planInstanceId)
			.param("planName", RunParameters.PLAN)
			.query((rs, row) -> new Application(rs.getLong("job_instance_id"), rs.getLong("job_execution_id"),
					rs.getString("status"), RunRecords.instant(rs.getTimestamp("start_time"))))
			.optional();
	}

	/**
	 * An apply run of a plan.
	 * @param status its first execution's status: {@code STARTED} while it applies the plan
	 */
	public record Application(long run, long execution, String status, @Nullable Instant started) {

		/** Whether it is applying the plan now. */
		public boolean going() {
			return "STARTED".equals(this.status) || "STARTING".equals(this.status);
		}

		/** {@code plan 1 was applied by run 2 (job execution 3) at 2026-12-05 07:09 UTC}. */
		public String describe(long planInstanceId) {
			boolean going = going();
			return "plan " + planInstanceId + (going ? " is being applied by run " : " was applied by run ") + this.run
					+ " (job execution " + this.execution + (going ? ") since " : ") at ") + RunFacts.time(this.started);
		}

	}

	/** The merge of the org that merged this contact away, if one did: a contact merged away is gone from Invent. */
	public Optional<AuditRecord> mergedAway(String orgId, String contactId) {
		return this.jdbc.sql("""
				SELECT * FROM dedup_audit WHERE org_id = ? AND status IN ('MERGED', 'FAILED', 'UNSETTLED')
				   AND ? = ANY (merged_contact_ids) ORDER BY id LIMIT 1
				""").params(orgId, contactId).query(AuditRows::read).optional();
	}

	/**
	 * A later run's merge of a group that a person decided on.
	 * @param run the run that merges it
	 * @param status its row's status ({@code PENDING} while it is being sent)
	 */
	public record ActedOn(long run, String status) {

		/** {@code run 4 is merging this group}, {@code run 4 merged this group}. */
		public String describe() {
			return "run " + this.run + ("PENDING".equals(this.status) ? " is merging this group"
					: "UNSETTLED".equals(this.status) ? " sent this group's merge (its answer was lost)" : " merged this group");
		}

	}

}
