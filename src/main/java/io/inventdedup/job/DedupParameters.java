package io.inventdedup.job;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.inventdedup.policy.SurvivorRule;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Turns the operator's {@code name=value} arguments into the run's job parameters. Every
 * parameter has a known type, so operators never type {@code ,java.lang.Boolean} suffixes;
 * unknown names, bad values and duplicates are refused with a message naming the valid ones;
 * every parameter left out gets its default from {@code dedup.*}, so the stored parameters of a
 * run show each setting it ran with. All parameters identify the run: the same command resumes
 * it, any other is a new run.
 */
public final class DedupParameters {

	static final String ORG_ID = "orgId";

	static final String RUN_KEY = "runKey";

	static final String DRY_RUN = "dryRun";

	static final String SURVIVOR = "survivor";

	static final String SKIP_ADMINS = "skipAdmins";

	static final String SKIP_BLOCKED = "skipBlocked";

	static final String SKIP_UNSUBSCRIBED = "skipUnsubscribed";

	static final String MAX_GROUP_SIZE = "maxGroupSize";

	static final String MAX_MERGES = "maxMerges";

	static final String CARRY_OPT_OUT = "carryOptOut";

	static final String FILL_NAME = "fillName";

	static final String CHECK_NAMES = "checkNames";

	static final String PLAN = "plan";

	/** Every job parameter's name. */
	public static final List<String> NAMES = List.of(ORG_ID, RUN_KEY, DRY_RUN, SURVIVOR, SKIP_ADMINS, SKIP_BLOCKED,
			SKIP_UNSUBSCRIBED, MAX_GROUP_SIZE, MAX_MERGES, CARRY_OPT_OUT, FILL_NAME, CHECK_NAMES, PLAN);

	/** The parameters that make the merge policy: an apply run takes them from its plan. */
	static final List<String> POLICY = List.of(SURVIVOR, SKIP_ADMINS, SKIP_BLOCKED, SKIP_UNSUBSCRIBED, MAX_GROUP_SIZE,
			CARRY_OPT_OUT, FILL_NAME, CHECK_NAMES);

	/** An org id is one path segment: letters, digits, '-' and '_' (the API's own ids, or 'c'). */
	private static final Pattern ORG_ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

	private static final Pattern RUN_KEY_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

	private DedupParameters() {
	}

	static JobParameters resolve(List<String> args, DedupProperties defaults, Clock clock) {
		Map<String, String> given = parse(args);
		String orgId = given.get(ORG_ID);
		if (orgId == null) {
			throw new InvalidParametersException(
					"orgId is required: java -jar invent-dedup.jar orgId=<your org id> [name=value ...]");
		}
		if (!ORG_ID_PATTERN.matcher(orgId).matches()) {
			throw new InvalidParametersException("orgId '" + printable(orgId)
					+ "' cannot be an Invent org id: use letters, digits, '-' and '_' only (at most 100)");
		}
		String runKey = given.getOrDefault(RUN_KEY, LocalDate.now(clock).toString());
		if (!RUN_KEY_PATTERN.matcher(runKey).matches()) {
			throw new InvalidParametersException("runKey '" + printable(runKey)
					+ "' is not valid: use letters, digits, '.', ':', '-' and '_' only (at most 100)");
		}
		String survivor = given.getOrDefault(SURVIVOR, defaults.survivor());
		try {
			SurvivorRule.fromCode(survivor);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidParametersException("survivor: " + ex.getMessage());
		}
		long maxGroupSize = longValue(given, MAX_GROUP_SIZE, defaults.maxGroupSize());
		if (maxGroupSize < 2 || maxGroupSize > 10_000) {
			throw new InvalidParametersException("maxGroupSize must be between 2 and 10000, was " + maxGroupSize);
		}
		long maxMerges = longValue(given, MAX_MERGES, defaults.maxMerges());
		if (maxMerges < 0) {
			throw new InvalidParametersException("maxMerges must be 0 (no cap) or more, was " + maxMerges);
		}
		long plan = longValue(given, PLAN, 0);
		if (plan < 0) {
			throw new InvalidParametersException("plan must be the job execution id of a completed dry run (see "
					+ "--report), was " + plan);
		}
		JobParametersBuilder parameters = new JobParametersBuilder().addString(ORG_ID, orgId)
			.addString(RUN_KEY, runKey)
			.addJobParameter(DRY_RUN, booleanValue(given, DRY_RUN, defaults.dryRun()), Boolean.class)
			.addString(SURVIVOR, survivor)
			.addJobParameter(SKIP_ADMINS, booleanValue(given, SKIP_ADMINS, defaults.skipAdmins()), Boolean.class)
			.addJobParameter(SKIP_BLOCKED, booleanValue(given, SKIP_BLOCKED, defaults.skipBlocked()), Boolean.class)
			.addJobParameter(SKIP_UNSUBSCRIBED, booleanValue(given, SKIP_UNSUBSCRIBED, defaults.skipUnsubscribed()),
					Boolean.class)
			.addLong(MAX_GROUP_SIZE, maxGroupSize)
			.addLong(MAX_MERGES, maxMerges)
			.addJobParameter(CARRY_OPT_OUT, booleanValue(given, CARRY_OPT_OUT, defaults.carryOptOut()), Boolean.class)
			.addJobParameter(FILL_NAME, booleanValue(given, FILL_NAME, defaults.fillName()), Boolean.class)
			.addJobParameter(CHECK_NAMES, booleanValue(given, CHECK_NAMES, defaults.checkNames()), Boolean.class);
		if (plan > 0) {
			// Only an apply run has one: the runs of other commands keep the parameters, and so the
			// identity, they had before plans existed.
			parameters.addLong(PLAN, plan);
		}
		return parameters.toJobParameters();
	}

	/**
	 * The names of the parameters the operator gave (the others took their defaults).
	 * @throws InvalidParametersException for a word that is no {@code name=value}, an unknown name, or
	 * a name given twice
	 */
	public static Set<String> given(List<String> args) {
		return parse(args).keySet();
	}

	private static Map<String, String> parse(List<String> args) {
		Map<String, String> given = new LinkedHashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (equals <= 0) {
				throw new InvalidParametersException("'" + printable(arg)
						+ "' is not a job parameter: type name=value, e.g. orgId=acme dryRun=false. Valid names: "
						+ String.join(", ", NAMES));
			}
			String name = arg.substring(0, equals);
			if (!NAMES.contains(name)) {
				throw new InvalidParametersException("unknown job parameter '" + printable(name) + "'"
						+ suggestion(name) + "; valid names: " + String.join(", ", NAMES));
			}
			if (given.put(name, arg.substring(equals + 1)) != null) {
				throw new InvalidParametersException("job parameter '" + name + "' is given twice");
			}
		}
		return given;
	}

	private static String suggestion(String name) {
		return NAMES.stream()
			.filter((known) -> known.equalsIgnoreCase(name) || known.toLowerCase(Locale.ROOT)
				.startsWith(name.toLowerCase(Locale.ROOT)))
			.findFirst()
			.map((known) -> " (did you mean '" + known + "'?)")
			.orElse("");
	}

	private static boolean booleanValue(Map<String, String> given, String name, boolean defaultValue) {
		String value = given.get(name);
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

	private static long longValue(Map<String, String> given, String name, long defaultValue) {
		String value = given.get(name);
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

	/** The run's parameters as the operator writes them: {@code orgId=acme runKey=... dryRun=true ...}. */
	static String describe(JobParameters parameters) {
		StringBuilder text = new StringBuilder();
		for (String name : NAMES) {
			if (parameters.getParameter(name) != null) {
				text.append((text.length() > 0) ? " " : "").append(name).append('=')
					.append(parameters.getParameter(name).value());
			}
		}
		return text.toString();
	}

	/** The value as it can be shown in a message: cut, control characters replaced. */
	private static String printable(String value) {
		String cut = (value.length() > 100) ? value.substring(0, 100) + "…" : value;
		return cut.replaceAll("\\p{Cntrl}", "?");
	}

}
