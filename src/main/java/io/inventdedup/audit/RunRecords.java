package io.inventdedup.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.inventdedup.run.RunParameters;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What people read of runs, for the commands that need only the database and for the review in a
 * browser: the runs and their facts (from {@code dedup_run_summary}, what the collect step publishes
 * of its listings, {@code dedup_listed_run} and {@code dedup_run_listing}, and Spring Batch's
 * execution tables, which these modes read without a job repository), a run's rows
 * for its page and its CSV. The lookups a decision makes are {@link RunLookups}'. Read only: the
 * steps write the table through {@link AuditRepository}.
 */
public class RunRecords {

	/** The columns of the CSV export, in order. */
	public static final String CSV_COLUMNS = """
			id, job_instance_id, job_execution_id, org_id, group_key, dry_run, status, reason, detail,
			survivor_contact_id, source_contact_ids, merged_contact_ids, excluded_contact_ids, exclusion_reasons,
			http_status, error, planned_update, update_status, sent_update, update_http_status, update_error,
			created_at, updated_at""";

	private final JdbcClient jdbc;

	public RunRecords(JdbcTemplate jdbcTemplate) {
		this.jdbc = JdbcClient.create(jdbcTemplate);
	}

	/**
	 * One line of the list of runs: a run's last execution with its counts.
	 * @param dryRun the execution's {@code dryRun} parameter as given ({@code "true"}, ...), or null
	 */
	public record RunLine(long run, long execution, @Nullable String org, @Nullable String dryRun, long groups,
			long planned, long merged, long skipped, long failed, long pending, String status,
			@Nullable Instant startedAt) {

	}

	/**
	 * The last runs of every org, newest first, whatever their status (failed, stopped and started
	 * runs too, with or without audit rows).
	 */
	public List<RunLine> runs(int limit) {
		return this.jdbc.sql("""
				SELECT e.job_instance_id, e.job_execution_id, e.status, e.start_time,
				       coalesce(s.org_id, (SELECT p.parameter_value FROM batch_job_execution_params p
				         WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = :orgIdName)) AS org_id,
				       (SELECT p.parameter_value FROM batch_job_execution_params p
				         WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = :dryRunName) AS dry_run,
				       coalesce(s.groups, 0) AS groups, coalesce(s.planned, 0) AS planned,
				       coalesce(s.merged, 0) AS merged, coalesce(s.skipped, 0) AS skipped,
				       coalesce(s.failed, 0) AS failed, coalesce(s.pending, 0) AS pending
				  FROM batch_job_execution e
				  LEFT JOIN dedup_run_summary s ON s.job_instance_id = e.job_instance_id
				 WHERE e.job_execution_id = (SELECT max(l.job_execution_id) FROM batch_job_execution l
				                              WHERE l.job_instance_id = e.job_instance_id)
				 ORDER BY e.job_instance_id DESC LIMIT :limit
				""").params(names()).param("limit", limit).query((rs, row) -> new RunLine(rs.getLong("job_instance_id"),
				rs.getLong("job_execution_id"), rs.getString("org_id"), rs.getString("dry_run"), rs.getLong("groups"),
				rs.getLong("planned"), rs.getLong("merged"), rs.getLong("skipped"), rs.getLong("failed"),
				rs.getLong("pending"), rs.getString("status"), instant(rs.getTimestamp("start_time")))).list();
	}

	/** A run of an org, for the review's home page: its last execution and its counts. */
	public record OrgRun(String org, long run, long lastExecution, boolean dryRun, @Nullable String plan,
			String status, @Nullable String exitCode, @Nullable Instant started, @Nullable Instant ended, long groups,
			long planned, long merged, long skipped, long failed, long pending, long needsReview) {

	}

	/**
	 * The last {@code perOrg} runs of each org that listed its groups, newest first: their summary
	 * ({@code dedup_run_summary}) and their last execution's status and times.
	 */
	public List<OrgRun> lastRunsOfEachOrg(int perOrg) {
		return this.jdbc.sql("""
				SELECT r.org_id, s.job_instance_id, s.last_job_execution_id, s.dry_run, s.groups, s.planned, s.merged,
				       s.skipped, s.failed, s.pending, s.needs_review, e.status, e.exit_code, e.start_time, e.end_time,
				       (SELECT p.parameter_value FROM batch_job_execution_params p
				         WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = :planName) AS plan
				  FROM (SELECT org_id, job_instance_id,
				               row_number() OVER (PARTITION BY org_id ORDER BY job_instance_id DESC) AS n
				          FROM dedup_listed_run) r
				  JOIN LATERAL (SELECT * FROM dedup_run_summary v WHERE v.job_instance_id = r.job_instance_id) s ON true
				  JOIN batch_job_execution e ON e.job_execution_id = s.last_job_execution_id
				 WHERE r.n <= :perOrg
				 ORDER BY r.org_id, s.job_instance_id DESC
				""").params(names()).param("perOrg", perOrg).query((rs, row) -> new OrgRun(rs.getString("org_id"), rs.getLong("job_instance_id"),
				rs.getLong("last_job_execution_id"), rs.getBoolean("dry_run"), rs.getString("plan"),
				rs.getString("status"), rs.getString("exit_code"), instant(rs.getTimestamp("start_time")),
				instant(rs.getTimestamp("end_time")), rs.getLong("groups"), rs.getLong("planned"), rs.getLong("merged"),
				rs.getLong("skipped"), rs.getLong("failed"), rs.getLong("pending"), rs.getLong("needs_review")))
			.list();
	}

	/**
	 * The facts of the run that this job execution belongs to: its summary, listing, plan and the
	 * execution's status and times; null when there is no such execution.
	 */
	public Optional<RunFacts> run(long jobExecutionId) {
		return this.jdbc.sql("""
				SELECT s.*, e.job_instance_id AS instance, e.start_time, e.end_time, e.status AS execution_status,
				       e.exit_code, e.exit_message, coalesce(s.org_id, l.org_id, o.parameter_value) AS org,
				       l.announced, l.collected,
				       (SELECT p.parameter_value FROM batch_job_execution_params p
				         WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = :dryRunName)
				         AS dry_run_parameter,
				       (SELECT string_agg(p.parameter_name || '=' || p.parameter_value, ' ' ORDER BY p.parameter_name)
				          FROM batch_job_execution_params p
				         WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name IN (:policyNames)) AS policy_parameters,
				       l.listings, l.oldest_merge_age_ms,
				       (SELECT p.parameter_value FROM batch_job_execution_params p
				         WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = :planName) AS plan
				FROM batch_job_execution e
				LEFT JOIN dedup_run_summary s ON s.job_instance_id = e.job_instance_id
				LEFT JOIN dedup_run_listing l ON l.job_instance_id = e.job_instance_id
				LEFT JOIN batch_job_execution_params o
				       ON o.job_execution_id = e.job_execution_id AND o.parameter_name = :orgIdName
				WHERE e.job_execution_id = :execution
				""").params(names()).param("execution", jobExecutionId).query(RunRecords::facts).optional();
	}

	private static RunFacts facts(ResultSet rs, int row) throws SQLException {
		RunFacts.Counts counts = RunFacts.Counts.ROWS.mapRow(rs, row);
		RunFacts.ListingFacts listing = (rs.getObject("collected") != null)
				? new RunFacts.ListingFacts((rs.getObject("announced") != null) ? rs.getLong("announced") : -1,
						rs.getLong("collected"), rs.getInt("listings"),
						(rs.getObject("oldest_merge_age_ms") != null) ? rs.getLong("oldest_merge_age_ms") : -1)
				: null;
		return new RunFacts(rs.getLong("instance"), String.valueOf(rs.getString("org")),
				rs.getString("execution_status"), rs.getString("exit_code"), rs.getString("exit_message"),
				instant(rs.getTimestamp("start_time")), instant(rs.getTimestamp("end_time")),
				"true".equals(rs.getString("dry_run_parameter")), rs.getString("plan"),
				(rs.getString("policy") != null) ? rs.getString("policy") : rs.getString("policy_parameters"), counts,
				listing);
	}

	/** Spring Batch's times are local times of this JVM's zone. */
	static @Nullable Instant instant(@Nullable Timestamp time) {
		return (time != null) ? time.toInstant() : null;
	}

	/** The run's rows in this status (and, when given, with this reason), in order, at most {@code limit}. */
	public List<AuditRecord> rows(long jobInstanceId, AuditStatus status, @Nullable String reason, int limit) {
		return this.jdbc.sql("""
				SELECT * FROM dedup_audit WHERE job_instance_id = :run AND status = :status
				   AND (CAST(:reason AS text) IS NULL OR reason = :reason)
				 ORDER BY id LIMIT :limit
				""")
			.param("run", jobInstanceId)
			.param("status", status.name())
			.param("reason", reason)
			.param("limit", limit)
			.query(AuditRows::read)
			.list();
	}

	/** How many groups the run recorded. */
	public long countGroups(long jobInstanceId) {
		return this.jdbc.sql("SELECT count(*) FROM dedup_audit WHERE job_instance_id = ?")
			.param(jobInstanceId)
			.query(Long.class)
			.single();
	}

	/**
	 * The run's counts for its page: {@code byStatus}, {@code byReason} and {@code followUps}
	 * (planned, and by the update's status in lower case), each name to count.
	 */
	public Map<String, Map<String, Long>> pageCounts(long jobInstanceId) {
		Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
		counts.put("byStatus", counts("SELECT status, count(*) FROM dedup_audit WHERE job_instance_id = ? GROUP BY status",
				jobInstanceId));
		counts.put("byReason", counts("""
				SELECT reason, count(*) FROM dedup_audit WHERE job_instance_id = ? AND reason IS NOT NULL
				GROUP BY reason""", jobInstanceId));
		counts.put("followUps", counts("""
				SELECT s, n FROM (SELECT 'planned' AS s, count(*) FILTER (WHERE planned_update IS NOT NULL) AS n,
				    job_instance_id FROM dedup_audit GROUP BY job_instance_id
				  UNION ALL SELECT lower(update_status), count(*), job_instance_id FROM dedup_audit
				    WHERE update_status IS NOT NULL GROUP BY update_status, job_instance_id) f
				WHERE job_instance_id = ?""", jobInstanceId));
		return counts;
	}

	private Map<String, Long> counts(String sql, long jobInstanceId) {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.sql(sql).param(jobInstanceId).query((ResultSet rs) -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	/**
	 * Streams the run's rows for its page, the groups that need a look first (failed, pending,
	 * unsettled; changed since review and queued; planned and merged), at most {@code limit}: the
	 * whole row ({@link AuditRows#read}) and its {@code version} ({@link RunLookups#rowVersions}).
	 */
	public void pageRows(long jobInstanceId, long limit, RowCallbackHandler rows) {
		this.jdbc.sql("""
				SELECT a.*, """ + RunLookups.ROW_VERSION + """
				        AS version
				FROM dedup_audit a
				WHERE a.job_instance_id = ?
				ORDER BY CASE WHEN a.status IN ('FAILED', 'PENDING', 'UNSETTLED') THEN 0
				              WHEN a.reason = 'changed-since-review' OR a.status = 'NEEDS_REVIEW' THEN 1
				              WHEN a.status IN ('PLANNED', 'MERGED') THEN 2 ELSE 3 END, a.id
				LIMIT ?
				""").params(jobInstanceId, limit).query(rows);
	}

	/**
	 * Streams the rows of the run that this job execution belongs to for the CSV, in order: the
	 * {@link #CSV_COLUMNS}, then the listed group as text ({@code listed}).
	 */
	public void csvRows(long jobExecutionId, RowCallbackHandler rows) {
		this.jdbc.sql("SELECT " + CSV_COLUMNS + ", listed_group::text AS listed FROM dedup_audit WHERE "
				+ "job_instance_id = (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?) "
				+ "ORDER BY id").param(jobExecutionId).query(rows);
	}

	/** The names of the job parameters these queries read, as {@link RunParameters} spells them. */
	private static Map<String, Object> names() {
		return Map.of("orgIdName", RunParameters.ORG_ID, "dryRunName", RunParameters.DRY_RUN, "planName",
				RunParameters.PLAN, "policyNames", RunParameters.POLICY_RECORDED);
	}

}
