package io.inventdedup.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import io.inventdedup.policy.Exclusion;
import io.inventdedup.policy.ExclusionReason;

/**
 * The columns of a {@code dedup_audit} row, to and from an {@link AuditRecord}, by name: one mapping
 * for every query of the table, so that a column is read and written the same way wherever it is.
 */
public final class AuditRows {

	/** A chunk's rows written: one conflict lookup on {@code dedup_audit_once} a row. */
	static final String UPSERT = """
			INSERT INTO dedup_audit (job_instance_id, job_execution_id, org_id, group_key, dry_run, status, reason,
			    survivor_contact_id, source_contact_ids, merged_contact_ids, excluded_contact_ids, exclusion_reasons,
			    detail, http_status, error, listed_group, policy, planned_update, update_status, sent_update,
			    update_http_status, update_error, decided_run, decided_group_key)
			VALUES (:job_instance_id, :job_execution_id, :org_id, :group_key, :dry_run, :status, :reason,
			    :survivor_contact_id, :source_contact_ids, :merged_contact_ids, :excluded_contact_ids, :exclusion_reasons,
			    :detail, :http_status, :error, CAST(:listed_group AS jsonb), CAST(:policy AS jsonb),
			    CAST(:planned_update AS jsonb), :update_status, CAST(:sent_update AS jsonb), :update_http_status,
			    :update_error, :decided_run, :decided_group_key)
			ON CONFLICT (job_instance_id, group_key) DO UPDATE SET
			    job_execution_id = excluded.job_execution_id, status = excluded.status, reason = excluded.reason,
			    survivor_contact_id = excluded.survivor_contact_id, source_contact_ids = excluded.source_contact_ids,
			    merged_contact_ids = excluded.merged_contact_ids, excluded_contact_ids = excluded.excluded_contact_ids,
			    exclusion_reasons = excluded.exclusion_reasons, detail = excluded.detail, http_status = excluded.http_status,
			    error = excluded.error, planned_update = excluded.planned_update,
			    update_status = excluded.update_status, sent_update = excluded.sent_update,
			    update_http_status = excluded.update_http_status, update_error = excluded.update_error,
			    decided_run = excluded.decided_run, decided_group_key = excluded.decided_group_key, updated_at = now()
			""";

	/** A sent merge's outcome recorded, by the unique key; the plan's columns stay as written. */
	static final String COMPLETE = """
			UPDATE dedup_audit SET job_execution_id = :job_execution_id, status = :status, reason = :reason,
			    merged_contact_ids = :merged_contact_ids, http_status = :http_status, error = :error,
			    update_status = :update_status, sent_update = CAST(:sent_update AS jsonb),
			    update_http_status = :update_http_status, update_error = :update_error, detail = :detail,
			    updated_at = now()
			WHERE job_instance_id = :job_instance_id AND group_key = :group_key
			""";

	private AuditRows() {
	}

	/** A whole row ({@code SELECT *}) as a record. */
	public static AuditRecord read(ResultSet rs, int row) throws SQLException {
		AuditRecord.Plan plan = new AuditRecord.Plan(rs.getLong("job_instance_id"), rs.getString("org_id"),
				rs.getString("group_key"), rs.getBoolean("dry_run"), rs.getString("survivor_contact_id"),
				strings(rs.getArray("source_contact_ids")),
				exclusions(rs.getArray("excluded_contact_ids"), rs.getArray("exclusion_reasons")),
				rs.getString("listed_group"), rs.getString("policy"), rs.getString("planned_update"),
				(rs.getObject("decided_run") != null)
						? new AuditRecord.DecidedGroup(rs.getLong("decided_run"), rs.getString("decided_group_key")) : null);
		String followUp = rs.getString("update_status");
		AuditRecord.Outcome outcome = new AuditRecord.Outcome(rs.getLong("job_execution_id"),
				AuditStatus.valueOf(rs.getString("status")), rs.getString("reason"),
				strings(rs.getArray("merged_contact_ids")), rs.getString("detail"),
				rs.getObject("http_status", Integer.class), rs.getString("error"),
				(followUp != null) ? new AuditRecord.FollowUpRecord(FollowUpStatus.valueOf(followUp),
						rs.getString("sent_update"), rs.getObject("update_http_status", Integer.class),
						rs.getString("update_error")) : null);
		return new AuditRecord(plan, outcome);
	}

	/** The pairwise columns {@code excluded_contact_ids} and {@code exclusion_reasons}, read back. */
	public static List<Exclusion> exclusions(Array ids, Array reasons) throws SQLException {
		List<String> excludedIds = strings(ids);
		List<String> exclusionReasons = strings(reasons);
		List<Exclusion> excluded = new ArrayList<>();
		for (int i = 0; i < excludedIds.size(); i++) {
			excluded.add(new Exclusion(excludedIds.get(i), exclusionReason(exclusionReasons.get(i))));
		}
		return excluded;
	}

	public static List<String> strings(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

	private static ExclusionReason exclusionReason(String code) {
		return ExclusionReason.ofCode(code)
			.orElseThrow(() -> new IllegalStateException("unknown exclusion reason in dedup_audit: " + code));
	}

	/** Every column of the row by its name, for {@link #UPSERT} and {@link #COMPLETE}. */
	static MapSqlParameterSource columns(AuditRecord record) {
		AuditRecord.Plan plan = record.plan();
		AuditRecord.Outcome outcome = record.outcome();
		AuditRecord.FollowUpRecord followUp = outcome.followUp();
		return new MapSqlParameterSource().addValue("job_instance_id", plan.jobInstanceId())
			.addValue("org_id", plan.orgId())
			.addValue("group_key", plan.groupKey())
			.addValue("dry_run", plan.dryRun())
			.addValue("survivor_contact_id", plan.survivorId())
			.addValue("source_contact_ids", plan.sourceIds().toArray(String[]::new))
			.addValue("excluded_contact_ids", plan.excluded().stream().map(Exclusion::contactId).toArray(String[]::new))
			.addValue("exclusion_reasons", plan.excluded().stream().map((e) -> e.reason().code()).toArray(String[]::new))
			.addValue("listed_group", plan.listedGroup())
			.addValue("policy", plan.policy())
			.addValue("planned_update", plan.plannedUpdate())
			.addValue("decided_run", (plan.decided() != null) ? plan.decided().run() : null)
			.addValue("decided_group_key", (plan.decided() != null) ? plan.decided().groupKey() : null)
			.addValue("job_execution_id", outcome.jobExecutionId())
			.addValue("status", outcome.status().name())
			.addValue("reason", outcome.reason())
			.addValue("merged_contact_ids", outcome.mergedIds().toArray(String[]::new))
			.addValue("detail", outcome.detail())
			.addValue("http_status", outcome.httpStatus())
			.addValue("error", outcome.error())
			.addValue("update_status", (followUp != null) ? followUp.status().name() : null)
			.addValue("sent_update", (followUp != null) ? followUp.sent() : null)
			.addValue("update_http_status", (followUp != null) ? followUp.httpStatus() : null)
			.addValue("update_error", (followUp != null) ? followUp.error() : null);
	}

}
