package io.inventdedup.run;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What the operator types becomes a run's parameters in one place ({@link RunRequest},
 * {@link RunParameters}): a row per parameter left out (its default, from the {@code dedup.*}
 * settings), per refusal (the message names the problem and the fix), and per stored run read back.
 */
class RunRequestTests {

	private static final Clock DECEMBER_7 = Clock.fixed(Instant.parse("2026-12-07T23:30:00Z"), ZoneOffset.UTC);

	/** Settings that differ from every built-in default, so that a row shows which one it took. */
	private static final DedupProperties SETTINGS = settings(Map.of("dedup.dry-run", "false", "dedup.survivor",
			"newest", "dedup.skip-admins", "false", "dedup.skip-blocked", "false", "dedup.skip-unsubscribed", "true",
			"dedup.max-group-size", "7", "dedup.max-merges", "40", "dedup.carry-opt-out", "false", "dedup.fill-name",
			"false", "dedup.check-names", "false"));

	static Stream<Arguments> defaults() {
		return Stream.of(arguments(RunParameters.RUN_KEY, "2026-12-07"), arguments(RunParameters.DRY_RUN, false),
				arguments(RunParameters.SURVIVOR, "newest"), arguments(RunParameters.SKIP_ADMINS, false),
				arguments(RunParameters.SKIP_BLOCKED, false), arguments(RunParameters.SKIP_UNSUBSCRIBED, true),
				arguments(RunParameters.MAX_GROUP_SIZE, 7L), arguments(RunParameters.MAX_MERGES, 40L),
				arguments(RunParameters.CARRY_OPT_OUT, false), arguments(RunParameters.FILL_NAME, false),
				arguments(RunParameters.CHECK_NAMES, false), arguments(RunParameters.PLAN, null));
	}

	@ParameterizedTest(name = "{0} left out: {1}")
	@MethodSource("defaults")
	void aParameterLeftOutTakesItsSetting(String name, Object expected) {
		JobParameters stored = RunRequest.parse(List.of("orgId=acme")).resolve(SETTINGS, DECEMBER_7).toJobParameters();
		assertThat((stored.getParameter(name) != null) ? stored.getParameter(name).value() : null).isEqualTo(expected);
	}

	/** Each parameter given, as typed, and as stored: every value differs from its setting in {@link #SETTINGS}. */
	static Stream<Arguments> given() {
		return Stream.of(arguments(RunParameters.RUN_KEY, "nightly-1", "nightly-1"),
				arguments(RunParameters.DRY_RUN, "TRUE", true), arguments(RunParameters.SURVIVOR, "oldest", "oldest"),
				arguments(RunParameters.SKIP_ADMINS, "true", true), arguments(RunParameters.SKIP_BLOCKED, "true", true),
				arguments(RunParameters.SKIP_UNSUBSCRIBED, "false", false),
				arguments(RunParameters.MAX_GROUP_SIZE, "3", 3L), arguments(RunParameters.MAX_MERGES, "0", 0L),
				arguments(RunParameters.CARRY_OPT_OUT, "true", true), arguments(RunParameters.FILL_NAME, "true", true),
				arguments(RunParameters.CHECK_NAMES, "true", true), arguments(RunParameters.PLAN, "12", 12L),
				// plan=0: no plan, as the help says
				arguments(RunParameters.PLAN, "0", null));
	}

	@ParameterizedTest(name = "{0}={1}")
	@MethodSource("given")
	void aParameterGivenIsTakenOverItsSetting(String name, String typed, Object stored) {
		RunRequest request = RunRequest.parse(List.of("orgId=acme", name + "=" + typed));
		JobParameters parameters = request.resolve(SETTINGS, DECEMBER_7).toJobParameters();
		assertThat((parameters.getParameter(name) != null) ? parameters.getParameter(name).value() : null)
			.isEqualTo(stored);
		assertThat(request.names()).containsExactly(RunParameters.ORG_ID, name);
	}

	static Stream<Arguments> refusals() {
		return Stream.of(arguments(List.of(), "orgId is required: java -jar invent-dedup.jar orgId=<your org id>"),
				arguments(List.of("acme"), "'acme' is not a job parameter: type name=value"),
				arguments(List.of("=acme"), "'=acme' is not a job parameter"),
				arguments(List.of("orgid=acme"), "unknown job parameter 'orgid' (did you mean 'orgId'?)"),
				arguments(List.of("maxMerge=5", "orgId=acme"), "unknown job parameter 'maxMerge' (did you mean 'maxMerges'?)"),
				arguments(List.of("orgId=acme", "orgId=other"), "job parameter 'orgId' is given twice"),
				arguments(List.of("orgId=acme", "dryRun=no"), "dryRun must be true or false, was 'no'"),
				arguments(List.of("orgId=acme", "maxMerges=5k"), "maxMerges must be a whole number, was '5k'"),
				arguments(List.of("orgId=acme", "plan=last"), "plan must be a whole number, was 'last'"),
				arguments(List.of("orgId=acme", "maxMerges=-1"), "maxMerges must be 0 (no cap) or more, was -1"),
				arguments(List.of("orgId=acme", "maxGroupSize=1"), "maxGroupSize must be between 2 and 10000, was 1"),
				arguments(List.of("orgId=acme", "maxGroupSize=10001"), "maxGroupSize must be between 2 and 10000"),
				arguments(List.of("orgId=acme", "plan=-4"), "plan must be the job execution id of a completed dry run"),
				arguments(List.of("orgId=acme", "survivor=loudest"), "survivor: "),
				arguments(List.of("orgId=../admin"), "orgId '../admin' cannot be an Invent org id"),
				arguments(List.of("orgId=acme\u0007"), "orgId 'acme?' cannot be an Invent org id"),
				arguments(List.of("orgId=acme", "runKey=a b"), "runKey 'a b' is not valid"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	void aWrongRequestIsRefusedNamingTheProblemAndTheFix(List<String> words, String message) {
		assertThatThrownBy(() -> RunRequest.parse(words).resolve(SETTINGS, DECEMBER_7))
			.isInstanceOf(InvalidParametersException.class)
			.hasMessageContaining(message);
	}

	static Stream<Arguments> storedRuns() {
		JobParameters complete = RunRequest.parse(List.of("orgId=acme", "dryRun=false", "plan=12"))
			.resolve(SETTINGS, DECEMBER_7)
			.toJobParameters();
		return Stream.of(arguments("as the launcher stored it", complete, null),
				arguments("without checkNames (a plan made before the name check)",
						without(complete, RunParameters.CHECK_NAMES),
						"the run has no boolean job parameter 'checkNames'"),
				arguments("a flag stored as text", new JobParametersBuilder(complete).addString(RunParameters.DRY_RUN, "false")
					.toJobParameters(), "the run has no boolean job parameter 'dryRun'"),
				arguments("a cap stored as text",
						new JobParametersBuilder(complete).addString(RunParameters.MAX_MERGES, "40").toJobParameters(),
						"the run has no long job parameter 'maxMerges'"),
				arguments("an org id no launcher accepts",
						new JobParametersBuilder(complete).addString(RunParameters.ORG_ID, "a/b").toJobParameters(),
						"orgId 'a/b' cannot be an Invent org id"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("storedRuns")
	void aStoredRunIsReadBackAsStartedOrRefused(String what, JobParameters stored, String refusal) {
		if (refusal == null) {
			RunParameters run = RunParameters.from(stored);
			assertThat(run.toJobParameters()).isEqualTo(stored);
			assertThat(run.plan()).isEqualTo(12L);
			assertThat(run.policy().maxGroupSize()).isEqualTo(7);
			return;
		}
		assertThatThrownBy(() -> RunParameters.from(stored)).isInstanceOf(InvalidParametersException.class)
			.hasMessageContaining(refusal);
	}

	private static JobParameters without(JobParameters parameters, String name) {
		return new JobParameters(parameters.parameters()
			.stream()
			.filter((parameter) -> !parameter.name().equals(name))
			.collect(Collectors.toSet()));
	}

	private static DedupProperties settings(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("dedup", DedupProperties.class);
	}

}
