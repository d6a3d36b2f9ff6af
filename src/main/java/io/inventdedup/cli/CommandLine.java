package io.inventdedup.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.jspecify.annotations.Nullable;

/**
 * What the operator typed, each argument sorted before anything is called: a job parameter
 * ({@code name=value}), one command ({@code --report}, {@code --approve}, ...) with its words and its
 * own options, or a setting ({@code --spring.x=y}, {@code --dedup.x=y}: every setting has a dot).
 * Anything else is refused, naming the argument and the fix, because an argument that means nothing
 * is an argument silently ignored, and a cap ({@code --maxMerges=5}) silently ignored lets a run
 * merge what the operator meant to keep.
 *
 * <p>The order of the checks follows what the operator meant: an unknown command or option first
 * (whatever else is missing), then an option given to the wrong command, then the command's words and
 * required options, then a setting given to a command it means nothing to. The values themselves
 * (an id, a parameter's type) are the command's to check.
 */
public final class CommandLine {

	/** Boot's own switches ({@code --debug}, {@code --trace}): passed on as they are. */
	private static final List<String> BOOT_SWITCHES = List.of("debug", "trace");

	/** Our settings' namespaces, each used by one kind of command only. */
	private static final Map<String, Mode> OUR_NAMESPACES = Map.of("invent.", Mode.JOB, "dedup.", Mode.JOB,
			"invent-dedup.", Mode.SERVE);

	private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(2);

	private final @Nullable Command command;

	private final List<String> words;

	private CommandLine(@Nullable Command command, List<String> words) {
		this.command = command;
		this.words = words;
	}

	/** What the arguments ask for; the command's words and options are as it takes them. */
	public Mode mode() {
		return (this.command != null) ? this.command.mode() : Mode.JOB;
	}

	/** The words that are no option: the job's {@code name=value} parameters, or a command's ids and keys. */
	public List<String> words() {
		return this.words;
	}

	/**
	 * Sorts the arguments.
	 * @param jobParameters the job's parameter names, to tell {@code --maxMerges=5} from a typo
	 * @throws CommandLineException naming the argument and the fix
	 */
	public static CommandLine parse(List<String> jobParameters, String... args) {
		Command command = null;
		Map<String, @Nullable String> options = new LinkedHashMap<>();
		List<String> words = new ArrayList<>();
		List<String> ourSettings = new ArrayList<>();
		for (String arg : args) {
			if (!arg.startsWith("-")) {
				words.add(arg);
				continue;
			}
			if (!arg.startsWith("--") || arg.length() == 2) {
				throw unknown(arg, arg, jobParameters);
			}
			int equals = arg.indexOf('=');
			String name = arg.substring(2, (equals > 0) ? equals : arg.length());
			String value = (equals > 0) ? arg.substring(equals + 1) : null;
			if (name.contains(".")) {
				if (OUR_NAMESPACES.keySet().stream().anyMatch(name::startsWith)) {
					ourSettings.add(name);
				}
				continue;
			}
			if (BOOT_SWITCHES.contains(name)) {
				continue;
			}
			Optional<Command> asCommand = Command.named(name);
			if (asCommand.isPresent()) {
				if (command != null) {
					throw new CommandLineException("--" + command.name() + " and --" + name
							+ " are two commands: give one at a time");
				}
				command = asCommand.get();
				if (value != null && !value.isEmpty()) {
					words.add(0, value);
				}
				continue;
			}
			if (Command.all().noneMatch((known) -> known.options().containsKey(name))) {
				throw unknown(arg, name, jobParameters);
			}
			if (options.containsKey(name)) {
				throw new CommandLineException("--" + name + " is given twice: give it once");
			}
			options.put(name, value);
		}
		for (Map.Entry<String, @Nullable String> option : options.entrySet()) {
			checkOption(command, option.getKey(), option.getValue());
		}
		if (command != null) {
			command.check(words, options.keySet());
		}
		CommandLine line = new CommandLine(command, List.copyOf(words));
		Mode mode = line.mode();
		for (String setting : ourSettings) {
			OUR_NAMESPACES.forEach((namespace, itsMode) -> {
				if (setting.startsWith(namespace) && itsMode != mode) {
					throw new CommandLineException("--" + setting + " is a setting of " + itsMode.description()
							+ ", and this command is " + mode.description() + ": it would change nothing; leave it out");
				}
			});
		}
		return line;
	}

	private static void checkOption(@Nullable Command command, String name, @Nullable String value) {
		if (command == null || !command.options().containsKey(name)) {
			String owners = String.join(", ", Command.all()
				.filter((known) -> known.options().containsKey(name))
				.map((known) -> "--" + known.name())
				.toList());
			throw new CommandLineException("--" + name + " is an option of " + owners + " only"
					+ ((command != null) ? ", not of --" + command.name()
							: "; a run takes job parameters written name=value (orgId=acme dryRun=false)"));
		}
		String placeholder = command.options().get(name);
		if (placeholder == null && value != null) {
			throw new CommandLineException("--" + name + " takes no value: write --" + name + " alone");
		}
		if (placeholder != null && (value == null || value.isBlank())) {
			throw new CommandLineException("--" + name + " needs a value: --" + name + "=" + placeholder
					+ " (one argument: quote it when it has spaces)");
		}
	}

	/** An argument that is nothing known: the nearest command, option or parameter, said as a fix. */
	private static CommandLineException unknown(String arg, String name, List<String> jobParameters) {
		String given = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
		Optional<String> parameter = jobParameters.stream().filter((known) -> known.equalsIgnoreCase(name)).findFirst();
		if (parameter.isPresent()) {
			return new CommandLineException("job parameters are written name=value, without dashes: "
					+ parameter.get() + "=" + ((given != null) ? given : "VALUE") + " (not " + arg + ")");
		}
		String lower = name.toLowerCase(Locale.ROOT);
		Optional<String> nearest = Stream
			.concat(Command.all().flatMap((command) -> Stream.concat(Stream.of(command.name()),
					command.options().keySet().stream())), jobParameters.stream())
			.distinct()
			.filter((known) -> near(known, lower))
			.min(Comparator.comparingInt((String known) -> DISTANCE.apply(known.toLowerCase(Locale.ROOT), lower)));
		String commands = String.join(", ", Command.all().map((command) -> "--" + command.name()).toList());
		if (nearest.isPresent() && jobParameters.contains(nearest.get())) {
			return new CommandLineException("unknown option " + printable(arg) + "; did you mean the job parameter "
					+ nearest.get() + "=" + ((given != null) ? given : "VALUE") + "? (job parameters are written "
					+ "name=value, without dashes)");
		}
		if (nearest.isPresent()) {
			boolean isCommand = Command.named(nearest.get()).isPresent();
			return new CommandLineException("unknown " + (isCommand ? "command --" : "option --") + printable(name)
					+ "; did you mean --" + nearest.get() + "?");
		}
		return new CommandLineException("unknown command or option " + printable(arg) + ": the commands are "
				+ commands + "; a run takes job parameters written name=value (orgId=acme); a setting has a dot "
				+ "(--dedup.progress-interval=30s)");
	}

	/** A typo of that name: at most two edits, and fewer than half its letters. */
	private static boolean near(String known, String lowerCaseName) {
		int distance = DISTANCE.apply(known.toLowerCase(Locale.ROOT), lowerCaseName);
		return distance >= 0 && distance * 2 < lowerCaseName.length();
	}

	/** An argument as it can be shown in a message: cut, control characters replaced. */
	static String printable(String value) {
		String cut = (value.length() > 100) ? value.substring(0, 100) + "…" : value;
		return cut.replaceAll("\\p{Cntrl}", "?");
	}

}
