package io.inventdedup;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.support.TestInfrastructure;
import io.inventdedup.web.ReviewServer;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one-command demo ({@code ./mvnw spring-boot:test-run}): the real job against the Invent
 * simulator and an embedded PostgreSQL, nothing to install. It seeds an organization of 300
 * duplicate groups and walks through "Review, then merge": a dry run (the plan), a rejection and a
 * hold, a change in the org, then the apply run of the plan, its report and the page of each run, printing each run's
 * summary and the review queries' output; one group the dry run queued for a person (its names
 * disagree) is approved, and the apply run merges it. Extra {@code name=value} arguments go to both
 * runs; {@code --serve} then serves the review in a browser on the demo's database (local mode).
 */
public final class DemoApplication {

	private static final String ORG_ID = "demo";

	private DemoApplication() {
	}

	public static void main(String[] given) {
		// --serve: after the runs, the review in a browser on the demo's database, until Ctrl+C.
		boolean serve = List.of(given).contains("--serve");
		String[] args = List.of(given).stream().filter((arg) -> !arg.equals("--serve")).toArray(String[]::new);
		InventSimulator simulator = TestInfrastructure.simulator();
		OrgGenerator.seeded(2026).populate(simulator.org(ORG_ID), 300, 100);
		System.setProperty("spring.datasource.url", TestInfrastructure.jdbcUrl());
		System.setProperty("spring.datasource.username", "postgres");
		System.setProperty("spring.datasource.password", "postgres");
		System.setProperty("invent.api.base-url", simulator.baseUrl());
		System.setProperty("invent.api.token", TestInfrastructure.TOKEN);
		System.setProperty("invent.api.rate-limit-per-minute", "3000");
		DataSource dataSource = TestInfrastructure.postgres().getPostgresDatabase();

		int dryRun = InventDedupApplication.run(arguments(args, "runKey=demo-plan", "dryRun=true"));
		review(dataSource, "after the dry run (the plan)", simulator);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		long plan = jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?", Long.class,
				ORG_ID);
		List<Map<String, Object>> planned = jdbc.queryForList("""
				SELECT group_key, survivor_contact_id, source_contact_ids[1] AS source FROM dedup_audit
				WHERE org_id = ? AND status = 'PLANNED' ORDER BY id LIMIT 3
				""", ORG_ID);
		step("Reject a planned group: --reject " + plan + " " + planned.get(0).get("group_key"));
		InventDedupApplication.run("--reject", String.valueOf(plan), (String) planned.get(0).get("group_key"),
				"--reason=the demo's reviewer says no", "--by=demo");
		List<String> queued = jdbc.queryForList("SELECT group_key FROM dedup_audit WHERE org_id = ? AND status = "
				+ "'NEEDS_REVIEW' ORDER BY id LIMIT 1", String.class, ORG_ID);
		if (!queued.isEmpty()) {
			step("Approve a group that waits for a person (its names disagree): --approve " + plan + " "
					+ queued.get(0));
			InventDedupApplication.run("--approve", String.valueOf(plan), queued.get(0),
					"--reason=the demo's reviewer knows them: one customer", "--by=demo");
		}
		step("Hold a contact: --hold " + ORG_ID + " " + planned.get(1).get("source"));
		InventDedupApplication.run("--hold", ORG_ID, (String) planned.get(1).get("source"), "--reason=VIP account",
				"--by=demo");
		step("The org changes: " + planned.get(2).get("survivor_contact_id") + " becomes an admin in Invent");
		simulator.org(ORG_ID).change((String) planned.get(2).get("survivor_contact_id"), (c) -> c.admin(true));
		step("Apply the reviewed plan: orgId=" + ORG_ID + " dryRun=false plan=" + plan);
		int apply = InventDedupApplication.run(arguments(args, "runKey=demo-apply", "dryRun=false", "plan=" + plan));
		review(dataSource, "after the apply run", simulator);
		long applied = jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?",
				Long.class, ORG_ID);
		step("The apply run's report: --report " + applied);
		InventDedupApplication.run("--report", String.valueOf(applied));
		for (long execution : new long[] { plan, applied }) {
			step("The run's page: --report " + execution + " --html=target/demo/run-" + execution + ".html");
			new File("target/demo").mkdirs();
			InventDedupApplication.run("--report", String.valueOf(execution),
					"--html=target/demo/run-" + execution + ".html");
		}
		System.out.printf("%nExit codes: dry run %d, apply run %d%n", dryRun, apply);
		if (serve) {
			step("The review in a browser: --serve --local (open the sign-in link below; Ctrl+C ends the demo)");
			endCleanlyOnCtrlC();
			ReviewServer.run("--serve", "--local", "--by=demo");
		}
		simulator.close();
		System.exit(Math.max(dryRun, apply));
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

	private static void review(DataSource dataSource, String when, InventSimulator simulator) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		System.out.printf("%n=== Review %s: SELECT * FROM dedup_run_summary ===%n", when);
		jdbc.query("""
				SELECT job_instance_id, dry_run, groups, planned, merged, skipped, failed, pending,
				       contacts_merged_away, reasons, last_execution_status
				FROM dedup_run_summary WHERE org_id = ? ORDER BY job_instance_id
				""", (rs) -> {
			System.out.printf(
					"run %d  dry_run=%s  groups=%d planned=%d merged=%d skipped=%d failed=%d pending=%d "
							+ "contacts_merged_away=%d  reasons=%s  status=%s%n",
					rs.getLong(1), rs.getBoolean(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
					rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getString(10), rs.getString(11));
		}, ORG_ID);
		System.out.printf("%n--- five audit rows of the last run, merges first: what was (or would be) merged into whom ---%n");
		jdbc.query("""
				SELECT status, coalesce(reason, ''), coalesce(survivor_contact_id, ''), source_contact_ids,
				       merged_contact_ids, excluded_contact_ids, exclusion_reasons
				FROM dedup_audit WHERE job_instance_id = (SELECT max(job_instance_id) FROM dedup_audit)
				ORDER BY status NOT IN ('MERGED', 'PLANNED'), id LIMIT 5
				""", (rs) -> {
			System.out.printf("%-8s %-24s survivor=%-12s sources=%s merged=%s excluded=%s%s%n", rs.getString(1),
					rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
					rs.getString(7));
		});
		System.out.printf("%nSimulator: %d merges applied, %d contacts left in org '%s'%n",
				simulator.mergeLog(ORG_ID).size(), simulator.org(ORG_ID).contactIds().size(), ORG_ID);
	}

}
