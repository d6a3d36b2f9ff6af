package io.inventdedup.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import io.inventdedup.audit.AuditRows;
import io.inventdedup.audit.RunFacts;
import io.inventdedup.audit.RunLookups;
import io.inventdedup.audit.RunRecords;
import io.inventdedup.decision.DecisionRepository;
import io.inventdedup.decision.Decisions;

/**
 * One self-contained HTML page for a run ({@code --report ID --html=FILE}): its facts, its outcome
 * at a glance, and a card per group with the survivor and each source side by side, filters, a
 * search, and for a dry run the {@code --reject} command of the groups a reviewer selects.
 * <p>
 * Everything a contact carries is set by the public, so nothing of the run is ever written as
 * HTML: the page's script and style are fixed resources, allowed by their hashes in the page's
 * Content-Security-Policy (nothing else may run or load, and the page needs no network); the run's
 * data travels as JSON in a {@code <script type="application/json">} element, with every {@code <},
 * {@code >} and {@code &} escaped, and the script puts it on the page as text only. The data is
 * streamed from the database, the groups that need a look first (failed, pending, unsettled,
 * changed since review, planned and merged); past {@code limit} groups the page says how many it
 * left out.
 */
public class HtmlReport {

	private final RunRecords runs;

	private final RunLookups lookups;

	private final DecisionRepository decisions;

	private final JsonMapper json;

	public HtmlReport(RunRecords runs, RunLookups lookups, DecisionRepository decisions, JsonMapper json) {
		this.runs = runs;
		this.lookups = lookups;
		this.decisions = decisions;
		this.json = json;
	}

	/**
	 * Writes the page of the run that this job execution belongs to.
	 * @return how many groups the page shows, or -1 when there is no such execution
	 */
	public long write(long jobExecutionId, Writer out, int limit) {
		String style = resource("/report/run.css");
		String facts = resource("/report/run-facts.js");
		String script = resource("/report/run.js");
		String policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src '"
				+ hash(facts) + "' '" + hash(script) + "'; style-src '" + hash(style)
				+ "'; img-src data:; base-uri 'none'; form-action 'none'\">";
		return write(jobExecutionId, out, limit, policy, "<style>" + style + "</style>",
				"<script>" + facts + "</script>\n<script>" + script + "</script>", (data) -> {
				});
	}

	/**
	 * Writes the same page for the review in a browser: its script and style are the server's own
	 * files ({@code /assets/run-facts.js}, {@code /assets/run.js}, {@code /assets/run.css}), allowed by the server's
	 * Content-Security-Policy header, and {@code review} adds what the person may decide (a
	 * {@code review} object in the page's data).
	 * @return how many groups the page shows, or -1 when there is no such execution
	 */
	public long writeServed(long jobExecutionId, Writer out, int limit, Consumer<JsonGenerator> review) {
		return write(jobExecutionId, out, limit, "", "<link rel=\"stylesheet\" href=\"/assets/run.css\">",
				"<script src=\"/assets/run-facts.js\"></script>\n<script src=\"/assets/run.js\"></script>", review);
	}

	private long write(long jobExecutionId, Writer out, int limit, String policy, String style, String script,
			Consumer<JsonGenerator> review) {
		Optional<RunFacts> found = this.runs.run(jobExecutionId);
		if (found.isEmpty()) {
			return -1;
		}
		RunFacts run = found.get();
		String[] page = resource("/report/run.html").replace("${policy}", policy)
			.replace("${style}", style)
			.replace("${script}", script)
			.split("\\$\\{data}", 2);
		try {
			out.write(page[0]);
			long shown = writeData(jobExecutionId, run, new ScriptSafeWriter(out), limit, review);
			out.write(page[1]);
			out.flush();
			return shown;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private long writeData(long jobExecutionId, RunFacts run, Writer out, int limit,
			Consumer<JsonGenerator> review) {
		long instance = run.instance();
		long total = this.runs.countGroups(instance);
		Map<String, DecisionRepository.DecidedGroup> decided = this.decisions.decided(instance, null);
		long shown = Math.min(total, limit);
		try (JsonGenerator data = this.json.createGenerator(out)) {
			data.writeStartObject();
			writeRun(data, jobExecutionId, run);
			review.accept(data);
			data.writeName("counts");
			data.writeStartObject();
			this.runs.pageCounts(instance).forEach((name, counts) -> {
				data.writeName(name);
				data.writeStartObject();
				counts.forEach(data::writeNumberProperty);
				data.writeEndObject();
			});
			data.writeEndObject();
			data.writeNumberProperty("total", total);
			data.writeNumberProperty("shown", shown);
			data.writeNumberProperty("omitted", total - shown);
			data.writeStringProperty("csvCommand",
					"java -jar target/invent-dedup.jar --report " + jobExecutionId + " --csv=run-" + jobExecutionId + ".csv");
			data.writeName("groups");
			data.writeStartArray();
			this.runs.pageRows(instance, shown, (ResultSet rs) -> {
				DecisionRepository.DecidedGroup decision = decided.get(rs.getString("group_key"));
				this.json.writeValue(data, PageGroup.of(AuditRows.read(rs, 0),
						Decisions.version(rs.getString("version"), decision), decision));
			});
			data.writeEndArray();
			data.writeEndObject();
		}
		return shown;
	}

	private void writeRun(JsonGenerator data, long jobExecutionId, RunFacts run) {
		data.writeName("run");
		data.writeStartObject();
		data.writeStringProperty("org", run.org());
		data.writeStringProperty("run", String.valueOf(run.instance()));
		data.writeStringProperty("execution", String.valueOf(jobExecutionId));
		data.writeBooleanProperty("dryRun", run.dryRun());
		data.writeStringProperty("kind", run.dryRun() ? "dry run (a plan: apply it with plan=" + jobExecutionId + ")"
				: (run.plan() != null) ? "apply of plan " + run.plan() : "real run");
		data.writeStringProperty("status", RunFacts.status(run.executionStatus(), run.exitCode()));
		data.writeStringProperty("started", RunFacts.time(run.started()));
		data.writeStringProperty("ended", (run.ended() != null) ? RunFacts.time(run.ended()) : "not ended");
		data.writeStringProperty("duration", run.duration());
		data.writeStringProperty("policy", run.policyWords());
		data.writeStringProperty("listing", AuditReport.listing(run));
		data.writeStringProperty("review", this.decisions.reviewCounts(run.instance()).describe());
		if (run.dryRun()) {
			this.lookups.applicationOf(run.instance()).ifPresent((application) -> {
				data.writeStringProperty("applied", application.describe(run.instance())
						+ ": its planned groups take no more decisions (what became of each is on the apply run's page)");
				data.writeStringProperty("appliedExecution", String.valueOf(application.execution()));
			});
		}
		data.writeEndObject();
	}

	/** A page's fixed part, from the jar ({@code /report/run.js}, ...). */
	public static String resource(String name) {
		try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the page's resource " + name + " is missing from the jar", ex);
		}
	}

	/** The CSP source that allows exactly this inline code. */
	private static String hash(String code) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
			return "sha256-" + Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/**
	 * Escapes what could end the {@code <script>} element that holds the data or open a comment in
	 * it: JSON allows {@code \\u003c} for {@code <} inside its strings, the only place these appear.
	 */
	public static final class ScriptSafeWriter extends FilterWriter {

		public ScriptSafeWriter(Writer out) {
			super(out);
		}

		@Override
		public void write(int c) throws IOException {
			switch (c) {
				case '<' -> this.out.write("\\u003c");
				case '>' -> this.out.write("\\u003e");
				case '&' -> this.out.write("\\u0026");
				case '\u2028' -> this.out.write("\\u2028");
				case '\u2029' -> this.out.write("\\u2029");
				default -> this.out.write(c);
			}
		}

		@Override
		public void write(char[] buffer, int offset, int length) throws IOException {
			for (int i = offset; i < offset + length; i++) {
				write(buffer[i]);
			}
		}

		@Override
		public void write(String text, int offset, int length) throws IOException {
			for (int i = offset; i < offset + length; i++) {
				write(text.charAt(i));
			}
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
