package io.inventdedup.audit;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Owns what operators decide in review: {@code dedup_hold} (contacts never merged) and
 * {@code dedup_rejection} (planned groups an apply run must not merge).
 */
@Repository
public class ReviewRepository {

	private final JdbcClient jdbc;

	public ReviewRepository(JdbcTemplate jdbcTemplate) {
		this.jdbc = JdbcClient.create(jdbcTemplate);
	}

	/** Holds these contacts of the org (a contact held already gets the new reason). */
	public void hold(String orgId, Collection<String> contactIds, String reason, String by) {
		for (String contactId : contactIds) {
			this.jdbc.sql("""
					INSERT INTO dedup_hold (org_id, contact_id, reason, held_by) VALUES (?, ?, ?, ?)
					ON CONFLICT (org_id, contact_id) DO UPDATE SET reason = excluded.reason,
					    held_by = excluded.held_by, held_at = now()
					""").params(orgId, contactId, reason, by).update();
		}
	}

	/** Ends the holds of these contacts; answers those that were held. */
	public List<String> release(String orgId, Collection<String> contactIds) {
		return this.jdbc.sql("DELETE FROM dedup_hold WHERE org_id = :org AND contact_id IN (:ids) RETURNING contact_id")
			.param("org", orgId)
			.param("ids", contactIds)
			.query(String.class)
			.list();
	}

	/** The org's holds, one line each: contact, reason, who, when. */
	public List<Map<String, Object>> holds(String orgId) {
		return this.jdbc.sql("SELECT contact_id, reason, held_by, held_at FROM dedup_hold WHERE org_id = ? ORDER BY contact_id")
			.param(orgId)
			.query()
			.listOfRows();
	}

	/** The org's held contacts. */
	public Set<String> heldContacts(String orgId) {
		return new HashSet<>(this.jdbc.sql("SELECT contact_id FROM dedup_hold WHERE org_id = ?")
			.param(orgId)
			.query(String.class)
			.list());
	}

	/** Rejects these planned groups of the plan (a group rejected already gets the new reason). */
	public void reject(long planInstanceId, Collection<String> groupKeys, String reason, String by) {
		for (String groupKey : groupKeys) {
			this.jdbc.sql("""
					INSERT INTO dedup_rejection (plan_instance_id, group_key, reason, rejected_by) VALUES (?, ?, ?, ?)
					ON CONFLICT (plan_instance_id, group_key) DO UPDATE SET reason = excluded.reason,
					    rejected_by = excluded.rejected_by, rejected_at = now()
					""").params(planInstanceId, groupKey, reason, by).update();
		}
	}

	/** Takes these rejections back; answers the groups that were rejected. */
	public List<String> unreject(long planInstanceId, Collection<String> groupKeys) {
		return this.jdbc.sql("""
				DELETE FROM dedup_rejection WHERE plan_instance_id = :plan AND group_key IN (:keys) RETURNING group_key
				""").param("plan", planInstanceId).param("keys", groupKeys).query(String.class).list();
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
