package io.inventdedup.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

import io.inventdedup.InventDedupApplication;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as {@code java -jar} starts it: a wrong command or configuration ends with exit
 * code 2 and a message naming the problem, before the database or Invent is touched.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupTests {

	@Test
	void refusesAMisspelledParameterWithExitCodeTwoAndNamesTheValidOnes(CapturedOutput output) {
		int exitCode = InventDedupApplication.run("orgId=acme", "dryrun=false", "--invent.api.token=t",
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere");

		assertThat(exitCode).isEqualTo(2);
		assertThat(output).contains("unknown job parameter 'dryrun' (did you mean 'dryRun'?)")
			.contains("valid names: orgId, runKey, dryRun")
			.doesNotContain("Connection refused");
	}

	@Test
	void refusesToStartWithoutATokenWithExitCodeTwo(CapturedOutput output) {
		int exitCode = InventDedupApplication.run("orgId=acme",
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere");

		assertThat(exitCode).isEqualTo(2);
		assertThat(output).contains("invent.api.token is required: set the environment variable INVENT_API_TOKEN");
	}

	@Test
	void exitsWithOneWhenTheDatabaseCannotBeReached() {
		int exitCode = InventDedupApplication.run("orgId=acme", "--invent.api.token=t",
				"--invent.api.base-url=" + TestInfrastructure.simulator().baseUrl(),
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere",
				"--spring.datasource.hikari.connection-timeout=1000");

		assertThat(exitCode).isEqualTo(1);
		assertThat(TestInfrastructure.simulator().requests("acme", "GET")).isZero();
	}

	@Test
	void refusesAMisspelledSettingWithExitCodeTwoAndNamesTheValidOnes(CapturedOutput output) {
		int exitCode = InventDedupApplication.run("orgId=acme", "--invent.api.token=t", "--dedup.dryrun=false",
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere");

		assertThat(exitCode).isEqualTo(2);
		assertThat(output).contains("unknown setting 'dedup.dryrun'").contains("dedup.dry-run");
	}

	@Test
	void refusesAPlainHttpApiOutsideLoopbackWithExitCodeTwo(CapturedOutput output) {
		int exitCode = InventDedupApplication.run("orgId=acme", "--invent.api.token=t",
				"--invent.api.base-url=http://api.useinvent.com",
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere");

		assertThat(exitCode).isEqualTo(2);
		assertThat(output).contains("invent.api.base-url must be an https URL");
	}


	@Test
	void refusesABoundShorterThanOnePageAndOneMergeAtTheRateBeforeAnyRequestWithExitCodeTwo(CapturedOutput output) {
		int exitCode = InventDedupApplication.run("orgId=bound-too-short", "dryRun=false", "--invent.api.token=t",
				"--invent.api.base-url=" + TestInfrastructure.simulator().baseUrl(),
				"--dedup.merge.max-listing-age=200ms", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere");

		assertThat(exitCode).isEqualTo(2);
		assertThat(output).contains("dedup.merge.max-listing-age (PT0.2S) is shorter than reading one page of the "
				+ "duplicate listing and sending one merge take at invent.api.rate-limit-per-minute=500 (320 ms)")
			.contains("Raise dedup.merge.max-listing-age");
		assertThat(TestInfrastructure.simulator().requests("bound-too-short", "GET")).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0s", "-5m" })
	void refusesAListingAgeBoundThatWouldNeverLetAMergeBeSentWithExitCodeTwo(String bound, CapturedOutput output) {
		int exitCode = InventDedupApplication.run("orgId=acme", "--invent.api.token=t",
				"--dedup.merge.max-listing-age=" + bound, "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere");

		assertThat(exitCode).isEqualTo(2);
		assertThat(output).contains("max-listing-age must be positive");
	}

}
