package io.inventdedup.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.inventdedup.invent.GroupDecoder;
import io.inventdedup.policy.Contact;
import io.inventdedup.policy.DuplicateGroup;
import io.inventdedup.policy.MergePlan;
import io.inventdedup.policy.MergePlanner;
import io.inventdedup.policy.MergePolicy;
import io.inventdedup.policy.NameFrequencies;
import io.inventdedup.simulator.Faults;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimContact;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.Browser;
import io.inventdedup.support.JobProcess;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.awaitility.Awaitility.await;

/**
 * The benchmark suite of docs/benchmarks.md: the packaged jar run as its own process, the way an
 * operator runs it, against the simulator and an embedded PostgreSQL on this machine. Run with
 * {@code ./mvnw -Pbench verify -Dbench.scenarios=limit,cost,scale,baseline,page,agency,plan,relist,names,review,queue}; prints a table and
 * writes it to {@code target/bench/results.md}. {@code -Dbench.repeat=3} runs each scenario three
 * times, {@code -Dbench.scale.sizes=10000} chooses the scale scenario's sizes, and
 * {@code -Dbench.job.jvm-options="-XX:StartFlightRecording=filename=target/bench/job.jfr"} profiles
 * the job.
 */
public final class Benchmark {

	private static final double CEILING_PER_SECOND = 500 / 60.0;

	private final InventSimulator simulator = TestInfrastructure.simulator();

	private final JdbcTemplate jdbc;

	private final List<String> rows = new ArrayList<>();

	private final String jdbcUrl;

	private Benchmark(DataSource dataSource, String jdbcUrl) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbcUrl = jdbcUrl;
	}

	/**
	 * Runs the scenarios on the embedded PostgreSQL 17, or on the database {@code -Dbench.jdbc-url}
	 * names (user and password {@code postgres}), e.g. a throwaway cluster of Debian's PostgreSQL 15.
	 */
	public static void main(String[] args) throws Exception {
		String jdbcUrl = System.getProperty("bench.jdbc-url", "");
		DataSource dataSource = jdbcUrl.isBlank() ? TestInfrastructure.postgres().getPostgresDatabase()
				: new DriverManagerDataSource(jdbcUrl, "postgres", "postgres");
		Flyway.configure().dataSource(dataSource).load().migrate();
		Benchmark benchmark = new Benchmark(dataSource, jdbcUrl.isBlank() ? TestInfrastructure.jdbcUrl() : jdbcUrl);
		System.out.println("Benchmarks on " + benchmark.jdbc.queryForObject("SELECT version()", String.class));
		String scenarios = System.getProperty("bench.scenarios", "limit,cost,scale,baseline");
		int repeat = Integer.getInteger("bench.repeat", 1);
		for (String scenario : scenarios.split(",")) {
			for (int run = 1; run <= repeat; run++) {
				switch (scenario.trim()) {
					case "limit" -> benchmark.atTheLimit(run);
					case "cost" -> benchmark.ourOwnCost(run);
					case "scale" -> benchmark.scale(run);
					case "baseline" -> benchmark.sequentialBaseline(run);
					case "page" -> benchmark.page(run);
					case "agency" -> benchmark.agency(run);
					case "plan" -> benchmark.planOfAnySize(run);
					case "relist" -> benchmark.relist(run);
					case "names" -> benchmark.nameCheckCost(run);
					case "review" -> benchmark.review(run);
					case "queue" -> benchmark.queue(run);
					default -> throw new IllegalArgumentException("unknown scenario " + scenario);
				}
			}
		}
		benchmark.report();
		TestInfrastructure.simulator().close();
		System.exit(0);
	}

	/** Scenario 1: 300 eligible groups at 500 requests a minute, 300 ms a call. */
	private void atTheLimit(int run) throws Exception {
		String orgId = "bench-limit-" + run;
		orgAtTheLimit(orgId, run);
		Measured job = runJob(orgId, List.of("-Xmx256m"), "orgId=" + orgId, "dryRun=false");
		long requests = this.simulator.requests(orgId, "GET") + this.simulator.requests(orgId, "POST")
				+ this.simulator.requests(orgId, "PATCH");
		long rejected = this.simulator.requests(orgId, "429");
		long merged = count(orgId, "MERGED");
		double perSecond = (requests - rejected) / job.jobSeconds();
		row("limit", run, String.format(Locale.ROOT,
				"%d merged, %d requests (%d follow-up PATCHes) in %.1f s of job time: %.2f req/s = %.1f%% of the "
						+ "8.33 req/s ceiling; 429s: %d (%.2f%%); exit %d",
				merged, requests, this.simulator.requests(orgId, "PATCH"), job.jobSeconds(), perSecond, 100 * perSecond / CEILING_PER_SECOND, rejected,
				100.0 * rejected / requests, job.exitCode()));
	}

	/** Scenario 2: 20,000 groups, no latency, no limit: what the job itself costs. */
	private void ourOwnCost(int run) throws Exception {
		String orgId = "bench-cost-" + run;
		OrgGenerator.seeded(200 + run).maxGroupSize(5).populate(this.simulator.org(orgId), 20_000, 0);
		Measured job = runJob(orgId, List.of("-Xmx512m"), "orgId=" + orgId, "dryRun=false",
				"--invent.api.rate-limit-per-minute=100000000", "--invent.api.concurrency=16");
		row("cost", run, String.format(Locale.ROOT,
				"20,000 groups (%d contacts merged away) in %.1f s of job time: %.0f groups/s; CPU %.1f s; "
						+ "peak RSS %d MB; peak heap %d MB; exit %d",
				this.jdbc.queryForObject("SELECT coalesce(sum(cardinality(merged_contact_ids)), 0) FROM dedup_audit "
						+ "WHERE org_id = ?", Long.class, orgId),
				job.jobSeconds(), 20_000 / job.jobSeconds(), job.cpuSeconds(), job.peakRssMb(), job.peakHeapMb(),
				job.exitCode()));
	}

	/** Scenario 3: collect and dry-run 10,000, 50,000 and 200,000 groups under -Xmx256m. */
	private void scale(int run) throws Exception {
		for (String size : System.getProperty("bench.scale.sizes", "10000,50000,200000").split(",")) {
			int groups = Integer.parseInt(size.trim());
			String orgId = "bench-scale-" + groups + "-" + run;
			OrgGenerator.seeded(300 + run).maxGroupSize(4).populate(this.simulator.org(orgId), groups, 0);
			Measured job = runJob(orgId, List.of("-Xmx256m"), "orgId=" + orgId, "dryRun=true",
					"--invent.api.rate-limit-per-minute=100000000");
			row("scale", run, String.format(Locale.ROOT,
					"%,d groups dry-run in %.1f s of job time (%.0f groups/s); CPU %.1f s; peak RSS %d MB; "
							+ "peak heap %d MB of 256; exit %d",
					groups, job.jobSeconds(), groups / job.jobSeconds(), job.cpuSeconds(), job.peakRssMb(),
					job.peakHeapMb(), job.exitCode()));
			this.simulator.org(orgId).answerListingWith("[]");
		}
	}

	/**
	 * Scenario 7: the dry run and the apply of its plan, {@code -Dbench.plan.groups} groups (200,000 by
	 * default), each under {@code -Xmx256m}, no latency, no rate limit: each step's peak heap (the
	 * largest heap before a collection while the step ran, from the GC log and the step's times).
	 */
	private void planOfAnySize(int run) throws Exception {
		int groups = Integer.getInteger("bench.plan.groups", 200_000);
		String orgId = "bench-plan-" + groups + "-" + run;
		OrgGenerator.seeded(700 + run).maxGroupSize(4).populate(this.simulator.org(orgId), groups, 0);
		Measured dry = runJob(orgId, List.of("-Xmx256m"), "orgId=" + orgId, "runKey=plan", "dryRun=true",
				"--invent.api.rate-limit-per-minute=100000000");
		long plan = this.jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?",
				Long.class, orgId);
		row("plan", run, String.format(Locale.ROOT, "dry run of %,d groups: %.1f s of job time; exit %d; peak heap %d MB "
				+ "of 256; by step: %s", groups, dry.jobSeconds(), dry.exitCode(), dry.peakHeapMb(),
				stepPeaks(orgId, plan)));
		row("plan", run, "dry run's merge step, groups/s each 15 s: " + mergeStepPace(plan, "created_at"));
		Measured apply = runJob(orgId + "-apply", orgId, List.of("-Xmx256m"), "orgId=" + orgId, "runKey=apply",
				"dryRun=false", "plan=" + plan, "--invent.api.rate-limit-per-minute=100000000",
				"--invent.api.concurrency=16");
		long applied = this.jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?",
				Long.class, orgId);
		double applySeconds = this.jdbc.queryForObject("SELECT extract(epoch FROM max(end_time) - min(start_time)) FROM "
				+ "batch_job_execution WHERE job_instance_id = (SELECT job_instance_id FROM batch_job_execution "
				+ "WHERE job_execution_id = ?)", Double.class, applied);
		row("plan", run, String.format(Locale.ROOT, "apply of that plan: %,d merged; %.1f s of job time; exit %d; peak "
				+ "heap %d MB of 256; by step: %s", count(orgId, "MERGED"), applySeconds, apply.exitCode(),
				apply.peakHeapMb(), stepPeaks(orgId + "-apply", applied)));
		row("plan", run, "apply's merge step, groups/s each 15 s: " + mergeStepPace(applied, "updated_at"));
	}

	/**
	 * The merge step's pace over its life: the audit rows it wrote ({@code created_at} of a dry run's
	 * rows, {@code updated_at} of an apply's, written when the merge's outcome is), a
	 * quarter of a minute at a time from the step's start (the last one scaled to its length).
	 */
	private String mergeStepPace(long jobExecutionId, String column) {
		return String.join(" ", this.jdbc.query("""
				WITH step AS (SELECT start_time, end_time FROM batch_step_execution
				               WHERE job_execution_id = ? AND step_name = 'merge'),
				     slices AS (SELECT floor(extract(epoch FROM (a.%s AT TIME ZONE current_setting('TimeZone'))
				                            - step.start_time) / 15) AS slice, count(*) AS rows
				                   FROM dedup_audit a, step
				                  WHERE a.job_execution_id = ? AND a.reason IS DISTINCT FROM 'no-longer-listed'
				                  GROUP BY 1)
				SELECT slice, rows / least(15, greatest(1, extract(epoch FROM step.end_time - step.start_time)
				                                     - slice * 15)) AS pace
				  FROM slices, step ORDER BY slice
				""".formatted(column), (rs, row) -> String.format(Locale.ROOT, "%.0f", rs.getDouble("pace")),
				jobExecutionId, jobExecutionId));
	}

	/**
	 * Scenario 9: what the name check costs a group, in the job's own planner: 10,000 generated
	 * groups (20 seeds of 500) planned with and without {@code checkNames}, five rounds each in one
	 * JVM (the first rounds warm the JIT), microseconds a group; with the check, the words of each
	 * org's names counted first as a run counts its listing ({@link NameFrequencies}), and that
	 * counting's cost a group said apart.
	 */
	private void nameCheckCost(int run) {
		List<List<DuplicateGroup>> orgs = new ArrayList<>();
		for (int seed = 0; seed < 20; seed++) {
			List<DuplicateGroup> org = new ArrayList<>();
			for (List<SimContact> members : OrgGenerator.seeded(seed).populate(new SimOrg("bench-names-" + seed), 500, 0)) {
				List<Contact> contacts = members.stream()
					.map((member) -> new Contact(member.id(), member.createdAt(), member.admin(), member.blocked(),
							member.unsubscribed(), member.channels().size(), member.name()))
					.toList();
				org.add(new DuplicateGroup(contacts.get(0), contacts.subList(1, contacts.size())));
			}
			orgs.add(org);
		}
		int groups = orgs.stream().mapToInt(List::size).sum();
		List<String> rounds = new ArrayList<>();
		for (int round = 1; round <= 5; round++) {
			for (boolean checkNames : new boolean[] { false, true }) {
				long counting = 0;
				long started = System.nanoTime();
				long excluded = 0;
				for (List<DuplicateGroup> org : orgs) {
					NameFrequencies frequencies = NameFrequencies.NONE;
					if (checkNames) {
						long countingStarted = System.nanoTime();
						NameFrequencies.Counter counter = NameFrequencies.counter();
						org.forEach(counter::add);
						frequencies = counter.frequencies();
						counting += System.nanoTime() - countingStarted;
					}
					MergePlanner planner = new MergePlanner(MergePolicy.defaults().withCheckNames(checkNames), frequencies);
					for (DuplicateGroup group : org) {
						excluded += planner.plan(group).excluded().size();
					}
				}
				rounds.add(String.format(Locale.ROOT, "round %d %s %.1f µs%s (%d excluded)", round,
						checkNames ? "with" : "without", (System.nanoTime() - started) / 1e3 / groups,
						checkNames ? String.format(Locale.ROOT, " (counting %.1f µs)", counting / 1e3 / groups) : "",
						excluded));
			}
		}
		row("names", run, "10,000 groups planned, a group: " + String.join("; ", rounds));
	}

	/**
	 * Scenario 8: what listing again costs ({@code dedup.merge.max-listing-age}), time scaled down
	 * with the org: {@code -Dbench.relist.groups} groups (5,000) at {@code -Dbench.relist.rate}
	 * requests a minute (3,000), 20 ms a call, once with no bound in reach, then with the bounds of
	 * {@code -Dbench.relist.bounds} (30s,10s): listings, the listing's requests and their share of all
	 * requests, side by side.
	 */
	private void relist(int run) throws Exception {
		int groups = Integer.getInteger("bench.relist.groups", 5_000);
		String rate = System.getProperty("bench.relist.rate", "3000");
		List<String> bounds = new ArrayList<>(List.of("24h"));
		bounds.addAll(List.of(System.getProperty("bench.relist.bounds", "30s,10s").split(",")));
		for (String bound : bounds) {
			String orgId = "bench-relist-" + bound + "-" + run;
			OrgGenerator.seeded(800 + run).maxGroupSize(4).populate(this.simulator.org(orgId), groups, 0);
			this.simulator.org(orgId).setFaults(Faults.NONE.withLatency(Duration.ofMillis(20), Duration.ofMillis(5)));
			Measured job = runJob(orgId, List.of("-Xmx256m"), "orgId=" + orgId, "dryRun=false",
					"--invent.api.rate-limit-per-minute=" + rate, "--dedup.merge.max-listing-age=" + bound);
			long listingRequests = this.simulator.calls(orgId)
				.stream()
				.filter((call) -> call.path().endsWith("/duplicates"))
				.count();
			long all = this.simulator.calls(orgId).size();
			long listings = this.jdbc.queryForObject("SELECT count(*) FROM dedup_listing WHERE org_id = ? AND completed",
					Long.class, orgId);
			Long oldest = this.jdbc.queryForObject(
					"SELECT max(oldest_merge_age_ms) FROM dedup_listing WHERE org_id = ?", Long.class, orgId);
			row("relist", run, String.format(Locale.ROOT,
					"%,d groups at %s/min, bound %s: %.1f s of job time; %d listings; %d listing requests of %d "
							+ "(%.1f%%); %d merged; oldest listing merged on %.1f s; exit %d",
					groups, rate, bound, job.jobSeconds(), listings, listingRequests, all, 100.0 * listingRequests / all,
					count(orgId, "MERGED"), (oldest != null) ? oldest / 1000.0 : -1.0, job.exitCode()));
		}
	}

	/** The largest heap before a collection while each step of this execution ran, from its GC log. */
	private String stepPeaks(String logName, long jobExecutionId) throws IOException {
		List<String> gc = Files.readAllLines(Path.of("target", "bench", logName + "-gc.log"));
		Pattern line = Pattern.compile("^\\[([^\\]]+)\\].* (\\d+)M->\\d+M\\(");
		List<String> peaks = new ArrayList<>();
		for (Map<String, Object> step : this.jdbc.queryForList("SELECT step_name, start_time, end_time FROM "
				+ "batch_step_execution WHERE job_execution_id = ? ORDER BY step_execution_id", jobExecutionId)) {
			java.time.LocalDateTime start = ((java.sql.Timestamp) step.get("start_time")).toLocalDateTime();
			java.time.LocalDateTime end = ((java.sql.Timestamp) step.get("end_time")).toLocalDateTime();
			long peak = 0;
			for (String entry : gc) {
				Matcher matcher = line.matcher(entry);
				if (matcher.find()) {
					java.time.LocalDateTime at = java.time.OffsetDateTime
						.parse(matcher.group(1), java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
						.atZoneSameInstant(java.time.ZoneId.systemDefault())
						.toLocalDateTime();
					if (!at.isBefore(start) && !at.isAfter(end)) {
						peak = Math.max(peak, Long.parseLong(matcher.group(2)));
					}
				}
			}
			peaks.add(step.get("step_name") + " " + ((peak > 0) ? peak + " MB" : "no collection"));
		}
		return String.join(", ", peaks);
	}

	/**
	 * Scenario 6: an agency's three orgs at once, three job processes started together, against
	 * one simulator that allows 500 requests a minute per client address over every org (as the API
	 * does), 300 ms a call: the requests a second of all runs together, the share answered 429,
	 * the groups that failed, each run's exit code, and the most requests in any 60 s.
	 */
	private void agency(int run) throws Exception {
		int orgs = Integer.getInteger("bench.agency.orgs", 3);
		int groups = Integer.getInteger("bench.agency.groups", 200);
		this.simulator.limitEachClientAddress(500, Duration.ofMinutes(1));
		List<String> orgIds = new ArrayList<>();
		for (int i = 1; i <= orgs; i++) {
			String orgId = "bench-agency-" + run + "-" + i;
			SimOrg org = this.simulator.org(orgId);
			OrgGenerator.seeded(600 + 10 * run + i).plainContacts().maxGroupSize(2).populate(org, groups, 0);
			org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(300), Duration.ZERO));
			orgIds.add(orgId);
		}
		long started = System.nanoTime();
		Duration late = Duration.ofSeconds(Integer.getInteger("bench.agency.late-seconds", 0));
		List<JobProcess> jobs = new ArrayList<>();
		for (String orgId : orgIds) {
			if (orgId.equals(orgIds.get(orgIds.size() - 1)) && !late.isZero()) {
				Thread.sleep(late.toMillis());
			}
			jobs.add(JobProcess.start(Path.of("target", "bench", orgId + ".log"), this.jdbcUrl,
					List.of("-Xmx256m"), List.of("orgId=" + orgId, "dryRun=false")));
		}
		List<Integer> exits = new ArrayList<>();
		for (JobProcess job : jobs) {
			exits.add(job.waitFor(1800));
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		long requests = 0;
		long rejected = 0;
		for (String orgId : orgIds) {
			requests += this.simulator.requests(orgId, "GET") + this.simulator.requests(orgId, "POST")
					+ this.simulator.requests(orgId, "PATCH");
			rejected += this.simulator.requests(orgId, "429");
		}
		long failed = this.jdbc.queryForObject(
				"SELECT count(*) FROM dedup_audit WHERE org_id LIKE ? AND status IN ('FAILED', 'PENDING', 'UNSETTLED')",
				Long.class, "bench-agency-" + run + "-%");
		List<String> endStates = new ArrayList<>();
		for (String orgId : orgIds) {
			endStates.add(count(orgId, "MERGED") + "/" + groups);
		}
		List<Long> arrivals = this.simulator.arrivals(orgIds.toArray(String[]::new));
		double busySeconds = (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1e9;
		double perSecond = (requests - rejected) / busySeconds;
		row("agency", run, String.format(Locale.ROOT,
				"%d orgs x %d groups at once: %d requests (%d answered 429 = %.1f%%) in %.1f s from the first request "
						+ "to the last (%.1f s with the JVMs' start): %.2f accepted req/s = %.1f%% of the ceiling; at "
						+ "most %d requests in any 60 s; least share of an org in any 60 s while all ran: %.0f%% of an "
						+ "equal share; %d groups FAILED/PENDING/UNSETTLED; groups merged per org, every group "
						+ "eligible: %s; exit codes %s",
				orgs, groups, requests, rejected, 100.0 * rejected / requests, busySeconds, seconds, perSecond,
				100 * perSecond / CEILING_PER_SECOND,
				this.simulator.mostRequestsInAnyWindow(Duration.ofMinutes(1), orgIds.toArray(String[]::new)),
				100 * leastShare(orgIds), failed, endStates, exits)
				+ (late.isZero() ? "" : String.format(Locale.ROOT, "; the last org started %d s late: %s",
						late.toSeconds(), lateShare(orgIds))));
		this.simulator.limitEachClientAddress(0, Duration.ofMinutes(1));
	}

	/**
	 * How soon the org started last got its share: seconds from its first request to the end of the
	 * first 10 s window in which it sent at least half an equal share of the window's requests.
	 */
	private String lateShare(List<String> orgIds) {
		List<Long> late = this.simulator.arrivals(orgIds.get(orgIds.size() - 1));
		List<Long> all = this.simulator.arrivals(orgIds.toArray(String[]::new));
		long window = Duration.ofSeconds(10).toNanos();
		for (long end = late.get(0) + window; end <= late.get(late.size() - 1); end += Duration.ofSeconds(1).toNanos()) {
			long from = end - window;
			long to = end;
			long own = late.stream().filter((at) -> at >= from && at < to).count();
			long total = all.stream().filter((at) -> at >= from && at < to).count();
			if (own >= 0.5 * total / orgIds.size()) {
				return String.format(Locale.ROOT, "half an equal share or more within %.0f s of its first request "
						+ "(%d of %d requests in that 10 s window)", (end - late.get(0)) / 1e9, own, total);
			}
		}
		return "never half an equal share in a 10 s window";
	}

	/**
	 * Over every 60 s window (sliding by a second) in which every org was still sending, the
	 * smallest count of one org's requests as a share of an equal share of the window's requests.
	 */
	private double leastShare(List<String> orgIds) {
		long from = Long.MIN_VALUE;
		long to = Long.MAX_VALUE;
		List<List<Long>> perOrg = new ArrayList<>();
		for (String orgId : orgIds) {
			List<Long> arrivals = this.simulator.arrivals(orgId);
			perOrg.add(arrivals);
			from = Math.max(from, arrivals.get(0));
			to = Math.min(to, arrivals.get(arrivals.size() - 1));
		}
		long window = Duration.ofMinutes(1).toNanos();
		double least = 1;
		for (long start = from; start + window <= to; start += Duration.ofSeconds(1).toNanos()) {
			long end = start + window;
			List<Long> counts = perOrg.stream()
				.map((arrivals) -> arrivals.stream().filter((at) -> at >= end - window && at < end).count())
				.toList();
			double equal = counts.stream().mapToLong(Long::longValue).sum() / (double) counts.size();
			least = Math.min(least, counts.stream().mapToLong(Long::longValue).min().orElse(0) / equal);
		}
		return least;
	}

	/**
	 * Scenario 5: the page of a 50,000-group dry run ({@code --report ID --html=FILE}), whole and at
	 * the default cap of 20,000 groups: the jar's time to write it, its size, and headless Chromium's
	 * time to first paint and until the page is ready to filter.
	 */
	private void page(int run) throws Exception {
		String orgId = "bench-page-" + run;
		int groups = Integer.getInteger("bench.page.groups", 50_000);
		OrgGenerator.seeded(500 + run).maxGroupSize(4).populate(this.simulator.org(orgId), groups, 0);
		Measured dryRun = runJob(orgId, List.of("-Xmx256m"), "orgId=" + orgId,
				"--invent.api.rate-limit-per-minute=100000000");
		long execution = this.jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?",
				Long.class, orgId);
		for (int limit : new int[] { groups, 20_000 }) {
			Path page = Path.of("target", "bench", orgId + "-" + limit + ".html").toAbsolutePath();
			long started = System.nanoTime();
			JobProcess writer = JobProcess.start(Path.of("target", "bench", orgId + "-page.log"),
					this.jdbcUrl, List.of("-Xmx256m"),
					List.of("--report", String.valueOf(execution), "--html=" + page, "--html-limit=" + limit));
			int exit = writer.waitFor(600);
			double writeSeconds = (System.nanoTime() - started) / 1e9;
			try (Browser browser = Browser.offline()) {
				long opened = System.nanoTime();
				ChromeDriver driver = browser.open(page);
				double readySeconds = (System.nanoTime() - opened) / 1e9;
				Object paint = driver.executeScript("var p = performance.getEntriesByName('first-contentful-paint');"
						+ "return p.length ? p[0].startTime : -1;");
				long searchStarted = System.nanoTime();
				driver.findElement(By.id("search")).sendKeys("ct_");
				double searchSeconds = (System.nanoTime() - searchStarted) / 1e9;
				row("page", run, String.format(Locale.ROOT,
						"%,d-group dry run (%.1f s), page of %,d groups: written in %.1f s (exit %d, JVM start "
								+ "included), %.1f MB; Chromium: first paint %.0f ms, ready to filter %.1f s, a search "
								+ "over every group %.2f s",
						groups, dryRun.jobSeconds(), Math.min(limit, groups), writeSeconds, exit,
						Files.size(page) / 1e6, ((Number) paint).doubleValue(), readySeconds, searchSeconds));
			}
		}
	}

	/**
	 * The review in a browser ({@code --serve --local}, its own process, {@code -Xmx256m}) over a
	 * 50,000-group dry run whose orgs share channels (many groups wait for a person): Chromium's time
	 * to the home page (every org, the queue), to the run's page served live at the default cap of
	 * 20,000 groups beside the same page written to a file, and for one approval (the POST, the
	 * decision recorded, the page again).
	 */
	private void review(int run) throws Exception {
		String orgId = "bench-review-" + run;
		int groups = Integer.getInteger("bench.review.groups", 50_000);
		OrgGenerator.seeded(700 + run).sharedChannels(0.3).maxGroupSize(4).populate(this.simulator.org(orgId), groups, 0);
		Measured dryRun = runJob(orgId, List.of("-Xmx256m"), "orgId=" + orgId,
				"--invent.api.rate-limit-per-minute=100000000");
		long execution = this.jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?",
				Long.class, orgId);
		long queued = this.jdbc.queryForObject("SELECT count(*) FROM dedup_audit WHERE job_execution_id = ? AND "
				+ "status = 'NEEDS_REVIEW'", Long.class, execution);
		Path file = Path.of("target", "bench", orgId + ".html").toAbsolutePath();
		JobProcess.start(Path.of("target", "bench", orgId + "-page.log"), this.jdbcUrl,
				List.of("-Xmx256m"), List.of("--report", String.valueOf(execution), "--html=" + file))
			.waitFor(600);
		Path serverLog = Path.of("target", "bench", orgId + "-serve.log");
		// Its sign-in link is read from its log: no line of an earlier server there.
		Files.deleteIfExists(serverLog);
		JobProcess server = JobProcess.start(serverLog,
				this.jdbcUrl, List.of("-Xmx256m"),
				List.of("--serve", "--local", "--server.port=0", "--by=bench"));
		try (Browser browser = Browser.start()) {
			Pattern signIn = Pattern.compile("(?m)^sign-in: (http://127\\.0\\.0\\.1:\\d+)(/\\S+)$");
			Matcher link = await().atMost(Duration.ofMinutes(2))
				.until(() -> signIn.matcher(server.output()), Matcher::find);
			String base = link.group(1);
			long started = System.nanoTime();
			ChromeDriver page = browser.open(base + link.group(2));
			double homeSeconds = (System.nanoTime() - started) / 1e9;
			int queueRows = page.findElements(By.cssSelector("tr.queued")).size();
			started = System.nanoTime();
			browser.open(base + "/runs/" + execution);
			double servedFirstSeconds = (System.nanoTime() - started) / 1e9;
			page.get("about:blank");
			started = System.nanoTime();
			browser.open(base + "/runs/" + execution);
			double servedSeconds = (System.nanoTime() - started) / 1e9;
			// The server's part alone: the same page fetched with the browser's session, read to its end.
			HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/runs/" + execution))
				.header("Cookie", "INVENT_DEDUP_REVIEW=" + page.manage().getCookieNamed("INVENT_DEDUP_REVIEW").getValue())
				.build();
			started = System.nanoTime();
			byte[] served = HttpClient.newHttpClient().send(get, HttpResponse.BodyHandlers.ofByteArray()).body();
			double serverSeconds = (System.nanoTime() - started) / 1e9;
			String key = this.jdbc.queryForObject("SELECT group_key FROM dedup_audit WHERE job_execution_id = ? AND "
					+ "status = 'NEEDS_REVIEW' ORDER BY id LIMIT 1", String.class, execution);
			browser.open(base + "/runs/" + execution + "#" + key);
			page.findElement(By.cssSelector("article[data-key='" + key + "'] input.pick")).click();
			page.findElement(By.id("reject-reason")).sendKeys("benchmark");
			started = System.nanoTime();
			browser.leave(() -> page.findElement(By.id("decide-approve")).click());
			browser.ready();
			double decisionSeconds = (System.nanoTime() - started) / 1e9;
			String said = page.findElement(By.id("message")).getText();
			long approvals = this.jdbc.queryForObject("SELECT count(*) FROM dedup_approval WHERE run_instance_id = "
					+ "(SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?)", Long.class,
					execution);
			started = System.nanoTime();
			browser.open(file);
			double fileSeconds = (System.nanoTime() - started) / 1e9;
			row("review", run, String.format(Locale.ROOT,
					"%,d-group dry run (%.1f s), %,d waiting for review; in Chromium: home page (every org, the queue: "
							+ "%d rows) %.2f s; the run's page served live (20,000 groups) %.1f s the first time, %.1f s "
							+ "the next (the server's part: %.1f s for %.1f MB), the same page from a file %.1f s; one "
							+ "approval (POST, recorded, page again) %.1f s; %s",
					groups, dryRun.jobSeconds(), queued, queueRows, homeSeconds, servedFirstSeconds, servedSeconds,
					serverSeconds, served.length / 1e6, fileSeconds,
					decisionSeconds, approvals + " approval recorded, the page said: " + said));
		}
		finally {
			server.terminate();
			server.waitFor(60);
		}
	}

	/**
	 * A reviewer's pace that the queue allows ({@code /queue}, {@code --serve --local} in its own process,
	 * {@code -Xmx256m}) on a 20,000-group dry run whose orgs share channels: 200 decisions by keyboard in
	 * Chromium (approve and reject in turn), each timed in the page from the keystroke to the next
	 * group shown with the decision confirmed, and the requests each one took (target: under 150 ms
	 * and one request a decision; the page is never loaded again).
	 */
	private void queue(int run) throws Exception {
		String orgId = "bench-queue-" + run;
		int groups = Integer.getInteger("bench.queue.groups", 20_000);
		int decisions = Integer.getInteger("bench.queue.decisions", 200);
		OrgGenerator.seeded(800 + run).sharedChannels(0.3).maxGroupSize(4).populate(this.simulator.org(orgId), groups, 0);
		Measured dryRun = runJob(orgId, List.of("-Xmx256m"), "orgId=" + orgId,
				"--invent.api.rate-limit-per-minute=100000000");
		long queued = this.jdbc.queryForObject("SELECT count(*) FROM dedup_audit WHERE org_id = ? AND "
				+ "status = 'NEEDS_REVIEW'", Long.class, orgId);
		Path serverLog = Path.of("target", "bench", orgId + "-serve.log");
		Files.deleteIfExists(serverLog);
		JobProcess server = JobProcess.start(serverLog, this.jdbcUrl, List.of("-Xmx256m"),
				List.of("--serve", "--local", "--server.port=0", "--by=bench"));
		try (Browser browser = Browser.start()) {
			Pattern signIn = Pattern.compile("(?m)^sign-in: (http://127\\.0\\.0\\.1:\\d+)(/\\S+)$");
			Matcher link = await().atMost(Duration.ofMinutes(2))
				.until(() -> signIn.matcher(server.output()), Matcher::find);
			String base = link.group(1);
			browser.open(base + link.group(2));
			long started = System.nanoTime();
			ChromeDriver page = browser.open(base + "/queue?org=" + orgId);
			double openSeconds = (System.nanoTime() - started) / 1e9;
			long shown = (Long) page.executeScript("return JSON.parse(document.getElementById('queue-data')"
					+ ".textContent).groups.length");
			page.findElement(By.id("reason")).sendKeys("benchmark\n");
			List<Double> millis = new ArrayList<>();
			for (int i = 0; i < decisions && i < shown; i++) {
				@SuppressWarnings("unchecked")
				List<Object> timed = (List<Object>) page.executeAsyncScript("""
						var done = arguments[arguments.length - 1];
						var status = document.getElementById('status');
						var before = status.textContent;
						var started = performance.now();
						var watch = new MutationObserver(function () {
						  var now = status.textContent;
						  if (now !== before && now.indexOf('Sending') !== 0) {
						    watch.disconnect();
						    done([performance.now() - started, now]);
						  }
						});
						watch.observe(status, { childList: true, subtree: true, characterData: true });
						document.dispatchEvent(new KeyboardEvent('keydown', { key: arguments[0], bubbles: true }));
						""", (i % 2 == 0) ? "a" : "r");
				if (!String.valueOf(timed.get(1)).startsWith((i % 2 == 0) ? "Approved 1 group" : "Rejected 1 group")) {
					throw new IllegalStateException("decision " + i + " said: " + timed.get(1));
				}
				millis.add(((Number) timed.get(0)).doubleValue());
			}
			long requests = (Long) page.executeScript("return performance.getEntriesByType('resource')"
					+ ".filter(function (r) { return r.name.indexOf('/api/decisions') >= 0; }).length");
			long navigations = (Long) page.executeScript("return performance.getEntriesByType('navigation').length");
			long recorded = this.jdbc.queryForObject("SELECT (SELECT count(*) FROM dedup_approval p JOIN dedup_audit a "
					+ "ON a.job_instance_id = p.run_instance_id AND a.group_key = p.group_key WHERE a.org_id = ?) + "
					+ "(SELECT count(*) FROM dedup_rejection r JOIN dedup_audit a ON a.job_instance_id = r.plan_instance_id "
					+ "AND a.group_key = r.group_key WHERE a.org_id = ?)", Long.class, orgId, orgId);
			// Side by side, the way before the queue: one decision on the run's page, a form POST and the page again.
			long execution = this.jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?",
					Long.class, orgId);
			String key = this.jdbc.queryForObject("SELECT group_key FROM dedup_audit a WHERE job_execution_id = ? AND "
					+ "status = 'NEEDS_REVIEW' AND NOT EXISTS (SELECT 1 FROM dedup_approval p WHERE p.group_key = "
					+ "a.group_key AND p.run_instance_id = a.job_instance_id) AND NOT EXISTS (SELECT 1 FROM dedup_rejection "
					+ "r WHERE r.group_key = a.group_key AND r.plan_instance_id = a.job_instance_id) ORDER BY id DESC LIMIT 1",
					String.class, execution);
			browser.open(base + "/runs/" + execution + "#" + key);
			page.findElement(By.cssSelector("article[data-key='" + key + "'] input.pick")).click();
			page.findElement(By.id("reject-reason")).sendKeys("benchmark");
			started = System.nanoTime();
			browser.leave(() -> page.findElement(By.id("decide-approve")).click());
			browser.ready();
			double reloadSeconds = (System.nanoTime() - started) / 1e9;
			List<Double> sorted = millis.stream().sorted().toList();
			row("queue", run, String.format(Locale.ROOT,
					"%,d-group dry run (%.1f s), %,d waiting for review; /queue opened in %.2f s (%,d groups on the "
							+ "page); %d decisions by keyboard: median %.0f ms, p95 %.0f ms, max %.0f ms from the "
							+ "keystroke to the next group shown and the decision confirmed; %d requests (%.2f a "
							+ "decision), %d page load; %d decisions recorded; beside it, one decision on the run's page "
							+ "(form POST, the page of 20,000 groups again) %.0f ms",
					groups, dryRun.jobSeconds(), queued, openSeconds, shown, millis.size(),
					sorted.get(sorted.size() / 2), sorted.get((int) Math.floor(sorted.size() * 0.95)),
					sorted.get(sorted.size() - 1), requests, requests / (double) millis.size(), navigations, recorded,
					reloadSeconds * 1000));
		}
		finally {
			server.terminate();
			server.waitFor(60);
		}
	}

	/**
	 * Scenario 4: the simple alternative, in this process: list every page, then merge one group
	 * after another with the same policy, against the same simulator settings as scenario 1.
	 */
	private void sequentialBaseline(int run) throws Exception {
		String orgId = "bench-baseline-" + run;
		orgAtTheLimit(orgId, run);
		HttpClient http = HttpClient.newHttpClient();
		JsonMapper json = JsonMapper.builder().build();
		MergePlanner planner = new MergePlanner(MergePolicy.defaults());
		long started = System.nanoTime();
		List<JsonNode> groups = new ArrayList<>();
		for (int page = 1;; page++) {
			JsonNode listed = json.readTree(send(http, HttpRequest.newBuilder(URI.create(
					this.simulator.baseUrl() + "/orgs/" + orgId + "/contacts/duplicates?take=100&page=" + page)).GET()));
			listed.forEach(groups::add);
			if (listed.size() < 100) {
				break;
			}
		}
		int merged = 0;
		for (JsonNode group : groups) {
			if (planner.plan(GroupDecoder.decode(group)) instanceof MergePlan.Merge merge) {
				send(http, HttpRequest
					.newBuilder(URI.create(this.simulator.baseUrl() + "/orgs/" + orgId + "/contacts/"
							+ merge.survivorId() + "/merge"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(
							json.writeValueAsString(java.util.Map.of("source_contact_ids", merge.sources())))));
				merged++;
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		long requests = this.simulator.requests(orgId, "GET") + this.simulator.requests(orgId, "POST");
		double perSecond = requests / seconds;
		row("baseline", run, String.format(Locale.ROOT,
				"sequential loop: %d merged, %d requests in %.1f s: %.2f req/s = %.1f%% of the ceiling", merged,
				requests, seconds, perSecond, 100 * perSecond / CEILING_PER_SECOND));
	}

	/** 300 groups of two eligible contacts; 300 ms a call; 500 requests a minute. */
	private void orgAtTheLimit(String orgId, int run) {
		SimOrg org = this.simulator.org(orgId);
		OrgGenerator.seeded(100 + run).plainContacts().maxGroupSize(2).populate(org, 300, 0);
		org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(300), Duration.ZERO)
			.withRateLimit(500, Duration.ofMinutes(1)));
	}

	private String send(HttpClient http, HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = http.send(
				request.header("Authorization", "Bearer " + TestInfrastructure.TOKEN).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("baseline call answered " + response.statusCode());
		}
		return response.body();
	}

	private Measured runJob(String orgId, List<String> jvmOptions, String... args) throws Exception {
		return runJob(orgId, orgId, jvmOptions, args);
	}

	/** Runs the job; its log and GC log are named after {@code logName}, its time read from {@code orgId}'s runs. */
	private Measured runJob(String logName, String orgId, List<String> jvmOptions, String... args) throws Exception {
		Path gcLog = Path.of("target", "bench", logName + "-gc.log");
		Files.createDirectories(gcLog.getParent());
		List<String> options = new ArrayList<>(jvmOptions);
		String extra = System.getProperty("bench.job.jvm-options", "");
		if (!extra.isBlank()) {
			options.addAll(List.of(extra.trim().split("\\s+")));
		}
		options.add("-Xlog:gc:file=" + gcLog + ":time");
		JobProcess job = JobProcess.start(Path.of("target", "bench", logName + ".log"), this.jdbcUrl,
				options, List.of(args));
		ProcStats stats = new ProcStats(job.pid());
		while (!job.endsWithin(Duration.ofMillis(50))) {
			stats.sample();
		}
		double jobSeconds = this.jdbc.queryForObject("""
				SELECT extract(epoch FROM max(e.end_time) - min(e.start_time))
				FROM batch_job_execution e WHERE e.job_instance_id IN
				  (SELECT job_instance_id FROM dedup_audit WHERE org_id = ?)
				""", Double.class, orgId);
		return new Measured(job.exitValue(), jobSeconds, stats.cpuSeconds, stats.peakRssKb / 1024,
				peakHeapMb(gcLog));
	}

	private long count(String orgId, String status) {
		return this.jdbc.queryForObject("SELECT count(*) FROM dedup_audit WHERE org_id = ? AND status = ?",
				Long.class, orgId, status);
	}

	private static long peakHeapMb(Path gcLog) throws IOException {
		Matcher matcher = Pattern.compile("(\\d+)M->\\d+M\\(").matcher(Files.readString(gcLog));
		long peak = 0;
		while (matcher.find()) {
			peak = Math.max(peak, Long.parseLong(matcher.group(1)));
		}
		return peak;
	}

	private void row(String scenario, int run, String figures) {
		String row = "| " + scenario + " | " + run + " | " + figures + " |";
		System.out.println(row);
		this.rows.add(row);
	}

	private void report() throws IOException {
		StringBuilder table = new StringBuilder();
		table.append("Benchmark of ").append(LocalDateTime.now()).append(", Java ")
			.append(System.getProperty("java.version")).append(", ")
			.append(Runtime.getRuntime().availableProcessors()).append(" cores\n\n");
		table.append("| scenario | run | figures |\n|---|---|---|\n");
		this.rows.forEach((row) -> table.append(row).append('\n'));
		Path results = Path.of("target", "bench", "results.md");
		Files.createDirectories(results.getParent());
		Files.writeString(results, table);
		System.out.println();
		System.out.println(table);
	}

	private record Measured(int exitCode, double jobSeconds, double cpuSeconds, long peakRssMb, long peakHeapMb) {
	}

	/** Reads a process's CPU time and peak resident set from /proc while it runs. */
	private static final class ProcStats {

		private final long pid;

		private double cpuSeconds;

		private long peakRssKb;

		ProcStats(long pid) {
			this.pid = pid;
		}

		void sample() {
			try {
				String[] stat = Files.readString(Path.of("/proc", String.valueOf(this.pid), "stat"))
					.replaceAll("^.*\\) ", "")
					.split(" ");
				this.cpuSeconds = (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / 100.0;
				for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(this.pid), "status"))) {
					if (line.startsWith("VmHWM:")) {
						this.peakRssKb = Long.parseLong(line.replaceAll("\\D", ""));
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				// the process ended between two samples: keep the last ones
			}
		}

	}

}
