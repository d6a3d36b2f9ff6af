package io.inventdedup.web;

import java.io.IOException;
import java.io.Writer;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.inventdedup.audit.RunRecords;
import io.inventdedup.decision.DecisionRepository;
import io.inventdedup.report.AuditReport;
import io.inventdedup.report.HtmlReport;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * The review's pages, written as the run's page is: fixed HTML, the server's own script and style,
 * and the data as JSON that the script puts on the page as text only ({@link HtmlReport}). The home
 * page lists every org with its last runs and the queue of groups waiting for a person; a run's page
 * is {@code --report ID --html}'s, live, with what the person signed in may decide.
 */
@Component
class ReviewPages {

	private final HtmlReport runPage;

	private final RunRecords runs;

	private final DecisionRepository reviews;

	private final ReviewProperties properties;

	private final JsonMapper json = JsonMapper.builder().build();

	/** The home page's fixed HTML, before and after its data: read once. */
	private final String[] homePage = HtmlReport.resource("/review/home.html").split("\\$\\{data}", 2);

	private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	ReviewPages(HtmlReport runPage, RunRecords runs, DecisionRepository reviews, ReviewProperties properties) {
		this.runPage = runPage;
		this.runs = runs;
		this.reviews = reviews;
		this.properties = properties;
	}

	/** The home page: every org, its last runs and its queued groups, and the queue, longest waiting first. */
	void home(Reviewer reviewer, CsrfToken csrf, Writer out) throws IOException {
		Map<String, List<Map<String, Object>>> runsByOrg = new LinkedHashMap<>();
		this.runs.lastRunsOfEachOrg(this.properties.runsPerOrg())
			.forEach((run) -> runsByOrg.computeIfAbsent((String) run.get("org_id"), (org) -> new ArrayList<>())
				.add(run));
		Map<String, Long> queuedByOrg = this.reviews.queuedByOrg();
		out.write(this.homePage[0]);
		try (JsonGenerator data = this.json.createGenerator(new HtmlReport.ScriptSafeWriter(out))) {
			data.writeStartObject();
			data.writeStringProperty("by", reviewer.name());
			data.writeBooleanProperty("canDecide", reviewer.canDecide());
			writeCsrf(data, csrf);
			data.writeName("orgs");
			data.writeStartArray();
			for (Map.Entry<String, List<Map<String, Object>>> org : runsByOrg.entrySet()) {
				data.writeStartObject();
				data.writeStringProperty("org", org.getKey());
				data.writeNumberProperty("queued", queuedByOrg.getOrDefault(org.getKey(), 0L));
				data.writeName("runs");
				data.writeStartArray();
				org.getValue().forEach((run) -> writeRun(data, run));
				data.writeEndArray();
				data.writeEndObject();
			}
			data.writeEndArray();
			data.writeName("queue");
			data.writeStartArray();
			this.reviews.queue(this.properties.queueLimit()).forEach((group) -> writeQueued(data, group));
			data.writeEndArray();
			data.writeEndObject();
		}
		out.write(this.homePage[1]);
	}

	/**
	 * The run's page with the person's decisions.
	 * @return false when there is no such run, and nothing was written
	 */
	boolean run(long jobExecutionId, Reviewer reviewer, CsrfToken csrf, String message, Writer out) {
		Optional<Long> run = this.runs.instanceOf(jobExecutionId);
		if (run.isEmpty()) {
			return false;
		}
		Map<String, String> holds = new LinkedHashMap<>();
		this.runs.orgOfRun(run.get())
			.ifPresent((org) -> this.reviews.holds(org)
				.forEach((hold) -> holds.put((String) hold.get("contact_id"),
						"by " + hold.get("held_by") + " at " + hold.get("held_at") + ": " + hold.get("reason"))));
		return this.runPage.writeServed(jobExecutionId, out, this.properties.pageLimit(), (data) -> {
			data.writeName("review");
			data.writeStartObject();
			data.writeStringProperty("by", reviewer.name());
			data.writeBooleanProperty("canDecide", reviewer.canDecide());
			data.writeStringProperty("message", message);
			data.writeStringProperty("decisionAction", "/runs/" + jobExecutionId + "/decisions");
			data.writeStringProperty("holdAction", "/runs/" + jobExecutionId + "/holds");
			writeCsrf(data, csrf);
			data.writeName("holds");
			data.writeStartObject();
			holds.forEach(data::writeStringProperty);
			data.writeEndObject();
			data.writeEndObject();
		}) >= 0;
	}

	/** The CSRF token every form of the page sends (a decision, signing out). */
	private static void writeCsrf(JsonGenerator data, CsrfToken csrf) {
		data.writeName("csrf");
		data.writeStartObject();
		data.writeStringProperty("name", csrf.getParameterName());
		data.writeStringProperty("value", csrf.getToken());
		data.writeEndObject();
	}

	private static void writeRun(JsonGenerator data, Map<String, Object> run) {
		data.writeStartObject();
		data.writeStringProperty("run", String.valueOf(run.get("job_instance_id")));
		data.writeStringProperty("execution", String.valueOf(run.get("last_job_execution_id")));
		data.writeStringProperty("kind", Boolean.TRUE.equals(run.get("dry_run")) ? "dry run"
				: (run.get("plan") != null) ? "apply of plan " + run.get("plan") : "real run");
		data.writeStringProperty("status", run.get("status") + " (" + run.get("exit_code") + ")");
		data.writeStringProperty("started", String.valueOf(run.get("start_time")));
		data.writeStringProperty("ended", (run.get("end_time") != null) ? String.valueOf(run.get("end_time")) : "");
		for (String count : List.of("groups", "planned", "merged", "skipped", "failed", "pending", "needs_review")) {
			data.writeNumberProperty(count, ((Number) run.get(count)).longValue());
		}
		data.writeEndObject();
	}

	private void writeQueued(JsonGenerator data, Map<String, Object> group) {
		data.writeStartObject();
		data.writeStringProperty("org", (String) group.get("org_id"));
		data.writeStringProperty("run", String.valueOf(group.get("job_instance_id")));
		data.writeStringProperty("execution", String.valueOf(group.get("job_execution_id")));
		data.writeStringProperty("key", (String) group.get("group_key"));
		data.writeStringProperty("reason", (String) group.get("reason"));
		data.writeStringProperty("since", SINCE.format(((Timestamp) group.get("waiting_since")).toInstant()));
		data.writeName("names");
		data.writeStartArray();
		JsonNode listed = this.json.readTree((String) group.get("listed_group"));
		for (JsonNode contact : AuditReport.listedContacts(listed)) {
			JsonNode name = contact.get("name");
			String text = (name != null && name.isString()) ? name.asString() : "(no name)";
			data.writeString((text.length() > 100) ? text.substring(0, 100) + "…" : text);
		}
		data.writeEndArray();
		data.writeEndObject();
	}

}
