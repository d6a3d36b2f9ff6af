package io.inventdedup.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


import io.inventdedup.decision.DecisionRepository;
import io.inventdedup.invent.GroupAsListed;
import io.inventdedup.audit.AuditRecord;
import io.inventdedup.audit.AuditStatus;
import io.inventdedup.audit.RunFacts;
import io.inventdedup.audit.RunRecords;
import io.inventdedup.policy.SkipReason;
import io.inventdedup.collect.Listing;


/**
 * The report mode of the jar ({@code java -jar invent-dedup.jar --report [jobExecutionId]
 * [--csv=file]}): a run's summary as a readable table, the last runs when no execution is named,
 * and the run's audit rows as CSV. Needs only the database.
 */
public class AuditReport {

	private final RunRecords runs;

	private final DecisionRepository decisions;

	private final PrintStream out;

	public AuditReport(RunRecords runs, DecisionRepository decisions, PrintStream out) {
		this.runs = runs;
		this.decisions = decisions;
		this.out = out;
	}

	/**
	 * The last runs of every org, newest first, whatever their status (failed, stopped and started
	 * runs too, with or without audit rows); says so when there is none.
	 */
	public void printRuns(int limit) {
		this.out.printf("%-8s %-10s %-20s %-7s %7s %7s %7s %7s %7s %7s  %-10s  %s%n", "run", "execution", "org",
				"dry run", "groups", "planned", "merged", "skipped", "failed", "pending", "status", "started at");
		List<RunRecords.RunLine> runs = this.runs.runs(limit);
		for (RunRecords.RunLine run : runs) {
			this.out.printf("%-8d %-10d %-20s %-7s %7d %7d %7d %7d %7d %7d  %-10s  %s%n", run.run(), run.execution(),
					RunSummary.cut(run.org(), 20), "true".equals(run.dryRun()) ? "yes" : "no", run.groups(), run.planned(),
					run.merged(), run.skipped(), run.failed(), run.pending(), run.status(),
					RunFacts.time(run.startedAt()));
		}
		if (runs.isEmpty()) {
			this.out.printf("No run yet: the first run of an org (java -jar invent-dedup.jar orgId=ID) is listed here%n");
		}
	}

	/**
	 * The summary of the run that this job execution belongs to.
	 * @return false when there is no such execution with audit rows
	 */
	public boolean printRun(long jobExecutionId) {
		Optional<RunFacts> found = this.runs.run(jobExecutionId);
		if (found.isEmpty()) {
			return false;
		}
		RunFacts run = found.get();
		this.out.print(RunSummary.text(run, jobExecutionId, this.decisions.reviewCounts(run.instance())));
		namesDiffer(run.instance(), jobExecutionId);
		if (run.counts().failed() == 0) {
			return true;
		}
		this.out.printf("%nFailed groups (the first 50):%n");
		for (AuditRecord failed : this.runs.rows(run.instance(), AuditStatus.FAILED, null, 50)) {
			this.out.printf("  %s  %-18s %-4s %s%n", failed.plan().groupKey(), failed.outcome().reason(),
					(failed.outcome().httpStatus() != null) ? failed.outcome().httpStatus() : "",
					RunSummary.cut(failed.outcome().error(), 120));
		}
		return true;
	}

	/**
	 * The groups skipped because their names say different people, with the evidence: not queued, but
	 * a person who knows better may approve one.
	 */
	private void namesDiffer(long instance, long jobExecutionId) {
		List<String> lines = this.runs.rows(instance, AuditStatus.SKIPPED, SkipReason.NAMES_DIFFER.code(), 21)
			.stream()
			.map((row) -> String.format("  %s  %s", row.plan().groupKey(), RunSummary.cut(row.outcome().detail(), 160)))
			.toList();
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
	 * Writes the audit rows of the run that this job execution belongs to as CSV (RFC 4180), with
	 * the survivor's and the sources' names and emails as listed. A spreadsheet runs a cell that
	 * starts with {@code = + - @}, a tab or a carriage return as a formula, and names and emails are
	 * set by the public: such a cell is written with a leading {@code '} (as OWASP advises), so it
	 * opens as text.
	 */
	public long exportCsv(long jobExecutionId, Path file) {
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			writer.write(RunRecords.CSV_COLUMNS.replaceAll("\\s+", "")
					+ ",survivor_name,survivor_email,source_names,source_emails\r\n");
			long[] rows = { 0 };
			this.runs.csvRows(jobExecutionId, (ResultSet rs) -> {
				writeRow(writer, rs);
				rows[0]++;
			});
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
	private static Map<String, String[]> contacts(String listedGroup) {
		Map<String, String[]> contacts = new HashMap<>();
		for (GroupAsListed.Member member : GroupAsListed.read(listedGroup).members()) {
			if (member.id() != null) {
				contacts.put(member.id(), new String[] { member.name(), member.email() });
			}
		}
		return contacts;
	}

	private static String field(Map<String, String[]> contacts, String id, int which) {
		String[] contact = (id != null) ? contacts.get(id) : null;
		return (contact != null) ? contact[which] : null;
	}

	/**
	 * What the run's last listing read, beside what it announced, how many times the run listed and
	 * the age of the oldest listing a merge acted on.
	 */
	static String listing(RunFacts run) {
		RunFacts.ListingFacts listing = run.listing();
		return (listing != null) ? new Listing(listing.announced(), listing.collected(), listing.listings(),
				listing.oldestMergeAgeMillis()).describe() : "not collected completely";
	}

}
