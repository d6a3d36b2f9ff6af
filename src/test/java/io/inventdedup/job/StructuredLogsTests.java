package io.inventdedup.job;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.inventdedup.InventDedupApplication;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.support.FreshLogging;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The kubernetes profile: one ECS JSON object per log line, the run's figures as fields, no token. */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTests {

	@Test
	void logsOneJsonObjectPerLineWithTheRunsFiguresAndNoToken(CapturedOutput output) {
		OrgGenerator.seeded(95).populate(TestInfrastructure.simulator().org("json-logs"), 20, 0);
		// As in a process of its own: the logging is set up by this application, not as a cached test
		// context of this JVM set it up, and its JSON lines end with it.
		int exitCode = FreshLogging.runWithItsOwnLogging(() -> InventDedupApplication.run(TestInfrastructure.commandLine(
				"orgId=json-logs", "dryRun=false", "--spring.profiles.active=kubernetes",
				"--logging.level.io.inventdedup=DEBUG")));

		assertThat(exitCode).isZero();
		JsonMapper json = JsonMapper.builder().build();
		List<JsonNode> lines = output.getOut()
			.lines()
			.filter((line) -> line.startsWith("{"))
			.map(json::readTree)
			.toList();
		assertThat(lines).isNotEmpty()
			.allSatisfy((line) -> assertThat(line.has("@timestamp") && line.has("message")).isTrue());
		assertThat(lines).anySatisfy((line) -> {
			assertThat(line.path("message").asString()).startsWith("final: collected 20 of 20");
			assertThat(line.path("merged").asLong()).isPositive();
		});
		assertThat(output.getOut().lines().filter((line) -> line.contains("ProgressLog")))
			.allMatch((line) -> line.startsWith("{"));
		assertThat(output.getAll()).doesNotContain(TestInfrastructure.TOKEN);
	}

}
