package io.inventdedup;

import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.inventdedup.audit.RunFacts;
import io.inventdedup.audit.RunRecords;
import io.inventdedup.report.RunSummary;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.support.TestInfrastructure;
import io.inventdedup.web.ReviewServer;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one-command demo ({@code ./mvnw -q spring-boot:test-run}): the real job against the Invent
 * simulator and an embedded PostgreSQL, nothing to install. It seeds an organization of 300
 * duplicate groups and walks through "Review, then merge" in numbered steps: a dry run (the plan), a
 * rejection, an approval of a group that waited for a person, a hold, a change in the org, the
 * apply run of the plan, its report and the page of each run. The console tells that story and
 * nothing else (the framework's logs go to {@code target/demo/demo.log}); it ends with the next
 * step. Extra {@code name=value} arguments go to both runs; {@code --serve} then serves the review
 * in a browser on the demo's database (local mode) until Ctrl+C.
 */
public final class DemoApplication {

	private static final String ORG_ID = "demo";

	/** Where the demo's full log goes: the console tells the story. */
	private static final String LOG = "target/demo/demo.log";

	private DemoApplication() {
	}

	public static void main(String[] given) {
		// --serve: after the runs, the review in a browser on the demo's database, until Ctrl+C.
		boolean serve = List.of(given).contains("--serve");
		String[] args = List.of(given).stream().filter((arg) -> !arg.equals("--serve")).toArray(String[]::new);
		quietUntilSpringLogs();
		InventSimulator simulator = TestInfrastructure.simulator();
		OrgGenerator.seeded(2026).populate(simulator.org(ORG_ID), 300, 100);
		System.setProperty("spring.datasource.url", TestInfrastructure.jdbcUrl());
		System.setProperty("spring.datasource.username", "postgres");
		System.setProperty("spring.datasource.password", "postgres");
		System.setProperty("invent.api.base-url", simulator.baseUrl());
		System.setProperty("invent.api.token", TestInfrastructure.TOKEN);
		System.setProperty("invent.api.rate-limit-per-minute", "3000");
		// The story on the console, every framework line in the log file.
		System.setProperty("logging.file.name", LOG);
		System.setProperty("logging.threshold.console", "ERROR");
		System.setProperty("spring.main.banner-mode", "off");
		DataSource dataSource = TestInfrastructure.postgres().getPostgresDatabase();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		System.out.printf("invent-dedup demo: org '%s' of a simulated Invent (300 duplicate groups, the API paced at 3,000 "
				+ "calls a minute), an embedded PostgreSQL. The full log: %s%n", ORG_ID, LOG);

		step("1. A dry run, the plan: orgId=" + ORG_ID + " dryRun=true");
		int dryRun = InventDedupApplication.run(arguments(args, "runKey=demo-plan", "dryRun=true"));
		long plan = summary(jdbc, dryRun);
		List<Map<String, Object>> planned = jdbc.queryForList("""
				SELECT group_key, survivor_contact_id, source_contact_ids[1] AS source FROM dedup_audit
				WHERE org_id = ? AND status = 'PLANNED' ORDER BY id LIMIT 3
				""", ORG_ID);
		step("2. Reject a planned group: --reject " + plan + " " + planned.get(0).get("group_key"));
		InventDedupApplication.run("--reject", String.valueOf(plan), (String) planned.get(0).get("group_key"),
				"--reason=the demo's reviewer says no", "--by=demo");
		List<String> queued = jdbc.queryForList("SELECT group_key FROM dedup_audit WHERE org_id = ? AND status = "
				+ "'NEEDS_REVIEW' ORDER BY id LIMIT 1", String.class, ORG_ID);
		if (!queued.isEmpty()) {
			step("3. Approve a group that waits for a person (its names disagree): --approve " + plan + " "
					+ queued.get(0));
			InventDedupApplication.run("--approve", String.valueOf(plan), queued.get(0),
					"--reason=the demo's reviewer knows them: one customer", "--by=demo");
		}
		step("4. Hold a contact: --hold " + ORG_ID + " " + planned.get(1).get("source"));
		InventDedupApplication.run("--hold", ORG_ID, (String) planned.get(1).get("source"), "--reason=VIP account",
				"--by=demo");
		step("5. The org changes: " + planned.get(2).get("survivor_contact_id") + " becomes an admin in Invent");
		simulator.org(ORG_ID).change((String) planned.get(2).get("survivor_contact_id"), (c) -> c.admin(true));
		step("6. Apply the reviewed plan: orgId=" + ORG_ID + " dryRun=false plan=" + plan);
		int apply = InventDedupApplication.run(arguments(args, "runKey=demo-apply", "dryRun=false", "plan=" + plan));
		long applied = summary(jdbc, apply);
		System.out.printf("   The simulated Invent applied %d merges; %d contacts are left in the org%n",
				simulator.mergeLog(ORG_ID).size(), simulator.org(ORG_ID).contactIds().size());
		step("7. The apply run's report: --report " + applied);
		InventDedupApplication.run("--report", String.valueOf(applied));
		new File("target/demo").mkdirs();
		PrintStream console = System.out;
		System.setOut(new PrintStream(OutputStream.nullOutputStream()));
		try {
			// The pages, written as --report ID --html=FILE writes them; its summary was printed above.
			for (long execution : new long[] { plan, applied }) {
				InventDedupApplication.run("--report", String.valueOf(execution),
						"--html=target/demo/run-" + execution + ".html");
			}
		}
		finally {
			System.setOut(console);
		}
		step("8. The pages of both runs, to open in a browser: target/demo/run-" + plan + ".html, target/demo/run-"
				+ applied + ".html");
		System.out.printf("%nExit codes: dry run %d, apply run %d%n", dryRun, apply);
		if (serve) {
			step("9. The review in a browser on this demo's database: open the sign-in link below; Ctrl+C ends the demo");
			System.out.printf("   While it runs, the commands of \"Reviewing a run\" read the same database, e.g.%n"
					+ "   java -jar target/invent-dedup.jar --report %d --spring.datasource.url=%s "
					+ "--spring.datasource.username=postgres --spring.datasource.password=postgres%n", applied,
					TestInfrastructure.jdbcUrl());
			endCleanlyOnCtrlC();
			ReviewServer.run("--serve", "--local", "--by=demo");
		}
		else {
			System.out.printf("Next: the review in a browser on the demo's database (it stays until Ctrl+C):%n"
					+ "  ./mvnw -q spring-boot:test-run -Dspring-boot.run.arguments=--serve%n");
		}
		simulator.close();
		System.exit(Math.max(dryRun, apply));
	}

	/** Before Spring Boot sets the logs up (the embedded PostgreSQL starts first), only errors reach the console. */
	private static void quietUntilSpringLogs() {
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.ERROR);
	}

	/** The last run's summary, in a few lines of the demo's own; answers its job execution. */
	private static long summary(JdbcTemplate jdbc, int exitCode) {
		long execution = jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?",
				Long.class, ORG_ID);
		RunFacts run = new RunRecords(jdbc).run(execution).orElseThrow();
		RunFacts.Counts counts = run.counts();
		System.out.printf("   run %d (job execution %d): %s in %s, exit code %d%n   %d groups: %d planned, %d merged, "
				+ "%d skipped, %d failed, %d left for a person; %d contacts merged away%n   by reason: %s%n",
				run.instance(), execution, run.executionStatus(), run.duration(), exitCode, counts.groups(),
				counts.planned(), counts.merged(), counts.skipped(), counts.failed(), counts.needsReview(),
				counts.contactsMergedAway(), RunSummary.reasons(counts));
		return execution;
	}

	/**
	 * Ctrl+C is how the served demo ends, not a failure: exit 0, the shutdown hooks closing the
	 * server and the embedded PostgreSQL. A terminal sends SIGINT to Maven and to this JVM; when only
	 * Maven gets it (an IDE, {@code kill -INT}), {@code spring-boot:test-run} waits five seconds, then
	 * ends this JVM with SIGTERM, which the JVM answers with exit code 143 and Maven with BUILD
	 * FAILURE. Both signals end the demo with 0.
	 */
	@SuppressWarnings("restriction")
	private static void endCleanlyOnCtrlC() {
		for (String name : new String[] { "INT", "TERM" }) {
			sun.misc.Signal.handle(new sun.misc.Signal(name), (signal) -> System.exit(0));
		}
	}

	private static void step(String what) {
		System.out.printf("%n=== %s ===%n", what);
	}

	private static String[] arguments(String[] extra, String... run) {
		List<String> arguments = new ArrayList<>(List.of("orgId=" + ORG_ID));
		arguments.addAll(List.of(run));
		arguments.addAll(List.of(extra));
		return arguments.toArray(String[]::new);
	}

}
