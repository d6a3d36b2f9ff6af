package io.inventdedup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo ({@code ./mvnw -q spring-boot:test-run}, README's first command) as a new user sees it, in a
 * JVM of its own on the build's test class path: it ends with exit code 0, its console tells the
 * story in at most 80 lines, every line its own (no line of a log record: those go to the file it
 * names), and it ends with the next step.
 */
class DemoIT {

	/** The start of a log record: a time stamp and a level (text logs), or a JSON record. */
	private static final Pattern LOG_RECORD = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}\\S*\\s+(TRACE|DEBUG|INFO|WARN|ERROR)\\b|\\{\"@timestamp\"|\\d{2}:\\d{2}:\\d{2}\\.\\d+ \\[");

	@Test
	void theDemoTellsItsStoryInAtMostEightyLinesOfItsOwnAndEndsWithTheNextStep() throws Exception {
		Path out = Files.createTempFile("demo", ".out");
		// The JIT's first tier and the serial collector, as every test JVM of the build: what the demo
		// prints is the same, for about a third less CPU.
		Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
				DemoApplication.class.getName())
			.redirectErrorStream(true)
			.redirectOutput(out.toFile())
			.start();
		try {
			assertThat(demo.waitFor(5, TimeUnit.MINUTES)).as("the demo ends").isTrue();
			List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
			String all = String.join("\n", lines);
			assertThat(demo.exitValue()).as(all).isZero();
			assertThat(lines).as(all).hasSizeLessThanOrEqualTo(80)
				.noneMatch((line) -> LOG_RECORD.matcher(line).find());
			assertThat(lines.get(0)).startsWith("invent-dedup demo:").contains("The full log: target/demo/demo.log");
			assertThat(all).contains("=== 1. A dry run, the plan").contains("=== 6. Apply the reviewed plan")
				.contains("Exit codes: dry run 0, apply run 0");
			assertThat(lines.get(lines.size() - 1)).isEqualTo("  ./mvnw -q spring-boot:test-run -Dspring-boot.run.arguments=--serve");
			assertThat(Path.of("target", "demo", "demo.log")).as("the framework's lines, in the file named")
				.content().contains("HikariPool").contains("Flyway");
		}
		finally {
			demo.destroyForcibly();
			Files.deleteIfExists(out);
		}
	}

}
