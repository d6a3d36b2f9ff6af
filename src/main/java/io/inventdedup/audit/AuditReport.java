package io.inventdedup.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report mode of the jar ({@code java -jar invent-dedup.jar --report [jobExecutionId]
 * [--csv=file]}): a run's summary as a readable table, the last runs when no execution is named,
 * and the run's audit rows as CSV. Needs only the database.
 */
public class AuditReport {

	private static final String AUDIT_COLUMNS = """
			id, job_instance_id, job_execution_id, org_id, group_key, dry_run, status, reason, detail,
			survivor_contact_id, source_contact_ids, merged_contact_ids, excluded_contact_ids, exclusion_reasons,
			http_status, error, planned_update, update_status, sent_update, update_http_status, update_error,
			created_at, updated_at""";

	private final JdbcTemplate jdbc;

	private final PrintStream out;

	private final JsonMapper json = JsonMapper.builder().build();

	public AuditReport(JdbcTemplate jdbc, PrintStream out) {
		this.jdbc = jdbc;
		this.out = out;
	}

	/**
	 * The last runs of every org, newest first, whatever their status (failed, stopped and started
	 * runs too, with or without audit rows); says so when there is none.
	 */
	public void printRuns(int limit) {
		this.out.printf("%-8s %-10s %-20s %-7s %7s %7s %7s %7s %7s %7s  %-10s  %s%n", "run", "execution", "org",
				"dry run", "groups", "planned", "merged", "skipped", "failed", "pending", "status", "started at");
		long[] runs = { 0 };
		this.jdbc.query("""
				SELECT e.job_instance_id, e.job_execution_id, e.status, e.start_time,
				       coalesce(s.org_id, (SELECT p.parameter_value FROM batch_job_execution_params p
				         WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'orgId')) AS org_id,
				       (SELECT p.parameter_value FROM batch_job_execution_params p
				         WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'dryRun') AS dry_run,
				       coalesce(s.groups, 0) AS groups, coalesce(s.planned, 0) AS planned,
				       coalesce(s.merged, 0) AS merged, coalesce(s.skipped, 0) AS skipped,
				       coalesce(s.failed, 0) AS failed, coalesce(s.pending, 0) AS pending
				  FROM batch_job_execution e
				  LEFT JOIN dedup_run_summary s ON s.job_instance_id = e.job_instance_id
				 WHERE e.job_execution_id = (SELECT max(l.job_execution_id) FROM batch_job_execution l
				                              WHERE l.job_instance_id = e.job_instance_id)
				 ORDER BY e.job_instance_id DESC LIMIT ?
				""", (ResultSet rs) -> {
			runs[0]++;
			this.out.printf("%-8d %-10d %-20s %-7s %7d %7d %7d %7d %7d %7d  %-10s  %s%n", rs.getLong("job_instance_id"),
					rs.getLong("job_execution_id"), cut(rs.getString("org_id"), 20),
					"true".equals(rs.getString("dry_run")) ? "yes" : "no", rs.getLong("groups"), rs.getLong("planned"),
					rs.getLong("merged"), rs.getLong("skipped"), rs.getLong("failed"), rs.getLong("pending"),
					rs.getString("status"), rs.getTimestamp("start_time"));
		}, limit);
		if (runs[0] == 0) {
			this.out.printf("No run yet: the first run of an org (java -jar invent-dedup.jar orgId=ID) is listed here%n");
		}
	}

	/**
	 * The last {@code perOrg} runs of each org that listed its groups, newest first: their summary
	 * ({@code dedup_run_summary}) and their last execution's status and times.
	 */
	public List<Map<String, Object>> lastRunsOfEachOrg(int perOrg) {
		return this.jdbc.queryForList("""
				SELECT r.org_id, s.job_instance_id, s.last_job_execution_id, s.dry_run, s.groups, s.planned, s.merged,
				       s.skipped, s.failed, s.pending, s.needs_review, e.status, e.exit_code, e.start_time, e.end_time,
				       (SELECT p.parameter_value FROM batch_job_execution_params p
				         WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'plan') AS plan
				  FROM (SELECT org_id, job_instance_id,
				               row_number() OVER (PARTITION BY org_id ORDER BY job_instance_id DESC) AS n
				          FROM (SELECT DISTINCT org_id, job_instance_id FROM dedup_listing) d) r
				  JOIN LATERAL (SELECT * FROM dedup_run_summary v WHERE v.job_instance_id = r.job_instance_id) s ON true
				  JOIN batch_job_execution e ON e.job_execution_id = s.last_job_execution_id
				 WHERE r.n <= ?
				 ORDER BY r.org_id, s.job_instance_id DESC
				""", perOrg);
	}

	/**
	 * The summary of the run that this job execution belongs to.
	 * @return false when there is no such execution with audit rows
	 */
	public boolean printRun(long jobExecutionId) {
		Map<String, Object> run = run(jobExecutionId);
		if (run == null) {
			return false;
		}
		boolean completed = "COMPLETED".equals(run.get("execution_status"));
		row("run (job instance)", run.get("instance"));
		row("job execution", jobExecutionId + " (" + run.get("execution_status") + ")");
		if (!completed) {
			String cause = (String) run.get("exit_message");
			row("cause", (cause != null && !cause.isBlank()) ? cut(cause.lines().findFirst().orElse(""), 500)
					: "none recorded (the process may have been killed)");
			row("next", "STARTED".equals(run.get("execution_status"))
					? "if no process runs it any more, run its command again: the run is recovered and resumed"
					: "fix the cause, then run the same command again: it resumes this run where it stopped");
		}
		row("org", run.get("org"));
		row("dry run", "true".equals(run.get("dry_run_parameter"))
				? (completed ? "yes: nothing was merged; a plan, applied with plan=" + jobExecutionId
						: "yes: nothing was merged; not a plan until it completes")
				: (run.get("plan") != null) ? "no: the apply of plan " + run.get("plan") : "no");
		row("policy", (run.get("policy") != null) ? run.get("policy") : run.get("policy_parameters"));
		row("started / ended", run.get("start_time") + " / " + run.get("end_time"));
		row("listing", listing(run));
		row("groups", count(run, "groups"));
		row("planned", count(run, "planned"));
		row("merged", count(run, "merged"));
		row("skipped", count(run, "skipped"));
		row("failed", count(run, "failed"));
		row("pending", count(run, "pending"));
		row("needs review", count(run, "needs_review") + ((((Number) count(run, "needs_review")).longValue() > 0)
				? ": nothing of them merged; approve with --approve " + jobExecutionId
						+ " KEY... --reason=TEXT (or --reject), and the next real run merges what was approved"
				: ""));
		row("contacts merged away", count(run, "contacts_merged_away"));
		row("by reason", (run.get("reasons") != null) ? run.get("reasons") : "none");
		if (run.get("plan") != null) {
			row("review", "merged as reviewed " + count(run, "merged") + ", changed since review "
					+ count(run, "changed_since_review") + ", rejected in review " + count(run, "rejected_in_review")
					+ ", not in the plan " + count(run, "not_in_plan") + ", no longer listed "
					+ count(run, "no_longer_listed"));
		}
		row("follow-up updates", "planned " + count(run, "follow_ups_planned") + ", sent "
				+ count(run, "follow_ups_sent") + ", failed " + count(run, "follow_ups_failed") + ", pending "
				+ count(run, "follow_ups_pending"));
		namesDiffer(run.get("instance"), jobExecutionId);
		if (((Number) count(run, "failed")).longValue() == 0) {
			return true;
		}
		this.out.printf("%nFailed groups (the first 50):%n");
		this.jdbc.query("""
				SELECT group_key, reason, http_status, error FROM dedup_audit
				WHERE job_instance_id = ? AND status = 'FAILED' ORDER BY id LIMIT 50
				""", (ResultSet rs) -> {
			this.out.printf("  %s  %-18s %-4s %s%n", rs.getString(1), rs.getString(2),
					(rs.getObject(3) != null) ? rs.getString(3) : "", cut(rs.getString(4), 120));
		}, run.get("instance"));
		return true;
	}

	/**
	 * The groups skipped because their names say different people, with the evidence: not queued, but
	 * a person who knows better may approve one.
	 */
	private void namesDiffer(Object instance, long jobExecutionId) {
		List<String> lines = this.jdbc.query("""
				SELECT group_key, detail FROM dedup_audit
				WHERE job_instance_id = ? AND status = 'SKIPPED' AND reason = 'names-differ' ORDER BY id LIMIT 21
				""", (rs, row) -> String.format("  %s  %s", rs.getString(1), cut(rs.getString(2), 160)), instance);
		if (lines.isEmpty()) {
			return;
		}
		this.out.printf("%nSkipped, the names say different people (names-differ; the first 20): not queued; "
				+ "one that is one person all the same is merged by the next real run once approved with --approve %d "
				+ "KEY... --reason=TEXT%n", jobExecutionId);
		lines.stream().limit(20).forEach(this.out::println);
		if (lines.size() > 20) {
			this.out.println("  …");
		}
	}

	/**
	 * The facts of the run that this job execution belongs to: its summary, listing, plan and the
	 * execution's status and times; null when there is no such execution.
	 */
	Map<String, Object> run(long jobExecutionId) {
		List<Map<String, Object>> runs = this.jdbc.queryForList("""
				SELECT s.*, e.job_instance_id AS instance, e.start_time, e.end_time, e.status AS execution_status,
				       e.exit_code, e.exit_message, coalesce(s.org_id, l.org_id, o.parameter_value) AS org,
				       l.announced, l.collected,
				       (SELECT p.parameter_value FROM batch_job_execution_params p
				         WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'dryRun')
				         AS dry_run_parameter,
				       (SELECT string_agg(p.parameter_name || '=' || p.parameter_value, ' ' ORDER BY p.parameter_name)
				          FROM batch_job_execution_params p
				         WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name IN ('survivor',
				               'skipAdmins', 'skipBlocked', 'skipUnsubscribed', 'maxGroupSize', 'maxMerges',
				               'carryOptOut', 'fillName', 'checkNames')) AS policy_parameters,
				       l.listings, l.oldest_merge_age_ms,
				       (SELECT p.parameter_value FROM batch_job_execution_params p
				         WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'plan') AS plan
				FROM batch_job_execution e
				LEFT JOIN dedup_run_summary s ON s.job_instance_id = e.job_instance_id
				LEFT JOIN LATERAL (
				       SELECT d.org_id, d.announced, d.collected,
				              (SELECT count(*) FROM dedup_listing c
				                WHERE c.job_instance_id = d.job_instance_id AND c.completed) AS listings,
				              (SELECT max(c.oldest_merge_age_ms) FROM dedup_listing c
				                WHERE c.job_instance_id = d.job_instance_id) AS oldest_merge_age_ms
				         FROM dedup_listing d WHERE d.job_instance_id = e.job_instance_id AND d.checked_at IS NOT NULL
				        ORDER BY d.listing DESC LIMIT 1) l ON true
				LEFT JOIN batch_job_execution_params o
				       ON o.job_execution_id = e.job_execution_id AND o.parameter_name = 'orgId'
				WHERE e.job_execution_id = ?
				""", jobExecutionId);
		return runs.isEmpty() ? null : runs.get(0);
	}

	/**
	 * Writes the audit rows of the run that this job execution belongs to as CSV (RFC 4180), with
	 * the survivor's and the sources' names and emails as listed. A spreadsheet runs a cell that
	 * starts with {@code = + - @}, a tab or a carriage return as a formula, and names and emails are
	 * set by the public: such a cell is written with a leading {@code '} (as OWASP advises), so it
	 * opens as text.
	 */
	public long exportCsv(long jobExecutionId, Path file) {
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			writer.write(AUDIT_COLUMNS.replaceAll("\\s+", "") + ",survivor_name,survivor_email,source_names,source_emails\r\n");
			long[] rows = { 0 };
			this.jdbc.query("SELECT " + AUDIT_COLUMNS + ", listed_group::text AS listed FROM dedup_audit WHERE "
					+ "job_instance_id = (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?) "
					+ "ORDER BY id", (ResultSet rs) -> {
						writeRow(writer, rs);
						rows[0]++;
					}, jobExecutionId);
			return rows[0];
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	private void writeRow(Writer writer, ResultSet rs) throws SQLException {
		ResultSetMetaData meta = rs.getMetaData();
		List<String> cells = new ArrayList<>();
		for (int column = 1; column < meta.getColumnCount(); column++) {
			cells.add(rs.getString(column));
		}
		Map<String, String[]> contacts = contacts(rs.getString("listed"));
		String survivor = rs.getString("survivor_contact_id");
		List<String> sources = (rs.getArray("source_contact_ids") != null)
				? List.of((String[]) rs.getArray("source_contact_ids").getArray()) : List.of();
		cells.add(field(contacts, survivor, 0));
		cells.add(field(contacts, survivor, 1));
		cells.add(String.join("; ", sources.stream().map((id) -> String.valueOf(field(contacts, id, 0))).toList()));
		cells.add(String.join("; ", sources.stream().map((id) -> String.valueOf(field(contacts, id, 1))).toList()));
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			String value = cells.get(i);
			if (value != null) {
				line.append('"').append(neutralised(value).replace("\"", "\"\"")).append('"');
			}
		}
		try {
			writer.write(line.append("\r\n").toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A cell a spreadsheet would run as a formula, made text. */
	static String neutralised(String cell) {
		return (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) ? "'" + cell : cell;
	}

	/** The listed group's contacts by id: their name and first email, as listed. */
	private Map<String, String[]> contacts(String listedGroup) {
		Map<String, String[]> contacts = new HashMap<>();
		for (JsonNode member : listedContacts(this.json.readTree(listedGroup))) {
			if (member.path("id").isString()) {
				String email = null;
				for (JsonNode channel : member.path("channels")) {
					if (email == null && channel.path("email").isString()) {
						email = channel.path("email").stringValue();
					}
				}
				contacts.put(member.path("id").stringValue(),
						new String[] { member.path("name").isString() ? member.path("name").stringValue() : null, email });
			}
		}
		return contacts;
	}

	/** The primary and the duplicates of a listed group, as listed (each may be anything). */
	public static List<JsonNode> listedContacts(JsonNode group) {
		List<JsonNode> contacts = new ArrayList<>();
		contacts.add(group.path("primary"));
		if (group.path("duplicates").isArray()) {
			group.path("duplicates").forEach(contacts::add);
		}
		return contacts;
	}

	private static String field(Map<String, String[]> contacts, String id, int which) {
		String[] contact = (id != null) ? contacts.get(id) : null;
		return (contact != null) ? contact[which] : null;
	}

	private static Object count(Map<String, Object> run, String column) {
		return (run.get(column) != null) ? run.get(column) : 0;
	}

	/**
	 * What the run's last listing read, beside what it announced, how many times the run listed and
	 * the age of the oldest listing a merge acted on (of {@link #run}).
	 */
	static String listing(Map<String, Object> run) {
		Object announced = run.get("announced");
		Object collected = run.get("collected");
		if (collected == null) {
			return "not collected completely";
		}
		long missing = (announced != null) ? ((Number) announced).longValue() - ((Number) collected).longValue() : 0;
		Object oldest = run.get("oldest_merge_age_ms");
		return ((announced != null) ? announced + " announced (pagination-count), " : "no count announced, ")
				+ collected + " collected" + ((missing > 0) ? " (" + missing + " short)" : "")
				+ listed(((Number) run.get("listings")).longValue(),
						(oldest != null) ? ((Number) oldest).longValue() : -1);
	}

/** {@code ; listed 3 times, merges acted on listings at most 29 min 40 s old}. */
	public static String listed(long listings, long oldestMergeAgeMillis) {
		String text = "; listed " + listings + ((listings == 1) ? " time" : " times");
		if (oldestMergeAgeMillis >= 0) {
			Duration age = Duration.ofMillis(oldestMergeAgeMillis);
			text += ", merges acted on listings at most " + ((age.toMinutes() > 0)
					? age.toMinutes() + " min " + age.toSecondsPart() + " s"
					: age.toSeconds() + "." + (age.toMillisPart() / 100) + " s") + " old";
		}
		return text;
	}

	private void row(String label, Object value) {
		this.out.printf("%-22s %s%n", label, value);
	}

	private static String cut(String text, int length) {
		return (text == null || text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

}
