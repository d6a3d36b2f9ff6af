package io.inventdedup.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.inventdedup.audit.AuditRepository;
import io.inventdedup.audit.RunLookups;
import io.inventdedup.audit.RunRecords;
import io.inventdedup.decision.DecisionRepository;
import io.inventdedup.decision.DecisionText;
import io.inventdedup.decision.DecisionConfiguration;
import io.inventdedup.decision.Decisions;
import io.inventdedup.decision.GroupDecision;
import io.inventdedup.decision.ManualSettlement;
import io.inventdedup.report.AuditReport;
import io.inventdedup.report.HtmlReport;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.Banner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The jar's commands that need only the database, never the API token:
 * {@code --report [jobExecutionId] [--csv=audit.csv] [--html=page.html|-]} reviews runs; {@code --reject},
 * {@code --unreject}, {@code --hold}, {@code --release} and {@code --holds} record the review
 * ({@link ReviewCommand}); {@code --settle ID KEY merged|not-merged --reason=TEXT [--by=NAME]}
 * records what an operator found in Invent of a merge the job could not settle. They start none of
 * the job's beans.
 */
public final class DatabaseCommands {

	/** The most groups a run's page shows: past them it says how many it left out (the CSV has all). */
	private static final int DEFAULT_HTML_LIMIT = 20_000;

	/** The commands of decisions: those on groups of a run ({@link GroupDecision}), and holds on contacts. */
	private static final List<String> REVIEW_COMMANDS = Stream
		.concat(Arrays.stream(GroupDecision.values()).map(GroupDecision::word), Stream.of("hold", "release", "holds"))
		.toList();

	private DatabaseCommands() {
	}

	/**
	 * Boot's auto-configuration (DataSource, Flyway, JdbcTemplate) and the decision room
	 * ({@link DecisionConfiguration}): none of the job's beans.
	 */
	@EnableAutoConfiguration
	@Import(DecisionConfiguration.class)
	static class DatabaseContext {

	}

	/**
	 * Runs the command the arguments ask for and answers the exit code (0, or 2 for a wrong command).
	 * The command line is sorted already ({@code cli.CommandLine}): one command, its options, enough words.
	 */
	public static int run(String... args) {
		ApplicationArguments arguments = new DefaultApplicationArguments(args);
		if (arguments.containsOption("settle")) {
			return settle(arguments, args);
		}
		for (String command : REVIEW_COMMANDS) {
			if (arguments.containsOption(command)) {
				return review(command, arguments, args);
			}
		}
		return report(arguments, args);
	}

	private static int review(String command, ApplicationArguments arguments, String... args) {
		List<String> words = words(arguments, command);
		String reason = firstOf(arguments.getOptionValues("reason"));
		Optional<GroupDecision> onGroups = GroupDecision.named(command);
		boolean needsReason = onGroups.map(GroupDecision::needsReason).orElse(command.equals("hold"));
		Long executionId = null;
		if (onGroups.isPresent()) {
			executionId = executionId("--" + command, words.get(0));
			if (executionId == null) {
				return 2;
			}
		}
		List<String> keys = words.subList(1, words.size());
		String by = by(arguments);
		if (refusedText(needsReason ? reason.strip() : null, by)) {
			return 2;
		}
		try (ConfigurableApplicationContext context = database(args)) {
			ReviewCommand review = new ReviewCommand(context.getBean(Decisions.class),
					context.getBean(DecisionRepository.class), System.out, System.err);
			if (onGroups.isPresent()) {
				return review.decide(onGroups.get(), executionId, keys, needsReason ? reason.strip() : null, by);
			}
			return switch (command) {
				case "hold" -> review.hold(words.get(0), keys, reason.strip(), by);
				case "release" -> review.release(words.get(0), keys);
				default -> review.holds(words.get(0));
			};
		}
	}

	/** The command's words: its option's value, if given as {@code --command=VALUE}, then the others. */
	private static List<String> words(ApplicationArguments arguments, String command) {
		List<String> words = new ArrayList<>(arguments.getNonOptionArgs());
		String given = firstOf(arguments.getOptionValues(command));
		if (given != null && !given.isEmpty()) {
			words.add(0, given);
		}
		return words;
	}

	/**
	 * Whether the reason (null when the command takes none) or the name is refused
	 * ({@link DecisionText}); the message says why.
	 */
	private static boolean refusedText(String reason, String by) {
		Optional<String> problem = (reason != null) ? DecisionText.problemWithReason(reason) : Optional.empty();
		if (problem.isEmpty()) {
			problem = DecisionText.problemWithName(by);
		}
		problem.ifPresent((text) -> System.err.println(text + "; nothing was changed"));
		return problem.isPresent();
	}

	/** Who records a decision: {@code --by}, else the OS user. */
	private static String by(ApplicationArguments arguments) {
		String by = firstOf(arguments.getOptionValues("by"));
		return (by != null && !by.isBlank()) ? by.strip() : System.getProperty("user.name", "unknown");
	}

	private static int report(ApplicationArguments arguments, String... args) {
		String execution = firstOf(arguments.getOptionValues("report"));
		if (execution == null || execution.isEmpty()) {
			execution = arguments.getNonOptionArgs().isEmpty() ? null : arguments.getNonOptionArgs().get(0);
		}
		Long jobExecutionId = null;
		if (execution != null) {
			jobExecutionId = executionId("--report", execution);
			if (jobExecutionId == null) {
				return 2;
			}
		}
		String html = firstOf(arguments.getOptionValues("html"));
		Integer htmlLimit = htmlLimit(arguments);
		if (htmlLimit == null || (html != null && (html.isBlank() || jobExecutionId == null))) {
			System.err.println("Usage: --report ID --html=FILE|- [--html-limit=N]: the page of one run (ID a job "
					+ "execution id, as --report lists them), written to FILE or, with -, to standard output");
			return 2;
		}
		String csvPath = firstOf(arguments.getOptionValues("csv"));
		for (String file : new String[] { ("-".equals(html)) ? null : html, csvPath }) {
			String problem = (file != null) ? unwritable(file) : null;
			if (problem != null) {
				System.err.println("Cannot write " + file + ": " + problem + "; nothing was written");
				return 2;
			}
		}
		// A page written to standard output must be the page alone: no log line in it.
		Map<String, Object> quiet = "-".equals(html) ? Map.of("logging.threshold.console", "OFF") : Map.of();
		try (ConfigurableApplicationContext context = database(quiet, args)) {
			RunRecords runs = new RunRecords(context.getBean(JdbcTemplate.class));
			HtmlReport page = new HtmlReport(runs, context.getBean(RunLookups.class),
					context.getBean(DecisionRepository.class), context.getBean(JsonMapper.class));
			if ("-".equals(html)) {
				return page(page, jobExecutionId, System.out, htmlLimit);
			}
			AuditReport report = new AuditReport(runs, context.getBean(DecisionRepository.class), System.out);
			if (jobExecutionId == null) {
				report.printRuns(20);
				return 0;
			}
			if (!report.printRun(jobExecutionId)) {
				System.err.println("No run has job execution " + jobExecutionId
						+ ": run --report alone to list the last runs");
				return 2;
			}
			if (html != null) {
				try (OutputStream file = Files.newOutputStream(Path.of(html))) {
					page(page, jobExecutionId, file, htmlLimit);
				}
				catch (IOException ex) {
					System.err.println("Cannot write " + html + ": " + ex.getClass().getSimpleName() + " "
							+ ex.getMessage());
					return 2;
				}
				System.out.printf("%nWrote the run's page to %s: open it in a browser%n", html);
			}
			if (csvPath != null) {
				long rows = report.exportCsv(jobExecutionId, Path.of(csvPath));
				System.out.printf("%nWrote %d audit rows to %s%n", rows, csvPath);
			}
			return 0;
		}
	}

	/** Why a file cannot be written at this path, or null when it can (as far as can be told before). */
	private static String unwritable(String file) {
		Path path;
		try {
			path = Path.of(file).toAbsolutePath();
		}
		catch (InvalidPathException ex) {
			return "it is not a path (" + ex.getReason() + ")";
		}
		if (Files.isDirectory(path)) {
			return "it is a folder; give a file name in it";
		}
		Path folder = path.getParent();
		if (folder == null || !Files.isDirectory(folder)) {
			return "the folder " + folder + " does not exist";
		}
		if (!Files.isWritable(folder) || (Files.exists(path) && !Files.isWritable(path))) {
			return "no permission to write there";
		}
		return null;
	}

	/** Writes the run's page; exit code 2 when there is no such run. */
	private static int page(HtmlReport page, long jobExecutionId, OutputStream out, int limit) {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		if (page.write(jobExecutionId, writer, limit) < 0) {
			System.err.println("No run has job execution " + jobExecutionId + ": run --report alone to list the last runs");
			return 2;
		}
		return 0;
	}

	private static Integer htmlLimit(ApplicationArguments arguments) {
		String limit = firstOf(arguments.getOptionValues("html-limit"));
		try {
			int value = (limit != null) ? Integer.parseInt(limit) : DEFAULT_HTML_LIMIT;
			return (value >= 1) ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static int settle(ApplicationArguments arguments, String... args) {
		List<String> words = words(arguments, "settle");
		String reason = firstOf(arguments.getOptionValues("reason"));
		if (!(words.get(2).equals("merged") || words.get(2).equals("not-merged"))) {
			System.err.println("--settle ends in merged or not-merged (what you found in Invent), not '" + words.get(2)
					+ "': --settle ID GROUP_KEY merged|not-merged --reason=TEXT [--by=NAME], where ID is a job "
					+ "execution id of the run (as --report takes it) and GROUP_KEY the group's group_key; nothing was "
					+ "changed");
			return 2;
		}
		Long jobExecutionId = executionId("--settle", words.get(0));
		if (jobExecutionId == null || refusedText(reason.strip(), by(arguments))) {
			return 2;
		}
		try (ConfigurableApplicationContext context = database(args)) {
			SettleCommand command = new SettleCommand(new ManualSettlement(context.getBean(AuditRepository.class),
					context.getBean(RunLookups.class)), System.out, System.err);
			return command.settle(jobExecutionId, words.get(1), words.get(2).equals("merged"), reason.strip(),
					by(arguments));
		}
	}

	private static ConfigurableApplicationContext database(String... args) {
		return database(Map.of(), args);
	}

	private static ConfigurableApplicationContext database(Map<String, Object> properties, String... args) {
		SpringApplication application = new SpringApplication(DatabaseContext.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		Map<String, Object> defaults = new HashMap<>(properties);
		defaults.put("logging.level.root", "WARN");
		application.setDefaultProperties(defaults);
		return application.run(args);
	}

	private static Long executionId(String command, String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			System.err.println(command + " takes a job execution id (a number), not '" + text + "'");
			return null;
		}
	}

	private static String firstOf(List<String> values) {
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

}
