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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.inventdedup.invent.GroupDecoder;
import io.inventdedup.policy.MergePlan;
import io.inventdedup.policy.MergePlanner;
import io.inventdedup.policy.MergePolicy;
import io.inventdedup.simulator.Faults;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.JobProcess;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

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

	static final double CEILING_PER_SECOND = 500 / 60.0;

	final InventSimulator simulator = TestInfrastructure.simulator();

	final JdbcTemplate jdbc;

	private final List<String> rows = new ArrayList<>();

	final String jdbcUrl;

	private Benchmark(DataSource dataSource, String jdbcUrl) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbcUrl = jdbcUrl;
	}

	/**
	 * Runs the scenarios on the embedded PostgreSQL 17, or on the database {@code -Dbench.jdbc-url}
	 * names (user and password {@code postgres}), e.g. a throwaway cluster of Debian's PostgreSQL 15.
	 */
	public static void main(String[] args) throws Exception {
		Benchmark benchmark = onConfiguredDatabase();
		benchmark.run(System.getProperty("bench.scenarios", "limit,cost,scale,baseline"),
				Integer.getInteger("bench.repeat", 1));
		benchmark.report();
		TestInfrastructure.simulator().close();
		System.exit(0);
	}

	/** The benchmark on the embedded PostgreSQL 17, or on the database {@code -Dbench.jdbc-url} names. */
	static Benchmark onConfiguredDatabase() {
		String jdbcUrl = System.getProperty("bench.jdbc-url", "");
		DataSource dataSource = jdbcUrl.isBlank() ? TestInfrastructure.postgres().getPostgresDatabase()
				: new DriverManagerDataSource(jdbcUrl, "postgres", "postgres");
		Flyway.configure().dataSource(dataSource).load().migrate();
		Benchmark benchmark = new Benchmark(dataSource, jdbcUrl.isBlank() ? TestInfrastructure.jdbcUrl() : jdbcUrl);
		System.out.println("Benchmarks on " + benchmark.jdbc.queryForObject("SELECT version()", String.class));
		return benchmark;
	}

	/** Runs the scenarios named (comma-separated), each {@code repeat} times; {@link #rows} holds the figures. */
	void run(String scenarios, int repeat) throws Exception {
		RunScenarios runs = new RunScenarios(this);
		BrowserScenarios browser = new BrowserScenarios(this);
		for (String scenario : scenarios.split(",")) {
			for (int run = 1; run <= repeat; run++) {
				switch (scenario.trim()) {
					case "limit" -> atTheLimit(run);
					case "cost" -> ourOwnCost(run);
					case "scale" -> scale(run);
					case "baseline" -> sequentialBaseline(run);
					case "page" -> browser.page(run);
					case "agency" -> runs.agency(run);
					case "plan" -> runs.planOfAnySize(run);
					case "relist" -> runs.relist(run);
					case "ceiling" -> new CeilingScenario(this).run(run);
					case "names" -> runs.nameCheckCost(run);
					case "review" -> browser.review(run);
					case "queue" -> browser.queue(run);
					default -> throw new IllegalArgumentException("unknown scenario " + scenario);
				}
			}
		}
	}

	/** The figures so far, a table row each ({@code | scenario | run | figures |}). */
	List<String> rows() {
		return List.copyOf(this.rows);
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
	void orgAtTheLimit(String orgId, int run) {
		SimOrg org = this.simulator.org(orgId);
		OrgGenerator.seeded(100 + run).plainContacts().maxGroupSize(2).populate(org, 300, 0);
		org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(300), Duration.ZERO)
			.withRateLimit(500, Duration.ofMinutes(1)));
	}

	String send(HttpClient http, HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = http.send(
				request.header("Authorization", "Bearer " + TestInfrastructure.TOKEN).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("baseline call answered " + response.statusCode());
		}
		return response.body();
	}

	Measured runJob(String orgId, List<String> jvmOptions, String... args) throws Exception {
		return runJob(orgId, orgId, jvmOptions, args);
	}

	/** Runs the job; its log and GC log are named after {@code logName}, its time read from {@code orgId}'s runs. */
	Measured runJob(String logName, String orgId, List<String> jvmOptions, String... args) throws Exception {
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

	long count(String orgId, String status) {
		return this.jdbc.queryForObject("SELECT count(*) FROM dedup_audit WHERE org_id = ? AND status = ?",
				Long.class, orgId, status);
	}

	static long peakHeapMb(Path gcLog) throws IOException {
		Matcher matcher = Pattern.compile("(\\d+)M->\\d+M\\(").matcher(Files.readString(gcLog));
		long peak = 0;
		while (matcher.find()) {
			peak = Math.max(peak, Long.parseLong(matcher.group(1)));
		}
		return peak;
	}

	void row(String scenario, int run, String figures) {
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

	record Measured(int exitCode, double jobSeconds, double cpuSeconds, long peakRssMb, long peakHeapMb) {
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
