package io.inventdedup.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.inventdedup.policy.MergePolicy;
import io.inventdedup.policy.SurvivorRule;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * The run's job parameters, the one place each is spelt: their names, types, defaults and checks.
 * The operator's {@code name=value} arguments become a run's parameters ({@link RunRequest#resolve}),
 * and a run's stored parameters become this record again ({@link #from}) for the steps, which bind it once.
 * Every parameter has a known type, so operators never type {@code ,java.lang.Boolean} suffixes;
 * unknown names, bad values and duplicates are refused with a message naming the valid ones;
 * every parameter left out gets its default from {@code dedup.*}, so the stored parameters of a
 * run show each setting it ran with. All parameters identify the run: the same command resumes
 * it, any other is a new run.
 *
 * @param plan the job execution id of the dry run this run applies, or null
 */
public record RunParameters(String orgId, String runKey, boolean dryRun, String survivor, boolean skipAdmins,
		boolean skipBlocked, boolean skipUnsubscribed, long maxGroupSize, long maxMerges, boolean carryOptOut,
		boolean fillName, boolean checkNames, @Nullable Long plan) {

	public static final String ORG_ID = "orgId";

	public static final String RUN_KEY = "runKey";

	public static final String DRY_RUN = "dryRun";

	public static final String SURVIVOR = "survivor";

	public static final String SKIP_ADMINS = "skipAdmins";

	public static final String SKIP_BLOCKED = "skipBlocked";

	public static final String SKIP_UNSUBSCRIBED = "skipUnsubscribed";

	public static final String MAX_GROUP_SIZE = "maxGroupSize";

	public static final String MAX_MERGES = "maxMerges";

	public static final String CARRY_OPT_OUT = "carryOptOut";

	public static final String FILL_NAME = "fillName";

	public static final String CHECK_NAMES = "checkNames";

	public static final String PLAN = "plan";

	/** Every job parameter's name. */
	public static final List<String> NAMES = List.of(ORG_ID, RUN_KEY, DRY_RUN, SURVIVOR, SKIP_ADMINS, SKIP_BLOCKED,
			SKIP_UNSUBSCRIBED, MAX_GROUP_SIZE, MAX_MERGES, CARRY_OPT_OUT, FILL_NAME, CHECK_NAMES, PLAN);

	/** The parameters that make the merge policy: an apply run takes them from its plan. */
	public static final List<String> POLICY = List.of(SURVIVOR, SKIP_ADMINS, SKIP_BLOCKED, SKIP_UNSUBSCRIBED, MAX_GROUP_SIZE,
			CARRY_OPT_OUT, FILL_NAME, CHECK_NAMES);

	/** The parameters a run's audit rows record as its policy: the policy's and the cap. */
	public static final List<String> POLICY_RECORDED = List.of(SURVIVOR, SKIP_ADMINS, SKIP_BLOCKED, SKIP_UNSUBSCRIBED,
			MAX_GROUP_SIZE, MAX_MERGES, CARRY_OPT_OUT, FILL_NAME, CHECK_NAMES);

	/** An org id is one path segment: letters, digits, '-' and '_' (the API's own ids, or 'c'). */
	private static final Pattern ORG_ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

	private static final Pattern RUN_KEY_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

	/** Checks every value: a run never starts, or resumes, on parameters these checks refuse. */
	public RunParameters {
		if (orgId == null) {
			throw new InvalidParametersException(
					"orgId is required: java -jar invent-dedup.jar orgId=<your org id> [name=value ...]");
		}
		if (!ORG_ID_PATTERN.matcher(orgId).matches()) {
			throw new InvalidParametersException("orgId '" + RunRequest.printable(orgId)
					+ "' cannot be an Invent org id: use letters, digits, '-' and '_' only (at most 100)");
		}
		if (runKey == null || !RUN_KEY_PATTERN.matcher(runKey).matches()) {
			throw new InvalidParametersException("runKey '" + RunRequest.printable(String.valueOf(runKey))
					+ "' is not valid: use letters, digits, '.', ':', '-' and '_' only (at most 100)");
		}
		try {
			SurvivorRule.fromCode(String.valueOf(survivor));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidParametersException("survivor: " + ex.getMessage());
		}
		if (maxGroupSize < 2 || maxGroupSize > 10_000) {
			throw new InvalidParametersException("maxGroupSize must be between 2 and 10000, was " + maxGroupSize);
		}
		if (maxMerges < 0) {
			throw new InvalidParametersException("maxMerges must be 0 (no cap) or more, was " + maxMerges);
		}
		if (plan != null && plan < 0) {
			throw new InvalidParametersException("plan must be the job execution id of a completed dry run (see "
					+ "--report), was " + plan);
		}
		plan = (plan != null && plan == 0) ? null : plan;
	}

	/**
	 * A run's stored parameters, read back and checked again.
	 * @throws InvalidParametersException when one is missing or refused
	 */
	public static RunParameters from(JobParameters parameters) {
		return new RunParameters(parameters.getString(ORG_ID), parameters.getString(RUN_KEY),
				stored(parameters, DRY_RUN, Boolean.class), parameters.getString(SURVIVOR),
				stored(parameters, SKIP_ADMINS, Boolean.class), stored(parameters, SKIP_BLOCKED, Boolean.class),
				stored(parameters, SKIP_UNSUBSCRIBED, Boolean.class), stored(parameters, MAX_GROUP_SIZE, Long.class),
				stored(parameters, MAX_MERGES, Long.class), stored(parameters, CARRY_OPT_OUT, Boolean.class),
				stored(parameters, FILL_NAME, Boolean.class), stored(parameters, CHECK_NAMES, Boolean.class),
				parameters.getLong(PLAN));
	}

	/** The run's job parameters, as stored. */
	public JobParameters toJobParameters() {
		JobParametersBuilder parameters = new JobParametersBuilder().addString(ORG_ID, this.orgId)
			.addString(RUN_KEY, this.runKey)
			.addJobParameter(DRY_RUN, this.dryRun, Boolean.class)
			.addString(SURVIVOR, this.survivor)
			.addJobParameter(SKIP_ADMINS, this.skipAdmins, Boolean.class)
			.addJobParameter(SKIP_BLOCKED, this.skipBlocked, Boolean.class)
			.addJobParameter(SKIP_UNSUBSCRIBED, this.skipUnsubscribed, Boolean.class)
			.addLong(MAX_GROUP_SIZE, this.maxGroupSize)
			.addLong(MAX_MERGES, this.maxMerges)
			.addJobParameter(CARRY_OPT_OUT, this.carryOptOut, Boolean.class)
			.addJobParameter(FILL_NAME, this.fillName, Boolean.class)
			.addJobParameter(CHECK_NAMES, this.checkNames, Boolean.class);
		if (this.plan != null) {
			// Only an apply run has one: the runs of other commands keep the parameters, and so the
			// identity, they had before plans existed.
			parameters.addLong(PLAN, this.plan);
		}
		return parameters.toJobParameters();
	}

	/** The merge policy these parameters make. */
	public MergePolicy policy() {
		return new MergePolicy(SurvivorRule.fromCode(this.survivor), this.skipAdmins, this.skipBlocked,
				this.skipUnsubscribed, Math.toIntExact(this.maxGroupSize), this.carryOptOut, this.fillName,
				this.checkNames);
	}

	/** The policy as every audit row records it: the policy's parameters and the cap, by name. */
	public Map<String, Object> recordedPolicy() {
		Map<String, Object> recorded = new LinkedHashMap<>();
		recorded.put(SURVIVOR, this.survivor);
		recorded.put(SKIP_ADMINS, this.skipAdmins);
		recorded.put(SKIP_BLOCKED, this.skipBlocked);
		recorded.put(SKIP_UNSUBSCRIBED, this.skipUnsubscribed);
		recorded.put(MAX_GROUP_SIZE, this.maxGroupSize);
		recorded.put(MAX_MERGES, this.maxMerges);
		recorded.put(CARRY_OPT_OUT, this.carryOptOut);
		recorded.put(FILL_NAME, this.fillName);
		recorded.put(CHECK_NAMES, this.checkNames);
		return recorded;
	}

	/** Refuses, before a run starts or resumes, parameters that {@link #from} refuses. */
	public static JobParametersValidator validator() {
		return (parameters) -> {
			try {
				from(parameters);
			}
			catch (InvalidParametersException ex) {
				throw new InvalidJobParametersException(ex.getMessage());
			}
		};
	}

	private static <T> T stored(JobParameters parameters, String name, Class<T> type) {
		JobParameter<?> parameter = parameters.getParameter(name);
		if (parameter == null || !type.isInstance(parameter.value())) {
			throw new InvalidParametersException("the run has no " + type.getSimpleName().toLowerCase(Locale.ROOT)
					+ " job parameter '" + name + "': it was not started by this job's launcher");
		}
		return type.cast(parameter.value());
	}

	/** The run's parameters as the operator writes them: {@code orgId=acme runKey=... dryRun=true ...}. */
	public static String describe(JobParameters parameters) {
		StringBuilder text = new StringBuilder();
		for (String name : NAMES) {
			if (parameters.getParameter(name) != null) {
				text.append((text.length() > 0) ? " " : "").append(name).append('=')
					.append(parameters.getParameter(name).value());
			}
		}
		return text.toString();
	}

}
