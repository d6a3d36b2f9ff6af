package io.inventdedup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.support.JobProcess;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * README's "Your first org", step by step as written, as far as it runs without Invent: the jar
 * against the simulator and the test database, pointed at them through the very environment
 * variables the steps export (their values are the test's). The build under test made the jar and
 * the database exists, so the package and {@code createdb} lines are read, not run; every
 * {@code java -jar} line runs as written (the org {@code acme} seeded in the simulator; {@code 42}
 * and {@code 43} the job executions the runs print, as the steps say) and ends with exit code 0;
 * the review in a browser prints its sign-in link.
 */
class FirstOrgIT {

	private static final Pattern SHELL = Pattern.compile("(?s)```shell\\n(.*?)```");

	@Test
	void readmesFirstOrgStepsRunAsWritten() throws Exception {
		String readme = Files.readString(Path.of("README.md"));
		int start = readme.indexOf("## Your first org");
		assertThat(start).as("README has the section").isPositive();
		String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
		List<String> lines = new ArrayList<>();
		Matcher block = SHELL.matcher(section);
		while (block.find()) {
			for (String line : block.group(1).split("\n")) {
				String command = line.replaceAll("\\s+#.*$", "").strip();
				if (!command.isEmpty()) {
					lines.add(command);
				}
			}
		}
		Set<String> exported = new TreeSet<>();
		lines.stream().filter((line) -> line.startsWith("export ")).forEach((line) -> Arrays
			.stream(line.substring(7).split("\\s+"))
			.forEach((assignment) -> exported.add(assignment.substring(0, assignment.indexOf('=')))));
		assertThat(exported).as("what the steps export is what the jar reads (JobProcess sets these)")
			.containsExactly("INVENT_API_TOKEN", "SPRING_DATASOURCE_PASSWORD", "SPRING_DATASOURCE_URL",
					"SPRING_DATASOURCE_USERNAME");
		assertThat(lines).contains("./mvnw -q -DskipTests package", "createdb invent_dedup");

		String orgId = "acme";
		OrgGenerator.seeded(49).sharedChannels(0.3).populate(TestInfrastructure.simulator().org(orgId), 40, 0);
		JdbcTemplate jdbc = TestInfrastructure.migratedDatabase();
		String dryRun = null;
		String apply = null;
		int ran = 0;
		for (String line : lines.stream().filter((line) -> line.startsWith("java -jar target/invent-dedup.jar ")).toList()) {
			String[] args = line.substring("java -jar target/invent-dedup.jar ".length()).split("\\s+");
			for (int i = 0; i < args.length; i++) {
				args[i] = args[i].replace("=42", "=" + dryRun).replace("-42", "-" + dryRun);
				if (args[i].equals("42")) {
					args[i] = dryRun;
				}
				if (args[i].equals("43")) {
					args[i] = apply;
				}
				if (args[i].startsWith("--html=")) {
					// The page the step writes, in the build's directory rather than beside the sources.
					args[i] = "--html=target/" + args[i].substring("--html=".length());
				}
			}
			JobProcess step = JobProcess.start("first-org-" + (++ran), args);
			if (line.contains("--serve")) {
				await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
					.until(() -> step.output().contains("sign-in: http://127.0.0.1:") || !step.isAlive());
				assertThat(step.output()).as(line).contains("sign-in: http://127.0.0.1:");
				step.kill();
				step.waitFor(30);
				continue;
			}
			assertThat(step.waitFor(180)).as(line + "\n" + step.output()).isZero();
			if (line.contains("orgId=acme")) {
				String execution = String.valueOf(jdbc.queryForObject(
						"SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?", Long.class, orgId));
				if (line.contains("dryRun=false")) {
					apply = execution;
				}
				else {
					dryRun = execution;
					assertThat(step.output()).as("the dry run's summary says how to apply it")
						.contains("applied with plan=" + dryRun);
				}
			}
		}
		assertThat(ran).as("the dry run, three ways to review it, the apply and its report").isEqualTo(6);
		assertThat(TestInfrastructure.simulator().mergeLog(orgId)).as("the apply merged the plan").isNotEmpty();
	}

}
