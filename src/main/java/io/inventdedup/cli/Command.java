package io.inventdedup.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.inventdedup.decision.GroupDecision;

/**
 * One of the jar's commands: how many words it takes (ids, keys), its options, with the placeholder
 * of each option's value (null for a switch such as {@code --local}), and the options it cannot do
 * without.
 * @param usage the command as it is typed, for the messages
 */
record Command(String name, Mode mode, int minWords, int maxWords, Map<String, @Nullable String> options,
		List<String> required, String usage) {

	private static final int ANY = Integer.MAX_VALUE;

	private static final Map<String, @Nullable String> DECISION = options("reason", "TEXT", "by", "NAME");

	private static final List<Command> ALL = Stream.of(Stream.of(
			new Command("report", Mode.DATABASE, 0, 1, options("csv", "FILE", "html", "FILE", "html-limit", "N"),
					List.of(), "--report [ID] [--csv=FILE] [--html=FILE|-] [--html-limit=N]"),
			new Command("settle", Mode.DATABASE, 3, 3, DECISION, List.of("reason"),
					"--settle ID GROUP_KEY merged|not-merged --reason=TEXT [--by=NAME]")),
			Arrays.stream(GroupDecision.values()).map(Command::of), Stream.of(
			new Command("hold", Mode.DATABASE, 2, ANY, DECISION, List.of("reason"),
					"--hold ORG CONTACT... --reason=TEXT [--by=NAME]"),
			new Command("release", Mode.DATABASE, 2, ANY, Map.of(), List.of(), "--release ORG CONTACT..."),
			new Command("holds", Mode.DATABASE, 1, 1, Map.of(), List.of(), "--holds ORG"),
			new Command("serve", Mode.SERVE, 0, 0, options("local", null, "by", "NAME"), List.of(),
					"--serve [--local [--by=NAME]]")))
		.flatMap((commands) -> commands)
		.toList();

	/** The command of a decision on groups of a run: {@code --approve ID KEY... --reason=TEXT [--by=NAME]}. */
	private static Command of(GroupDecision decision) {
		return new Command(decision.word(), Mode.DATABASE, 2, ANY, decision.needsReason() ? DECISION : Map.of(),
				decision.needsReason() ? List.of("reason") : List.of(), decision.usage());
	}

	static Stream<Command> all() {
		return ALL.stream();
	}

	static Optional<Command> named(String name) {
		return all().filter((command) -> command.name().equals(name)).findFirst();
	}

	/** Its words and its required options, as given: refused with its usage when wrong. */
	void check(List<String> words, Set<String> given) {
		for (String option : this.required) {
			if (!given.contains(option)) {
				throw new CommandLineException("--" + this.name + " needs --" + option + "=" + this.options.get(option)
						+ ": " + this.usage);
			}
		}
		if (words.size() < this.minWords) {
			throw new CommandLineException("--" + this.name + " takes " + count(this.minWords) + ((this.maxWords
					> this.minWords) ? " or more" : "") + ", got " + words.size() + ": " + this.usage);
		}
		if (words.size() > this.maxWords) {
			throw new CommandLineException("--" + this.name + " takes " + ((this.maxWords == 0) ? "no word"
					: "at most " + count(this.maxWords)) + ", and '" + CommandLine.printable(words.get(this.maxWords))
					+ "' is one too many (options are written --name=value): " + this.usage);
		}
	}

	private static String count(int words) {
		return words + ((words == 1) ? " word" : " words");
	}

	private static Map<String, @Nullable String> options(@Nullable String... namesAndPlaceholders) {
		Map<String, @Nullable String> options = new LinkedHashMap<>();
		for (int i = 0; i < namesAndPlaceholders.length; i += 2) {
			options.put(namesAndPlaceholders[i], namesAndPlaceholders[i + 1]);
		}
		return options;
	}

}
