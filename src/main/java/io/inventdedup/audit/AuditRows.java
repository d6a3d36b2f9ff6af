package io.inventdedup.audit;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.inventdedup.policy.Exclusion;
import io.inventdedup.policy.ExclusionReason;

/**
 * The columns of a {@code dedup_audit} row, to and from an {@link AuditRecord}: one mapping for
 * every query of the table, so that a column is read the same way wherever it is read.
 */
public final class AuditRows {

	private AuditRows() {
	}

	/** A whole row ({@code SELECT *}) as a record. */
	public static AuditRecord read(ResultSet rs, int row) throws SQLException {
		List<Exclusion> excluded = exclusions(rs.getArray("excluded_contact_ids"), rs.getArray("exclusion_reasons"));
		Integer httpStatus = rs.getObject("http_status", Integer.class);
		return new AuditRecord(rs.getLong("job_instance_id"), rs.getLong("job_execution_id"), rs.getString("org_id"),
				rs.getString("group_key"), rs.getBoolean("dry_run"), AuditStatus.valueOf(rs.getString("status")),
				rs.getString("reason"), rs.getString("survivor_contact_id"), strings(rs.getArray("source_contact_ids")),
				strings(rs.getArray("merged_contact_ids")), excluded, rs.getString("detail"), httpStatus,
				rs.getString("error"), rs.getString("listed_group"), rs.getString("policy"),
				rs.getString("planned_update"),
				(rs.getString("update_status") != null) ? new AuditRecord.FollowUpRecord(
						FollowUpStatus.valueOf(rs.getString("update_status")),
						rs.getString("sent_update"), rs.getObject("update_http_status", Integer.class),
						rs.getString("update_error")) : null);
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
		return Arrays.stream(ExclusionReason.values())
			.filter((reason) -> reason.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("unknown exclusion reason in dedup_audit: " + code));
	}

	/** Binds every column of the upsert ({@code AuditRepository.UPSERT}) from the record. */
	static void bind(Connection connection, PreparedStatement statement, AuditRecord record)
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
	static void bindFollowUp(PreparedStatement statement, int first,
			AuditRecord.@Nullable FollowUpRecord followUp) throws SQLException {
		statement.setString(first, (followUp != null) ? followUp.status().name() : null);
		statement.setString(first + 1, (followUp != null) ? followUp.sent() : null);
		statement.setObject(first + 2, (followUp != null) ? followUp.httpStatus() : null, Types.INTEGER);
		statement.setString(first + 3, (followUp != null) ? followUp.error() : null);
	}

	static Array textArray(Connection connection, List<String> values) throws SQLException {
		return connection.createArrayOf("text", values.toArray());
	}

}
