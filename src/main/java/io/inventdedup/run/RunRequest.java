package io.inventdedup.run;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The job parameters an operator typed ({@code orgId=acme dryRun=false}), read once, before anything
 * starts: every word a {@code name=value} of a known name given once. What is left out is not known
 * yet: {@link #resolve} fills it in from the {@code dedup.*} settings once they are bound, and checks
 * every value, into the run's {@link RunParameters} (the startup check does so before any bean
 * exists, after it has reported a misspelt setting: a typo is reported as such first).
 */
public final class RunRequest {

	private final Map<String, String> given;

	private RunRequest(Map<String, String> given) {
		this.given = Collections.unmodifiableMap(given);
	}

	/**
	 * Reads the operator's {@code name=value} words.
	 * @throws InvalidParametersException for a word that is no {@code name=value}, an unknown name, or a
	 * name given twice
	 */
	public static RunRequest parse(List<String> words) {
		Map<String, String> given = new LinkedHashMap<>();
		for (String word : words) {
			int equals = word.indexOf('=');
			if (equals <= 0) {
				throw new InvalidParametersException("'" + printable(word)
						+ "' is not a job parameter: type name=value, e.g. orgId=acme dryRun=false. Valid names: "
						+ String.join(", ", RunParameters.NAMES));
			}
			String name = word.substring(0, equals);
			if (!RunParameters.NAMES.contains(name)) {
				throw new InvalidParametersException("unknown job parameter '" + printable(name) + "'"
						+ suggestion(name) + "; valid names: " + String.join(", ", RunParameters.NAMES));
			}
			if (given.put(name, word.substring(equals + 1)) != null) {
				throw new InvalidParametersException("job parameter '" + name + "' is given twice");
			}
		}
		return new RunRequest(given);
	}

	/** The org, when the operator gave one ({@link #resolve} refuses a request without). */
	public Optional<String> orgId() {
		return Optional.ofNullable(this.given.get(RunParameters.ORG_ID));
	}

	/** The names of the parameters the operator gave (the others take their defaults). */
	public Set<String> names() {
		return this.given.keySet();
	}

	/**
	 * The run asked for, every parameter left out taken from the settings ({@code runKey}: today's date).
	 * @throws InvalidParametersException when a value is refused ({@link RunParameters})
	 */
	public RunParameters resolve(DedupProperties defaults, Clock clock) {
		return new RunParameters(this.given.get(RunParameters.ORG_ID),
				this.given.getOrDefault(RunParameters.RUN_KEY, LocalDate.now(clock).toString()),
				booleanValue(RunParameters.DRY_RUN, defaults.dryRun()),
				this.given.getOrDefault(RunParameters.SURVIVOR, defaults.survivor()),
				booleanValue(RunParameters.SKIP_ADMINS, defaults.skipAdmins()),
				booleanValue(RunParameters.SKIP_BLOCKED, defaults.skipBlocked()),
				booleanValue(RunParameters.SKIP_UNSUBSCRIBED, defaults.skipUnsubscribed()),
				longValue(RunParameters.MAX_GROUP_SIZE, defaults.maxGroupSize()),
				longValue(RunParameters.MAX_MERGES, defaults.maxMerges()),
				booleanValue(RunParameters.CARRY_OPT_OUT, defaults.carryOptOut()),
				booleanValue(RunParameters.FILL_NAME, defaults.fillName()),
				booleanValue(RunParameters.CHECK_NAMES, defaults.checkNames()), longValue(RunParameters.PLAN, 0));
	}

	private boolean booleanValue(String name, boolean defaultValue) {
		String value = this.given.get(name);
		if (value == null) {
			return defaultValue;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new InvalidParametersException(
					name + " must be true or false, was '" + printable(value) + "'");
		};
	}

	private long longValue(String name, long defaultValue) {
		String value = this.given.get(name);
		if (value == null) {
			return defaultValue;
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new InvalidParametersException(name + " must be a whole number, was '" + printable(value) + "'");
		}
	}

	private static String suggestion(String name) {
		return RunParameters.NAMES.stream()
			.filter((known) -> known.equalsIgnoreCase(name)
					|| known.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT)))
			.findFirst()
			.map((known) -> " (did you mean '" + known + "'?)")
			.orElse("");
	}

	/** The value as it can be shown in a message: cut, control characters replaced. */
	static String printable(String value) {
		String cut = (value.length() > 100) ? value.substring(0, 100) + "…" : value;
		return cut.replaceAll("\\p{Cntrl}", "?");
	}

}
