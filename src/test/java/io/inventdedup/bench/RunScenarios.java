package io.inventdedup.bench;

import java.io.IOException;
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

import io.inventdedup.names.NameComparison;
import io.inventdedup.policy.Contact;
import io.inventdedup.policy.DuplicateGroup;
import io.inventdedup.policy.MergePlanner;
import io.inventdedup.policy.MergePolicy;
import io.inventdedup.simulator.Faults;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimContact;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.JobProcess;

/**
 * The benchmark's scenarios of a run's own work beyond its pace at the limit: a plan of any size in
 * a bounded heap, what the name check and listing again cost, and an agency's orgs on one API budget.
 * Run by {@link Benchmark}.
 */
final class RunScenarios {

	private final Benchmark bench;

	RunScenarios(Benchmark bench) {
		this.bench = bench;
	}

	/**
	 * Scenario 7: the dry run and the apply of its plan, {@code -Dbench.plan.groups} groups (200,000 by
	 * default), each under {@code -Xmx256m}, no latency, no rate limit: each step's peak heap (the
	 * largest heap before a collection while the step ran, from the GC log and the step's times).
	 */
	void planOfAnySize(int run) throws Exception {
		int groups = Integer.getInteger("bench.plan.groups", 200_000);
		String orgId = "bench-plan-" + groups + "-" + run;
		OrgGenerator.seeded(700 + run).maxGroupSize(4).populate(this.bench.simulator.org(orgId), groups, 0);
		Benchmark.Measured dry = this.bench.runJob(orgId, List.of("-Xmx256m"), "orgId=" + orgId, "runKey=plan", "dryRun=true",
				"--invent.api.rate-limit-per-minute=100000000");
		long plan = this.bench.jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?",
				Long.class, orgId);
		this.bench.row("plan", run, String.format(Locale.ROOT, "dry run of %,d groups: %.1f s of job time; exit %d; peak heap %d MB "
				+ "of 256; by step: %s", groups, dry.jobSeconds(), dry.exitCode(), dry.peakHeapMb(),
				stepPeaks(orgId, plan)));
		this.bench.row("plan", run, "dry run's merge step, groups/s each 15 s: " + mergeStepPace(plan, "created_at"));
		Benchmark.Measured apply = this.bench.runJob(orgId + "-apply", orgId, List.of("-Xmx256m"), "orgId=" + orgId, "runKey=apply",
				"dryRun=false", "plan=" + plan, "--invent.api.rate-limit-per-minute=100000000",
				"--invent.api.concurrency=16");
		long applied = this.bench.jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?",
				Long.class, orgId);
		double applySeconds = this.bench.jdbc.queryForObject("SELECT extract(epoch FROM max(end_time) - min(start_time)) FROM "
				+ "batch_job_execution WHERE job_instance_id = (SELECT job_instance_id FROM batch_job_execution "
				+ "WHERE job_execution_id = ?)", Double.class, applied);
		this.bench.row("plan", run, String.format(Locale.ROOT, "apply of that plan: %,d merged; %.1f s of job time; exit %d; peak "
				+ "heap %d MB of 256; by step: %s", this.bench.count(orgId, "MERGED"), applySeconds, apply.exitCode(),
				apply.peakHeapMb(), stepPeaks(orgId + "-apply", applied)));
		this.bench.row("plan", run, "apply's merge step, groups/s each 15 s: " + mergeStepPace(applied, "updated_at"));
	}

	/**
	 * The merge step's pace over its life: the audit rows it wrote ({@code created_at} of a dry run's
	 * rows, {@code updated_at} of an apply's, written when the merge's outcome is), a
	 * quarter of a minute at a time from the step's start (the last one scaled to its length).
	 */
	String mergeStepPace(long jobExecutionId, String column) {
		return String.join(" ", this.bench.jdbc.query("""
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
	 * JVM (the first rounds warm the JIT), microseconds a group; ICU4J's start-up (its first
	 * normalisation and transliteration, once a run) said apart.
	 */
	void nameCheckCost(int run) {
		long icuStarted = System.nanoTime();
		NameComparison.compare("Александр Сидоров", "Aleksandr Sidorov");
		double icuStartup = (System.nanoTime() - icuStarted) / 1e6;
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
				long started = System.nanoTime();
				long excluded = 0;
				for (List<DuplicateGroup> org : orgs) {
					MergePlanner planner = new MergePlanner(MergePolicy.defaults().withCheckNames(checkNames));
					for (DuplicateGroup group : org) {
						excluded += planner.plan(group).excluded().size();
					}
				}
				rounds.add(String.format(Locale.ROOT, "round %d %s %.1f µs (%d excluded)", round,
						checkNames ? "with" : "without", (System.nanoTime() - started) / 1e3 / groups,
						excluded));
			}
		}
		this.bench.row("names", run, String.format(Locale.ROOT, "ICU4J's start-up (the first comparison across scripts) "
				+ "%.0f ms; 10,000 groups planned, a group: ", icuStartup) + String.join("; ", rounds));
	}

	/**
	 * Scenario 8: what listing again costs ({@code dedup.merge.max-listing-age}), time scaled down
	 * with the org: {@code -Dbench.relist.groups} groups (5,000) at {@code -Dbench.relist.rate}
	 * requests a minute (3,000), 20 ms a call, once with no bound in reach, then with the bounds of
	 * {@code -Dbench.relist.bounds} (30s,10s): listings, the listing's requests and their share of all
	 * requests, side by side.
	 */
	void relist(int run) throws Exception {
		int groups = Integer.getInteger("bench.relist.groups", 5_000);
		String rate = System.getProperty("bench.relist.rate", "3000");
		List<String> bounds = new ArrayList<>(List.of("24h"));
		bounds.addAll(List.of(System.getProperty("bench.relist.bounds", "30s,10s").split(",")));
		for (String bound : bounds) {
			String orgId = "bench-relist-" + bound + "-" + run;
			OrgGenerator.seeded(800 + run).maxGroupSize(4).populate(this.bench.simulator.org(orgId), groups, 0);
			this.bench.simulator.org(orgId).setFaults(Faults.NONE.withLatency(Duration.ofMillis(20), Duration.ofMillis(5)));
			Benchmark.Measured job = this.bench.runJob(orgId, List.of("-Xmx256m"), "orgId=" + orgId, "dryRun=false",
					"--invent.api.rate-limit-per-minute=" + rate, "--dedup.merge.max-listing-age=" + bound);
			long listingRequests = this.bench.simulator.calls(orgId)
				.stream()
				.filter((call) -> call.path().endsWith("/duplicates"))
				.count();
			long all = this.bench.simulator.calls(orgId).size();
			long listings = this.bench.jdbc.queryForObject("SELECT count(*) FROM dedup_listing WHERE org_id = ? AND completed",
					Long.class, orgId);
			Long oldest = this.bench.jdbc.queryForObject(
					"SELECT max(oldest_merge_age_ms) FROM dedup_listing WHERE org_id = ?", Long.class, orgId);
			this.bench.row("relist", run, String.format(Locale.ROOT,
					"%,d groups at %s/min, bound %s: %.1f s of job time; %d listings; %d listing requests of %d "
							+ "(%.1f%%); %d merged; oldest listing merged on %.1f s; exit %d",
					groups, rate, bound, job.jobSeconds(), listings, listingRequests, all, 100.0 * listingRequests / all,
					this.bench.count(orgId, "MERGED"), (oldest != null) ? oldest / 1000.0 : -1.0, job.exitCode()));
		}
	}

	/** The largest heap before a collection while each step of this execution ran, from its GC log. */
	String stepPeaks(String logName, long jobExecutionId) throws IOException {
		List<String> gc = Files.readAllLines(Path.of("target", "bench", logName + "-gc.log"));
		Pattern line = Pattern.compile("^\\[([^\\]]+)\\].* (\\d+)M->\\d+M\\(");
		List<String> peaks = new ArrayList<>();
		for (Map<String, Object> step : this.bench.jdbc.queryForList("SELECT step_name, start_time, end_time FROM "
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
	void agency(int run) throws Exception {
		int orgs = Integer.getInteger("bench.agency.orgs", 3);
		int groups = Integer.getInteger("bench.agency.groups", 200);
		this.bench.simulator.limitEachClientAddress(500, Duration.ofMinutes(1));
		List<String> orgIds = new ArrayList<>();
		for (int i = 1; i <= orgs; i++) {
			String orgId = "bench-agency-" + run + "-" + i;
			SimOrg org = this.bench.simulator.org(orgId);
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
			jobs.add(JobProcess.start(Path.of("target", "bench", orgId + ".log"), this.bench.jdbcUrl,
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
			requests += this.bench.simulator.requests(orgId, "GET") + this.bench.simulator.requests(orgId, "POST")
					+ this.bench.simulator.requests(orgId, "PATCH");
			rejected += this.bench.simulator.requests(orgId, "429");
		}
		long failed = this.bench.jdbc.queryForObject(
				"SELECT count(*) FROM dedup_audit WHERE org_id LIKE ? AND status IN ('FAILED', 'PENDING', 'UNSETTLED')",
				Long.class, "bench-agency-" + run + "-%");
		List<String> endStates = new ArrayList<>();
		for (String orgId : orgIds) {
			endStates.add(this.bench.count(orgId, "MERGED") + "/" + groups);
		}
		List<Long> arrivals = this.bench.simulator.arrivals(orgIds.toArray(String[]::new));
		double busySeconds = (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1e9;
		double perSecond = (requests - rejected) / busySeconds;
		this.bench.row("agency", run, String.format(Locale.ROOT,
				"%d orgs x %d groups at once: %d requests (%d answered 429 = %.1f%%) in %.1f s from the first request "
						+ "to the last (%.1f s with the JVMs' start): %.2f accepted req/s = %.1f%% of the ceiling; at "
						+ "most %d requests in any 60 s; least share of an org in any 60 s while all ran: %.0f%% of an "
						+ "equal share; %d groups FAILED/PENDING/UNSETTLED; groups merged per org, every group "
						+ "eligible: %s; exit codes %s",
				orgs, groups, requests, rejected, 100.0 * rejected / requests, busySeconds, seconds, perSecond,
				100 * perSecond / Benchmark.CEILING_PER_SECOND,
				this.bench.simulator.mostRequestsInAnyWindow(Duration.ofMinutes(1), orgIds.toArray(String[]::new)),
				100 * leastShare(orgIds), failed, endStates, exits)
				+ (late.isZero() ? "" : String.format(Locale.ROOT, "; the last org started %d s late: %s",
						late.toSeconds(), lateShare(orgIds))));
		this.bench.simulator.limitEachClientAddress(0, Duration.ofMinutes(1));
	}

	/**
	 * How soon the org started last got its share: seconds from its first request to the end of the
	 * first 10 s window in which it sent at least half an equal share of the window's requests.
	 */
	String lateShare(List<String> orgIds) {
		List<Long> late = this.bench.simulator.arrivals(orgIds.get(orgIds.size() - 1));
		List<Long> all = this.bench.simulator.arrivals(orgIds.toArray(String[]::new));
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
	double leastShare(List<String> orgIds) {
		long from = Long.MIN_VALUE;
		long to = Long.MAX_VALUE;
		List<List<Long>> perOrg = new ArrayList<>();
		for (String orgId : orgIds) {
			List<Long> arrivals = this.bench.simulator.arrivals(orgId);
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

}
