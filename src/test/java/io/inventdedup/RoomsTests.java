package io.inventdedup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rooms of docs/development.md, read from the code: each package depends only on the packages
 * below it in that page's picture, and each table is queried by the classes of its own
 * package alone; another package reads it through a view its owner publishes
 * ({@code db/migration/V15__Published_views.sql}) and never writes that view.
 */
class RoomsTests {

	private static final Path MAIN = Path.of("src", "main", "java", "io", "inventdedup");

	/** docs/development.md's picture of the dependencies, edge by edge ("" is the application's own package). */
	private static final Map<String, Set<String>> PICTURE = Map.ofEntries(Map.entry("", Set.of("cli", "web", "job")),
			Map.entry("cli", Set.of("report")), Map.entry("web", Set.of("report", "config")),
			Map.entry("report", Set.of("decision", "collect")), Map.entry("decision", Set.of("audit")),
			Map.entry("audit", Set.of("run")), Map.entry("run", Set.of("policy")),
			Map.entry("job", Set.of("report", "merge", "collect", "run", "config")),
			Map.entry("merge", Set.of("decision", "audit", "collect", "invent", "policy")),
			Map.entry("collect", Set.of("invent")), Map.entry("invent", Set.of("policy")),
			Map.entry("policy", Set.of("names")), Map.entry("names", Set.of()), Map.entry("config", Set.of()));

	/** Who owns each table and view (Spring Batch's tables: read by the audit alone, for the database-only modes). */
	private static final Map<String, String> OWNERS = Map.ofEntries(Map.entry("dedup_audit", "audit"),
			Map.entry("dedup_run_summary", "audit"), Map.entry("dedup_run_failures", "audit"),
			Map.entry("dedup_recorded_group", "audit"), Map.entry("dedup_staged_group", "collect"),
			Map.entry("dedup_listing", "collect"), Map.entry("dedup_listed_run", "collect"),
			Map.entry("dedup_run_listing", "collect"), Map.entry("dedup_listed_group", "collect"),
			Map.entry("dedup_approval", "decision"), Map.entry("dedup_rejection", "decision"),
			Map.entry("dedup_hold", "decision"), Map.entry("dedup_api_budget", "invent"),
			Map.entry("dedup_org_lease", "merge"),
			Map.entry("batch_job_instance", "audit"), Map.entry("batch_job_execution", "audit"),
			Map.entry("batch_job_execution_params", "audit"), Map.entry("batch_job_execution_context", "audit"),
			Map.entry("batch_step_execution", "audit"), Map.entry("batch_step_execution_context", "audit"));

	/** The views a room publishes for the others to read. */
	private static final Set<String> PUBLISHED = Set.of("dedup_recorded_group", "dedup_listed_run", "dedup_run_listing",
			"dedup_listed_group");

	/** Names of the schema that are no table: a function every room may call, a constraint of the audit. */
	private static final Map<String, String> OTHER_NAMES = Map.of("dedup_member_ids", "", "dedup_audit_once", "audit");

	/** Operators' messages that name a table of another room, and why. */
	private static final Map<String, String> MESSAGES = Map.of("report/RunSummary.java:dedup_audit",
			"the run's summary prints the query that lists the run's rows",
			"merge/MergeStepConfiguration.java:dedup_audit", "a failed follow-up names the column that says why");

	private static final Pattern NAME = Pattern.compile("\\b(dedup_[a-z_]+|batch_[a-z_]+)\\b");

	private static final Pattern USE = Pattern.compile("\\bio\\.inventdedup\\.([a-z]+)\\.");

	@Test
	void eachPackageDependsOnlyOnThePackagesBelowItInThePicture() throws IOException {
		List<String> wrong = new ArrayList<>();
		for (Path file : sources()) {
			String room = room(file);
			String code = code(Files.readString(file));
			Matcher use = USE.matcher(code);
			while (use.find()) {
				String other = use.group(1);
				if (!other.equals(room) && !below(room).contains(other)) {
					wrong.add(MAIN.relativize(file) + " uses " + other);
				}
			}
		}
		assertThat(wrong).as("uses that the picture of docs/development.md does not show").isEmpty();
		for (String room : PICTURE.keySet()) {
			assertThat(below(room)).as("the picture has no cycle through %s", room).doesNotContain(room);
		}
		try (Stream<Path> rooms = Files.list(MAIN)) {
			assertThat(rooms.filter(Files::isDirectory).map((dir) -> dir.getFileName().toString()))
				.as("every package is in the picture")
				.allMatch(PICTURE::containsKey);
		}
	}

	@Test
	void eachTableIsQueriedByItsOwnPackageAndTheOthersOnlyReadWhatItsOwnerPublishes() throws IOException {
		List<String> wrong = new ArrayList<>();
		Set<String> used = new TreeSet<>();
		for (Path file : sources()) {
			String room = room(file);
			String where = MAIN.relativize(file).toString();
			for (String literal : literals(Files.readString(file))) {
				Matcher name = NAME.matcher(literal);
				while (name.find()) {
					String table = name.group(1);
					used.add(table);
					String owner = OWNERS.getOrDefault(table, OTHER_NAMES.get(table));
					if (owner == null) {
						wrong.add(where + " names " + table + ", which has no owner here");
					}
					else if (!owner.isEmpty() && !owner.equals(room) && !PUBLISHED.contains(table)
							&& !MESSAGES.containsKey(where + ":" + table)) {
						wrong.add(where + " (" + room + ") queries " + table + " of " + owner);
					}
				}
				for (String view : PUBLISHED) {
					if (!OWNERS.get(view).equals(room) && Pattern
						.compile("(?i)\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+" + view + "\\b")
						.matcher(literal)
						.find()) {
						wrong.add(where + " writes the view " + view);
					}
				}
			}
		}
		assertThat(wrong).as("queries of a table outside its room").isEmpty();
		assertThat(used).as("the views published are read").containsAll(PUBLISHED);
	}

	@Test
	void everyTableAndViewOfTheMigrationsHasAnOwner() throws IOException {
		Set<String> created = new TreeSet<>();
		Pattern create = Pattern.compile("(?i)CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:TABLE|VIEW)\\s+(\\w+)");
		try (Stream<Path> migrations = Files.list(Path.of("db", "migration"))) {
			for (Path migration : migrations.toList()) {
				Matcher name = create.matcher(Files.readString(migration));
				while (name.find()) {
					created.add(name.group(1));
				}
			}
		}
		assertThat(created).containsAll(PUBLISHED);
		assertThat(OWNERS.keySet()).as("every table and view of ours has an owner").containsAll(created);
	}

	private static List<Path> sources() throws IOException {
		try (Stream<Path> files = Files.walk(MAIN)) {
			return files.filter((file) -> file.toString().endsWith(".java")).sorted().toList();
		}
	}

	/** The package of the file under {@code io.inventdedup}: "" for the application's own. */
	private static String room(Path file) {
		Path relative = MAIN.relativize(file);
		return (relative.getNameCount() > 1) ? relative.getName(0).toString() : "";
	}

	/** Every package that {@code room} may use: what the picture shows below it. */
	private static Set<String> below(String room) {
		Set<String> reached = new LinkedHashSet<>();
		List<String> next = new ArrayList<>(PICTURE.getOrDefault(room, Set.of()));
		while (!next.isEmpty()) {
			String other = next.remove(next.size() - 1);
			if (reached.add(other)) {
				next.addAll(PICTURE.getOrDefault(other, Set.of()));
			}
		}
		return reached;
	}

	/** The source without its comments, strings and package line. */
	private static String code(String source) {
		StringBuilder code = new StringBuilder();
		scan(source, code, new ArrayList<>());
		return code.toString().replaceFirst("(?m)^package .*$", "");
	}

	/** The source's string literals and text blocks. */
	private static List<String> literals(String source) {
		List<String> literals = new ArrayList<>();
		scan(source, new StringBuilder(), literals);
		return literals;
	}

	/** Sorts Java source into code (comments and literals left out) and literals. */
	private static void scan(String source, StringBuilder code, List<String> literals) {
		int i = 0;
		while (i < source.length()) {
			if (source.startsWith("//", i)) {
				i = end(source, "\n", i + 2);
			}
			else if (source.startsWith("/*", i)) {
				i = end(source, "*/", i + 2);
			}
			else if (source.startsWith("\"\"\"", i)) {
				int end = source.indexOf("\"\"\"", i + 3);
				literals.add(source.substring(i + 3, end));
				i = end + 3;
			}
			else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
				char quote = source.charAt(i);
				int j = i + 1;
				while (source.charAt(j) != quote) {
					j += (source.charAt(j) == '\\') ? 2 : 1;
				}
				if (quote == '"') {
					literals.add(source.substring(i + 1, j));
				}
				i = j + 1;
			}
			else {
				code.append(source.charAt(i));
				i++;
			}
		}
	}

	private static int end(String source, String marker, int from) {
		int end = source.indexOf(marker, from);
		return (end < 0) ? source.length() : end + marker.length();
	}

}
