package io.inventdedup.web;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import io.inventdedup.audit.RunFacts;
import io.inventdedup.audit.RunLookups;
import io.inventdedup.audit.RunRecords;
import io.inventdedup.invent.GroupAsListed;
import io.inventdedup.decision.DecisionRepository;
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

	private final RunLookups lookups;

	private final DecisionRepository decisions;

	private final ReviewProperties properties;

	private final JsonMapper json;

	/** The home page's fixed HTML, before and after its data: read once. */
	private final String[] homePage = HtmlReport.resource("/review/home.html").split("\\$\\{data}", 2);

	ReviewPages(HtmlReport runPage, RunRecords runs, RunLookups lookups, DecisionRepository decisions,
			ReviewProperties properties, JsonMapper json) {
		this.runPage = runPage;
		this.json = json;
		this.runs = runs;
		this.lookups = lookups;
		this.decisions = decisions;
		this.properties = properties;
	}

	/** The home page: every org, its last runs and its queued groups, and the queue, longest waiting first. */
	void home(Reviewer reviewer, CsrfToken csrf, Writer out) throws IOException {
		Map<String, List<RunRecords.OrgRun>> runsByOrg = new LinkedHashMap<>();
		this.runs.lastRunsOfEachOrg(this.properties.runsPerOrg())
			.forEach((run) -> runsByOrg.computeIfAbsent(run.org(), (org) -> new ArrayList<>()).add(run));
		Map<String, Long> queuedByOrg = this.decisions.queuedByOrg();
		Map<Long, DecisionRepository.ReviewCounts> review = this.decisions.reviewCounts(
				runsByOrg.values().stream().flatMap(List::stream).map(RunRecords.OrgRun::run).toList());
		out.write(this.homePage[0]);
		try (JsonGenerator data = this.json.createGenerator(new HtmlReport.ScriptSafeWriter(out))) {
			data.writeStartObject();
			data.writeStringProperty("by", reviewer.name());
			data.writeBooleanProperty("canDecide", reviewer.canDecide());
			writeCsrf(data, csrf);
			data.writeName("orgs");
			data.writeStartArray();
			for (Map.Entry<String, List<RunRecords.OrgRun>> org : runsByOrg.entrySet()) {
				data.writeStartObject();
				data.writeStringProperty("org", org.getKey());
				data.writeNumberProperty("queued", queuedByOrg.getOrDefault(org.getKey(), 0L));
				data.writeName("runs");
				data.writeStartArray();
				org.getValue().forEach((run) -> writeRun(data, run, review.get(run.run())));
				data.writeEndArray();
				data.writeEndObject();
			}
			data.writeEndArray();
			data.writeName("queue");
			data.writeStartArray();
			this.decisions.queue(null, this.properties.queueLimit(), false).forEach((group) -> writeQueued(data, group));
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
		Optional<Long> run = this.lookups.instanceOf(jobExecutionId);
		if (run.isEmpty()) {
			return false;
		}
		Map<String, String> holds = new LinkedHashMap<>();
		this.lookups.orgOfRun(run.get())
			.ifPresent((org) -> this.decisions.holds(org).forEach((hold) -> holds.put(hold.contactId(), hold.describe())));
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

	private static void writeRun(JsonGenerator data, RunRecords.OrgRun run, DecisionRepository.ReviewCounts review) {
		data.writeStartObject();
		data.writeStringProperty("run", String.valueOf(run.run()));
		data.writeStringProperty("execution", String.valueOf(run.lastExecution()));
		data.writeStringProperty("kind", run.dryRun() ? "dry run"
				: (run.plan() != null) ? "apply of plan " + run.plan() : "real run");
		data.writeStringProperty("status", RunFacts.status(run.status(), run.exitCode()));
		data.writeStringProperty("started", RunFacts.time(run.started()));
		data.writeStringProperty("ended", (run.ended() != null) ? RunFacts.time(run.ended()) : "");
		data.writeNumberProperty("groups", run.groups());
		data.writeNumberProperty("planned", run.planned());
		data.writeNumberProperty("merged", run.merged());
		data.writeNumberProperty("skipped", run.skipped());
		data.writeNumberProperty("failed", run.failed());
		data.writeNumberProperty("pending", run.pending());
		data.writeNumberProperty("needs_review", run.needsReview());
		data.writeStringProperty("review", review.describe());
		data.writeEndObject();
	}

	private void writeQueued(JsonGenerator data, DecisionRepository.QueuedGroup group) {
		data.writeStartObject();
		data.writeStringProperty("org", group.orgId());
		data.writeStringProperty("run", String.valueOf(group.runInstanceId()));
		data.writeStringProperty("execution", String.valueOf(group.jobExecutionId()));
		data.writeStringProperty("key", group.groupKey());
		data.writeStringProperty("reason", group.reason());
		data.writeStringProperty("since", RunFacts.time(group.waitingSince()));
		data.writeName("names");
		data.writeStartArray();
		for (GroupAsListed.Member member : GroupAsListed.read(group.listedGroup()).cut(100).members()) {
			data.writeString((member.name() != null) ? member.name() : "(no name)");
		}
		data.writeEndArray();
		data.writeEndObject();
	}

}
