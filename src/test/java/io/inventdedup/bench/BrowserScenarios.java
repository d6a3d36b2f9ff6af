package io.inventdedup.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.support.Browser;
import io.inventdedup.support.JobProcess;

import static org.awaitility.Awaitility.await;

/**
 * The benchmark's scenarios in a browser (headless Chromium): the run's page from a file, the review
 * in a browser served live, and a reviewer's pace in the queue. Run by {@link Benchmark}.
 */
final class BrowserScenarios {

	private final Benchmark bench;

	BrowserScenarios(Benchmark bench) {
		this.bench = bench;
	}

	/**
	 * Scenario 5: the page of a 50,000-group dry run ({@code --report ID --html=FILE}), whole and at
	 * the default cap of 20,000 groups: the jar's time to write it, its size, and headless Chromium's
	 * time to first paint and until the page is ready to filter.
	 */
	void page(int run) throws Exception {
		String orgId = "bench-page-" + run;
		int groups = Integer.getInteger("bench.page.groups", 50_000);
		OrgGenerator.seeded(500 + run).maxGroupSize(4).populate(this.bench.simulator.org(orgId), groups, 0);
		Benchmark.Measured dryRun = this.bench.runJob(orgId, List.of("-Xmx256m"), "orgId=" + orgId,
				"--invent.api.rate-limit-per-minute=100000000");
		long execution = this.bench.jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?",
				Long.class, orgId);
		for (int limit : new int[] { groups, 20_000 }) {
			Path page = Path.of("target", "bench", orgId + "-" + limit + ".html").toAbsolutePath();
			long started = System.nanoTime();
			JobProcess writer = JobProcess.start(Path.of("target", "bench", orgId + "-page.log"),
					this.bench.jdbcUrl, List.of("-Xmx256m"),
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
				this.bench.row("page", run, String.format(Locale.ROOT,
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
	void review(int run) throws Exception {
		String orgId = "bench-review-" + run;
		int groups = Integer.getInteger("bench.review.groups", 50_000);
		OrgGenerator.seeded(700 + run).sharedChannels(0.3).maxGroupSize(4).populate(this.bench.simulator.org(orgId), groups, 0);
		Benchmark.Measured dryRun = this.bench.runJob(orgId, List.of("-Xmx256m"), "orgId=" + orgId,
				"--invent.api.rate-limit-per-minute=100000000");
		long execution = this.bench.jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?",
				Long.class, orgId);
		long queued = this.bench.jdbc.queryForObject("SELECT count(*) FROM dedup_audit WHERE job_execution_id = ? AND "
				+ "status = 'NEEDS_REVIEW'", Long.class, execution);
		Path file = Path.of("target", "bench", orgId + ".html").toAbsolutePath();
		JobProcess.start(Path.of("target", "bench", orgId + "-page.log"), this.bench.jdbcUrl,
				List.of("-Xmx256m"), List.of("--report", String.valueOf(execution), "--html=" + file))
			.waitFor(600);
		Path serverLog = Path.of("target", "bench", orgId + "-serve.log");
		// Its sign-in link is read from its log: no line of an earlier server there.
		Files.deleteIfExists(serverLog);
		JobProcess server = JobProcess.start(serverLog,
				this.bench.jdbcUrl, List.of("-Xmx256m"),
				List.of("--serve", "--local", "--server.port=0", "--by=bench"));
		try (Browser browser = Browser.start()) {
			Matcher link = signInLink(server);
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
			String key = this.bench.jdbc.queryForObject("SELECT group_key FROM dedup_audit WHERE job_execution_id = ? AND "
					+ "status = 'NEEDS_REVIEW' ORDER BY id LIMIT 1", String.class, execution);
			double decisionSeconds = approveOnRunPage(browser, base, execution, key);
			String said = page.findElement(By.id("message")).getText();
			long approvals = this.bench.jdbc.queryForObject("SELECT count(*) FROM dedup_approval WHERE run_instance_id = "
					+ "(SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?)", Long.class,
					execution);
			started = System.nanoTime();
			browser.open(file);
			double fileSeconds = (System.nanoTime() - started) / 1e9;
			this.bench.row("review", run, String.format(Locale.ROOT,
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
	void queue(int run) throws Exception {
		String orgId = "bench-queue-" + run;
		int groups = Integer.getInteger("bench.queue.groups", 20_000);
		int decisions = Integer.getInteger("bench.queue.decisions", 200);
		OrgGenerator.seeded(800 + run).sharedChannels(0.3).maxGroupSize(4).populate(this.bench.simulator.org(orgId), groups, 0);
		Benchmark.Measured dryRun = this.bench.runJob(orgId, List.of("-Xmx256m"), "orgId=" + orgId,
				"--invent.api.rate-limit-per-minute=100000000");
		long queued = this.bench.jdbc.queryForObject("SELECT count(*) FROM dedup_audit WHERE org_id = ? AND "
				+ "status = 'NEEDS_REVIEW'", Long.class, orgId);
		Path serverLog = Path.of("target", "bench", orgId + "-serve.log");
		Files.deleteIfExists(serverLog);
		JobProcess server = JobProcess.start(serverLog, this.bench.jdbcUrl, List.of("-Xmx256m"),
				List.of("--serve", "--local", "--server.port=0", "--by=bench"));
		try (Browser browser = Browser.start()) {
			Matcher link = signInLink(server);
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
			long recorded = this.bench.jdbc.queryForObject("SELECT (SELECT count(*) FROM dedup_approval p JOIN dedup_audit a "
					+ "ON a.job_instance_id = p.run_instance_id AND a.group_key = p.group_key WHERE a.org_id = ?) + "
					+ "(SELECT count(*) FROM dedup_rejection r JOIN dedup_audit a ON a.job_instance_id = r.plan_instance_id "
					+ "AND a.group_key = r.group_key WHERE a.org_id = ?)", Long.class, orgId, orgId);
			// Side by side, the way before the queue: one decision on the run's page, a form POST and the page again.
			long execution = this.bench.jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?",
					Long.class, orgId);
			String key = this.bench.jdbc.queryForObject("SELECT group_key FROM dedup_audit a WHERE job_execution_id = ? AND "
					+ "status = 'NEEDS_REVIEW' AND NOT EXISTS (SELECT 1 FROM dedup_approval p WHERE p.group_key = "
					+ "a.group_key AND p.run_instance_id = a.job_instance_id) AND NOT EXISTS (SELECT 1 FROM dedup_rejection "
					+ "r WHERE r.group_key = a.group_key AND r.plan_instance_id = a.job_instance_id) ORDER BY id DESC LIMIT 1",
					String.class, execution);
			double reloadSeconds = approveOnRunPage(browser, base, execution, key);
			List<Double> sorted = millis.stream().sorted().toList();
			this.bench.row("queue", run, String.format(Locale.ROOT,
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

	/** The one-time sign-in link the review printed: the address (group 1) and the path (group 2). */
	private static Matcher signInLink(JobProcess server) {
		Pattern signIn = Pattern.compile("(?m)^sign-in: (http://127\\.0\\.0\\.1:\\d+)(/\\S+)$");
		return await().atMost(Duration.ofMinutes(2)).until(() -> signIn.matcher(server.output()), Matcher::find);
	}

	/**
	 * One approval on a run's page, the way before the queue: the group ticked, a reason, the form
	 * POST, the page again; in seconds.
	 */
	private static double approveOnRunPage(Browser browser, String base, long execution, String key) {
		ChromeDriver page = browser.open(base + "/runs/" + execution + "#" + key);
		page.findElement(By.cssSelector("article[data-key='" + key + "'] input.pick")).click();
		page.findElement(By.id("reject-reason")).sendKeys("benchmark");
		long started = System.nanoTime();
		browser.leave(() -> page.findElement(By.id("decide-approve")).click());
		browser.ready();
		return (System.nanoTime() - started) / 1e9;
	}

}
