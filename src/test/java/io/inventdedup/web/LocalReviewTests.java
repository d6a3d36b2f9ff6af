package io.inventdedup.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import io.inventdedup.invent.ApiBudget;
import io.inventdedup.invent.InventClient;
import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.Browser;
import io.inventdedup.support.DatabaseCommand;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.RunAssertions;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code --serve --local} in a real browser: the one-time sign-in link, a reviewer's decisions
 * recorded as the commands record them with the signed-in name (on queued groups, undone, holds),
 * and what is refused: no session,
 * no CSRF token, a group of another org, a group that changed since the page was loaded, a reason a
 * person cannot read. Contact names are the public's: they are shown as text only.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LocalReviewTests {

	/** The run of a job execution (the one parameter it takes). */
	private static final String INSTANCE = "(SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?)";

	private static final String REVIEW_USER = "invent_dedup_review";

	private static final String REVIEW_PASSWORD = "review-pw-5c1a";

	private static final String HOSTILE = "<img src=x onerror=\"document.title='pwned'\">";

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void theOneTimeLinkOpensAReviewersSessionOnceOnLoopbackAndNothingElseGetsIn(CapturedOutput output)
			throws Exception {
		try (ConfigurableApplicationContext server = ReviewServerSupport.serve("--local", "--by=carol");
				Browser browser = Browser.start()) {
			int port = ReviewServerSupport.port(server);
			assertThat(server.getBeanNamesForType(Job.class)).as("--serve starts no job").isEmpty();
			assertThat(server.getBeanNamesForType(InventClient.class)).as("nor anything that calls Invent").isEmpty();
			assertThat(server.getBeanNamesForType(ApiBudget.class)).isEmpty();
			Matcher link = ReviewServerSupport.SIGN_IN.matcher(output.getOut());
			assertThat(link.find()).as("a line 'sign-in: http://127.0.0.1:PORT/...' in:%n%s", output.getOut()).isTrue();
			assertThat(Integer.parseInt(link.group(2))).as("the link carries the port taken").isEqualTo(port);
			String base = "http://127.0.0.1:" + port;

			for (String path : List.of("/", "/runs/1", "/assets/run.js", "/sign-in", "/sign-in?token=guess")) {
				HttpResponse<String> refused = ReviewServerSupport.request("GET", base + path);
				assertThat(refused.statusCode()).as(path).isIn(401, 403);
				assertThat(refused.headers().allValues("Set-Cookie")).as("no session for a request not signed in: %s", path)
					.noneMatch((cookie) -> cookie.startsWith("INVENT_DEDUP_REVIEW="));
			}
			HttpResponse<String> post = ReviewServerSupport.request("POST", base + "/runs/1/decisions");
			assertThat(post.statusCode()).isIn(401, 403);
			assertThat(post.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.startsWith("INVENT_DEDUP_REVIEW="));
			for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness")) {
				assertThat(ReviewServerSupport.request("GET", base + probe).statusCode()).as(probe).isEqualTo(200);
			}
			assertThat(ReviewServerSupport.request("GET", base + "/actuator/health").body()).doesNotContain("postgres");
			assertThat(ReviewServerSupport.request("GET", base + "/").headers().firstValue("Content-Security-Policy"))
				.hasValue(ReviewSecurity.CONTENT_SECURITY_POLICY);

			ChromeDriver page = browser.open(link.group(1));
			assertThat(page.getCurrentUrl()).isEqualTo(base + "/");
			assertThat(page.findElement(By.id("facts")).getText()).contains("carol (reviewer)");
			Cookie session = page.manage().getCookieNamed("INVENT_DEDUP_REVIEW");
			assertThat(session.isHttpOnly()).isTrue();
			assertThat(session.getSameSite()).isEqualTo("Lax");
			assertThat(ReviewServerSupport.request("GET", link.group(1)).statusCode())
				.as("the link works once").isEqualTo(403);
			for (String missing : List.of("/runs/987654321", "/runs/not-a-number")) {
				page.get(base + missing);
				assertThat(page.findElement(By.tagName("body")).getText()).as(missing)
					.startsWith("Not found (404)")
					.doesNotContain("Whitelabel")
					.doesNotContain("status=");
			}

			InetAddress bound = (InetAddress) ((TomcatWebServer) ((WebServerApplicationContext) server).getWebServer())
				.getTomcat()
				.getConnector()
				.getProperty("address");
			assertThat(bound.isLoopbackAddress()).as("bound to %s", bound).isTrue();
			for (InetAddress address : otherAddresses()) {
				assertThatExceptionOfType(java.io.IOException.class).as("not listening on %s", address)
					.isThrownBy(() -> {
						try (Socket socket = new Socket()) {
							socket.connect(new InetSocketAddress(address, port), 2000);
						}
					});
			}
		}
	}

	@Test
	void aReviewersDecisionsAreRecordedWithTheirNameAndTheRefusedOnesChangeNothing(CapturedOutput output)
			throws Exception {
		String orgId = "review-local";
		SimOrg org = this.simulator.org(orgId);
		OrgGenerator.seeded(21).sharedChannels(0.3).populate(org, 40, 5);
		org.newContact("hostile-1").named(HOSTILE).createdAt("2024-01-01").channels("phone:+15550000001").add();
		org.newContact("hostile-2")
			.named("Zoë </script><script>document.title='pwned'</script>")
			.createdAt("2024-02-01")
			.channels("phone:+15550000001")
			.add();
		SimOrg other = this.simulator.org("review-local-other");
		OrgGenerator.seeded(22).sharedChannels(0.5).populate(other, 10, 0);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "runKey=local-1"))).isZero();
		assertThat(this.launcher.launch(List.of("orgId=review-local-other", "dryRun=false", "runKey=local-1"))).isZero();
		long run = RunAssertions.lastExecution(this.jdbc, orgId);
		List<String> queued = this.jdbc.queryForList("SELECT group_key FROM dedup_audit WHERE job_execution_id = ? AND "
				+ "status = 'NEEDS_REVIEW' ORDER BY id", String.class, run);
		assertThat(queued).as("groups wait for review").hasSizeGreaterThanOrEqualTo(3);
		String hostileGroup = this.jdbc.queryForObject("SELECT group_key FROM dedup_audit WHERE job_execution_id = ? "
				+ "AND dedup_member_ids(listed_group) @> ARRAY['hostile-1']", String.class, run);
		assertThat(queued).contains(hostileGroup);
		String othersGroup = this.jdbc.queryForObject("SELECT group_key FROM dedup_audit WHERE job_execution_id = ? "
				+ "ORDER BY id LIMIT 1", String.class, RunAssertions.lastExecution(this.jdbc, "review-local-other"));

		grantAsReadmeSays(REVIEW_USER);
		try (ConfigurableApplicationContext server = ReviewServerSupport.serveAs(REVIEW_USER, REVIEW_PASSWORD,
				"--local", "--by=carol"); Browser browser = Browser.start()) {
			Matcher link = ReviewServerSupport.SIGN_IN.matcher(output.getOut());
			assertThat(link.find()).isTrue();
			ChromeDriver page = browser.open(link.group(1));
			assertThat(page.findElements(By.cssSelector("tr.queued[data-org='review-local']"))).hasSize(queued.size());
			browser.leave(() -> page
				.findElement(By.cssSelector("tr.queued[data-org='" + orgId + "'][data-key='" + hostileGroup + "'] a"))
				.click());
			browser.ready();
			assertThat(page.getCurrentUrl()).endsWith("/runs/" + run + "#" + hostileGroup);
			String runPage = page.getCurrentUrl().replaceAll("#.*", "");
			WebElement card = page.findElement(By.cssSelector("article[data-key='" + hostileGroup + "']"));
			assertThat(card.getText()).as("names shown as text").contains(HOSTILE).contains("</script><script>");
			assertThat(page.findElements(By.cssSelector("main img"))).isEmpty();
			assertThat(page.getTitle()).isNotEqualTo("pwned");

			// Approve the hostile group, by the name signed in.
			card.findElement(By.cssSelector("input.pick")).click();
			page.findElement(By.id("reject-reason")).sendKeys("one person, two spellings");
			browser.leave(() -> page.findElement(By.id("decide-approve")).click());
			browser.ready();
			assertThat(page.findElement(By.id("message")).getText()).startsWith("Approved 1 group, by carol");
			assertThat(this.jdbc.queryForMap("SELECT approved_by, reason FROM dedup_approval WHERE group_key = ? AND "
					+ "run_instance_id = " + INSTANCE, hostileGroup, run))
				.containsEntry("approved_by", "carol")
				.containsEntry("reason", "one person, two spellings");
			assertThat(page.findElement(By.cssSelector("article[data-key='" + hostileGroup + "'] .decision")).getText())
				.startsWith("approved by carol at ");

			// A group decided on elsewhere since the page was loaded: the same decision from the stale page
			// is refused (the page is stale), the other one from the page loaded again is refused with who
			// decided first; neither changes anything.
			String stale = queued.stream().filter((key) -> !key.equals(hostileGroup)).findFirst().orElseThrow();
			ReviewServerSupport.showGroup(browser, runPage, stale);
			assertThat(DatabaseCommand.run("--approve", String.valueOf(run), stale, "--reason=checked by phone",
					"--by=dave")).isZero();
			page.findElement(By.cssSelector("article[data-key='" + stale + "'] input.pick")).click();
			page.findElement(By.id("reject-reason")).sendKeys("one person");
			browser.leave(() -> page.findElement(By.id("decide-approve")).click());
			browser.ready();
			assertThat(page.findElement(By.id("message")).getText()).startsWith("Refused: These groups changed since")
				.contains(stale);
			ReviewServerSupport.showGroup(browser, runPage, stale);
			page.findElement(By.cssSelector("article[data-key='" + stale + "'] input.pick")).click();
			page.findElement(By.id("reject-reason")).sendKeys("two people");
			browser.leave(() -> page.findElement(By.id("decide-reject")).click());
			browser.ready();
			assertThat(page.findElement(By.id("message")).getText())
				.startsWith("Refused: A group takes one decision, and these were decided first: " + stale
						+ " approved by dave at ");
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM dedup_rejection WHERE group_key = ? AND "
					+ "plan_instance_id = " + INSTANCE, Long.class, stale, run)).isZero();
			assertThat(this.jdbc.queryForMap("SELECT approved_by, reason FROM dedup_approval WHERE group_key = ? AND "
					+ "run_instance_id = " + INSTANCE, stale, run))
				.containsEntry("approved_by", "dave")
				.containsEntry("reason", "checked by phone");

			// Without the CSRF token: 403, nothing recorded.
			String third = queued.stream().filter((key) -> !key.equals(hostileGroup) && !key.equals(stale))
				.findFirst().orElseThrow();
			String thirdVersion = ReviewServerSupport.version(page, third);
			Map<String, String> reject = Map.of("decision", "reject", "key", third, "version", thirdVersion,
					"reason", "two people");
			assertThat(ReviewServerSupport.postFromPage(browser, "/runs/" + run + "/decisions", reject, false))
				.contains("Refused (403)").contains("The form carried no valid CSRF token");
			browser.open(runPage);
			// Another org's group through this run's address: refused.
			String foreign = ReviewServerSupport.postFromPage(browser, "/runs/" + run + "/decisions",
					Map.of("decision", "reject", "key", othersGroup, "version", "x", "reason", "not mine"), true);
			assertThat(foreign).contains("match no group of run");
			// A reason no one can read: refused, in the browser as on the command line.
			String tooLong = ReviewServerSupport.postFromPage(browser, "/runs/" + run + "/decisions",
					Map.of("decision", "reject", "key", third, "version", thirdVersion, "reason", "x".repeat(1001)), true);
			assertThat(tooLong).contains("--reason is 1001 characters long");
			String escape = ReviewServerSupport.postFromPage(browser, "/runs/" + run + "/decisions",
					Map.of("decision", "reject", "key", third, "version", thirdVersion, "reason", "ok\u001b[2J"), true);
			assertThat(escape).contains("control characters");
			// A hold names a contact of the run; another org's contact is refused.
			String otherContact = this.jdbc.queryForObject("SELECT survivor_contact_id FROM dedup_audit WHERE "
					+ "job_execution_id = ? AND survivor_contact_id IS NOT NULL LIMIT 1", String.class,
					RunAssertions.lastExecution(this.jdbc, "review-local-other"));
			String foreignHold = ReviewServerSupport.postFromPage(browser, "/runs/" + run + "/holds",
					Map.of("decision", "hold", "contact", otherContact, "reason", "not mine"), true);
			assertThat(foreignHold).contains("holds contact");
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM dedup_rejection WHERE group_key IN (?, ?) "
					+ "AND plan_instance_id IN (" + INSTANCE + ", " + INSTANCE + ")", Long.class, third, othersGroup, run,
					RunAssertions.lastExecution(this.jdbc, "review-local-other"))).isZero();
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM dedup_hold WHERE contact_id = ? AND org_id = ?",
					Long.class, otherContact, orgId)).isZero();

			// Hold a contact of the group, then release it.
			ReviewServerSupport.showGroup(browser, runPage, third);
			page.findElement(By.id("reject-reason")).sendKeys("customer asked us to wait");
			browser.leave(() -> page.findElement(By.cssSelector("article[data-key='" + third + "'] .contact button.hold"))
				.click());
			browser.ready();
			assertThat(page.findElement(By.id("message")).getText()).startsWith("Holding contact");
			assertThat(this.jdbc.queryForObject("SELECT held_by FROM dedup_hold WHERE org_id = ?", String.class, orgId))
				.isEqualTo("carol");
			ReviewServerSupport.showGroup(browser, runPage, third);
			browser.leave(() -> page.findElement(By.cssSelector("article[data-key='" + third + "'] .contact button.hold"))
				.click());
			browser.ready();
			assertThat(page.findElement(By.id("message")).getText()).startsWith("Released contact");
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM dedup_hold WHERE org_id = ?", Long.class, orgId))
				.isZero();

			assertThat(page.getPageSource()).doesNotContain(TestInfrastructure.TOKEN).doesNotContain(REVIEW_PASSWORD);

			browser.leave(() -> page.findElement(By.id("sign-out")).click());
			assertThat(page.getCurrentUrl()).endsWith("/signed-out");
			assertThat(page.findElement(By.tagName("body")).getText()).startsWith("Signed out");
			page.get(runPage);
			assertThat(page.findElement(By.tagName("body")).getText()).as("the session is over")
				.startsWith("Not signed in (401)");
		}
		assertThat(output.getAll()).doesNotContain(TestInfrastructure.TOKEN).doesNotContain(REVIEW_PASSWORD);
	}

	/**
	 * A database user with the grants of {@code db/review-grants.sql} alone (docs/review.md, "Review in a
	 * browser"): the test's server signs in as it, so that every read and decision above proves them enough.
	 */
	private void grantAsReadmeSays(String user) throws java.io.IOException {
		this.jdbc.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + user + "') THEN "
				+ "CREATE ROLE " + user + " LOGIN PASSWORD '" + REVIEW_PASSWORD + "'; END IF; END $$");
		String grants = java.nio.file.Files.readString(java.nio.file.Path.of("db", "review-grants.sql"))
			.replaceAll("(?m)^--.*$", "")
			.replace(":\"reviewer\"", user);
		for (String statement : grants.split(";")) {
			if (!statement.isBlank()) {
				this.jdbc.execute(statement);
			}
		}
		assertThat(this.jdbc.queryForObject("SELECT has_table_privilege(?, 'dedup_audit', 'UPDATE')", Boolean.class,
				user)).as("the review may not change the audit").isFalse();
	}

	private static List<InetAddress> otherAddresses() throws java.net.SocketException {
		return Collections.list(NetworkInterface.getNetworkInterfaces())
			.stream()
			.flatMap((network) -> Collections.list(network.getInetAddresses()).stream())
			.filter((address) -> address instanceof Inet4Address && !address.isLoopbackAddress())
			.toList();
	}

}
