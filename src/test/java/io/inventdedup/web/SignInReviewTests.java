package io.inventdedup.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

import io.inventdedup.InventDedupApplication;
import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.policy.MergePolicy;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.MergeRecord;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimContact;
import io.inventdedup.support.Browser;
import io.inventdedup.support.IdentityProvider;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.RunAssertions;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code --serve} behind a real OpenID Connect sign-in (Spring Authorization Server), in headless
 * Chromium: a reviewer works the queue of two orgs (approves a group of one, rejects a group of the
 * other) and the next runs merge exactly what was approved; a viewer sees the queue and is refused
 * every decision; a person with neither role gets 403, and no one gets in without signing in.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SignInReviewTests {

	private static IdentityProvider identityProvider;

	private static ConfigurableApplicationContext server;

	private static String base;

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeAll
	static void startTheIdentityProviderAndTheReview() {
		identityProvider = IdentityProvider.start();
		List<String> args = new ArrayList<>(identityProvider.clientProperties());
		server = ReviewServerSupport.serve(args.toArray(String[]::new));
		base = "http://127.0.0.1:" + ReviewServerSupport.port(server);
		identityProvider.allowReviewAt(base);
	}

	@AfterAll
	static void stop() {
		server.close();
		identityProvider.stop();
	}

	@Test
	void aReviewerWorksTheQueueOfTwoOrgsAndTheNextRunsMergeExactlyWhatWasApproved(CapturedOutput output)
			throws Exception {
		Map<String, List<List<SimContact>>> orgs = new LinkedHashMap<>();
		// signin-b runs first: its groups have waited longest (and its name sorts last).
		orgs.put("signin-b", populate("signin-b", 32));
		orgs.put("signin-a", populate("signin-a", 31));
		for (String orgId : orgs.keySet()) {
			assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "runKey=night-1"))).isZero();
		}
		assertThat(ReviewServerSupport.request("GET", base + "/").headers().firstValue("Location"))
			.as("no session: to the sign-in").hasValueSatisfying((location) -> assertThat(location)
				.isEqualTo(base + "/oauth2/authorization/idp"));
		String approved = firstQueued("signin-a");
		String rejected = firstQueued("signin-b");
		Map<String, Integer> mergedOnNight1 = new java.util.HashMap<>();
		orgs.keySet().forEach((orgId) -> mergedOnNight1.put(orgId, this.simulator.mergeLog(orgId).size()));

		try (Browser browser = Browser.start()) {
			ChromeDriver page = signIn(browser, "rita");
			assertThat(page.findElement(By.id("facts")).getText()).contains("rita (reviewer)");
			Cookie session = page.manage().getCookieNamed("INVENT_DEDUP_REVIEW");
			assertThat(session.isHttpOnly()).isTrue();
			assertThat(session.isSecure()).isTrue();
			assertThat(session.getSameSite()).isEqualTo("Lax");
			List<String> queueOrder = page.findElements(By.cssSelector("tr.queued"))
				.stream()
				.map((row) -> row.getDomAttribute("data-org"))
				.filter(orgs::containsKey)
				.toList();
			assertThat(queueOrder).as("longest waiting first: signin-b's groups were queued first").isNotEmpty()
				.isSortedAccordingTo(Comparator.reverseOrder())
				.contains("signin-a", "signin-b");
			decide(browser, "signin-a", approved, "approve", "one customer, two numbers");
			assertThat(page.findElement(By.id("message")).getText()).startsWith("Approved 1 group, by rita");
			browser.open(base + "/");
			decide(browser, "signin-b", rejected, "reject", "a family's phone");
			assertThat(page.findElement(By.id("message")).getText()).startsWith("Rejected 1 group, by rita");
			browser.open(base + "/");
			assertThat(page.findElements(By.cssSelector("tr.queued[data-org='signin-a'][data-key='" + approved + "']")))
				.as("decided groups leave the queue").isEmpty();
			assertThat(page.findElements(By.cssSelector("tr.queued[data-org='signin-b'][data-key='" + rejected + "']")))
				.isEmpty();
		}
		assertThat(this.jdbc.queryForObject("SELECT approved_by FROM dedup_approval p JOIN dedup_audit a ON "
				+ "a.job_instance_id = p.run_instance_id AND a.group_key = p.group_key WHERE p.group_key = ? AND "
				+ "a.org_id = 'signin-a'", String.class, approved)).isEqualTo("rita");
		assertThat(this.jdbc.queryForObject("SELECT rejected_by FROM dedup_rejection r JOIN dedup_audit a ON "
				+ "a.job_instance_id = r.plan_instance_id AND a.group_key = r.group_key WHERE r.group_key = ? AND "
				+ "a.org_id = 'signin-b'", String.class, rejected)).isEqualTo("rita");

		for (String orgId : orgs.keySet()) {
			assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "runKey=night-2"))).isZero();
		}
		Set<MergeRecord> ofQueued = new HashSet<>();
		for (Map.Entry<String, List<List<SimContact>>> org : orgs.entrySet()) {
			Set<String> queuedMembers = new HashSet<>();
			org.getValue()
				.stream()
				.filter((members) -> RunAssertions
					.isQueued(RunAssertions.expectedPlan(org.getValue(), members, MergePolicy.defaults())))
				.forEach((members) -> members.forEach((member) -> queuedMembers.add(member.id())));
			List<MergeRecord> log = this.simulator.mergeLog(org.getKey());
			log.subList(mergedOnNight1.get(org.getKey()), log.size())
				.stream()
				.filter((merge) -> queuedMembers.contains(merge.survivorId()))
				.forEach(ofQueued::add);
		}
		Map<String, Object> approvedRow = this.jdbc.queryForMap("SELECT * FROM dedup_audit WHERE group_key = ? AND "
				+ "status = 'NEEDS_REVIEW' AND org_id = 'signin-a'", approved);
		assertThat(ofQueued).as("of the queued groups of both orgs, the next runs merge exactly the approved one")
			.containsExactly(new MergeRecord("signin-a", (String) approvedRow.get("survivor_contact_id"),
					List.of((String[]) ((java.sql.Array) approvedRow.get("source_contact_ids")).getArray())));
		assertThat(this.jdbc.queryForObject("SELECT reason FROM dedup_audit WHERE group_key = ? AND job_execution_id = "
				+ "(SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = 'signin-b')", String.class, rejected))
			.isEqualTo("rejected-in-review");
		assertThat(output.getAll()).doesNotContain(TestInfrastructure.TOKEN).doesNotContain(IdentityProvider.CLIENT_SECRET);
	}

	@Test
	void aVisitThatIsNotSignedInLeavesASessionOfMinutesAndSigningInGivesTheWholeTimeout() throws Exception {
		java.net.http.HttpResponse<String> redirect = ReviewServerSupport.request("GET", base + "/oauth2/authorization/idp");
		assertThat(redirect.statusCode()).isEqualTo(302);
		String id = redirect.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("INVENT_DEDUP_REVIEW="))
			.map((cookie) -> cookie.substring("INVENT_DEDUP_REVIEW=".length(), cookie.indexOf(';')))
			.findFirst()
			.orElseThrow();
		assertThat(sessions().findSession(id).getMaxInactiveInterval()).as("the sign-in's session, in seconds")
			.isEqualTo(SignInSessions.SIGN_IN_MINUTES * 60);

		try (Browser browser = Browser.start()) {
			ChromeDriver page = signIn(browser, "rita");
			String signedIn = page.manage().getCookieNamed("INVENT_DEDUP_REVIEW").getValue();
			assertThat(sessions().findSession(signedIn).getMaxInactiveInterval()).as("a reviewer's session, in seconds")
				.isEqualTo(8 * 3600);
		}
	}

	/** The review's sessions, as its Tomcat keeps them. */
	private static org.apache.catalina.Manager sessions() {
		org.springframework.boot.tomcat.TomcatWebServer tomcat = (org.springframework.boot.tomcat.TomcatWebServer)
				((org.springframework.boot.web.server.context.WebServerApplicationContext) server).getWebServer();
		return ((org.apache.catalina.Context) tomcat.getTomcat().getHost().findChildren()[0]).getManager();
	}

	@Test
	void aViewerSeesTheQueueAndIsRefusedEveryDecision() throws Exception {
		populate("signin-view", 33);
		assertThat(this.launcher.launch(List.of("orgId=signin-view", "dryRun=false", "runKey=night-1"))).isZero();
		String queued = firstQueued("signin-view");
		long run = RunAssertions.lastExecution(this.jdbc, "signin-view");
		String contact = this.jdbc.queryForObject("SELECT survivor_contact_id FROM dedup_audit WHERE group_key = ? AND "
				+ "job_execution_id = ?", String.class, queued, run);
		try (Browser browser = Browser.start()) {
			ChromeDriver page = signIn(browser, "vic");
			assertThat(page.findElement(By.id("facts")).getText()).contains("vic (viewer: read only)");
			assertThat(page.findElements(By.cssSelector("tr.queued[data-org='signin-view'][data-key='" + queued + "']")))
				.hasSize(1);
			ReviewServerSupport.showGroup(browser, base + "/runs/" + run, queued);
			assertThat(page.findElements(By.cssSelector("input.pick"))).isEmpty();
			assertThat(page.findElements(By.cssSelector("button.decide, button.hold"))).isEmpty();
			for (String decision : List.of("approve", "reject", "unapprove", "unreject")) {
				browser.open(base + "/runs/" + run);
				assertThat(ReviewServerSupport.postFromPage(browser, "/runs/" + run + "/decisions",
						Map.of("decision", decision, "key", queued, "version", "x", "reason", "viewer tries"), true))
					.as(decision).startsWith("Refused (403)").contains("vic may only read here (a viewer)");
			}
			for (String decision : List.of("hold", "release")) {
				browser.open(base + "/runs/" + run);
				assertThat(ReviewServerSupport.postFromPage(browser, "/runs/" + run + "/holds",
						Map.of("decision", decision, "contact", contact, "reason", "viewer tries"), true))
					.as(decision).startsWith("Refused (403)").contains("vic may only read here (a viewer)");
			}
		}
		assertThat(this.jdbc.queryForObject("SELECT (SELECT count(*) FROM dedup_approval p JOIN dedup_audit a ON "
				+ "a.job_instance_id = p.run_instance_id WHERE a.org_id = 'signin-view') + (SELECT count(*) FROM "
				+ "dedup_rejection r JOIN dedup_audit a ON a.job_instance_id = r.plan_instance_id WHERE a.org_id = "
				+ "'signin-view') + (SELECT count(*) FROM dedup_hold WHERE org_id = 'signin-view')", Long.class)).isZero();
	}

	@Test
	void someoneWithNeitherRoleIsRefusedEverything() {
		try (Browser browser = Browser.start()) {
			ChromeDriver page = browser.driver();
			page.get(base + "/");
			login(page, "nora");
			await().atMost(Duration.ofSeconds(30)).until(() -> page.getCurrentUrl().startsWith(base));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> page.findElement(By.tagName("body")).getText().contains("nora is signed in, "
						+ "but in neither the group 'invent-dedup-reviewer' (decides) nor 'invent-dedup-viewer' (reads)"));
			for (String path : List.of("/runs/1", "/assets/run.js")) {
				page.get(base + path);
				assertThat(page.findElement(By.tagName("body")).getText()).as(path)
					.startsWith("Refused (403)")
					.contains("nora is signed in");
			}
		}
	}

	@Test
	void withoutAnIdentityProviderItServesNothingAndSaysWhatToSet(CapturedOutput output) {
		assertThat(InventDedupApplication.run("--serve", "--server.port=0",
				"--spring.datasource.url=" + TestInfrastructure.jdbcUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres"))
			.isEqualTo(2);
		assertThat(output.getAll()).contains("no identity provider is configured")
			.contains("spring.security.oauth2.client.provider.idp.issuer-uri")
			.contains("--serve --local");
	}

	@Test
	void aMisspeltSettingOfTheReviewIsRefusedNamingTheValidOnes(CapturedOutput output) {
		assertThat(InventDedupApplication.run("--serve", "--local", "--server.port=0",
				"--invent-dedup.review.roles-clam=groups", "--spring.datasource.url=" + TestInfrastructure.jdbcUrl()))
			.isEqualTo(2);
		assertThat(output.getAll()).contains("unknown setting 'invent-dedup.review.roles-clam'")
			.contains("invent-dedup.review.roles-claim")
			.doesNotContain("sign-in: ");
	}

	private List<List<SimContact>> populate(String orgId, long seed) {
		return OrgGenerator.seeded(seed).sharedChannels(0.3).populate(this.simulator.org(orgId), 30, 5);
	}

	private String firstQueued(String orgId) {
		return this.jdbc.queryForObject("SELECT group_key FROM dedup_audit WHERE org_id = ? AND status = 'NEEDS_REVIEW' "
				+ "ORDER BY id LIMIT 1", String.class, orgId);
	}

	/** Signs in at the identity provider's own form and lands on the review's home page. */
	private static ChromeDriver signIn(Browser browser, String person) {
		ChromeDriver page = browser.driver();
		page.get(base + "/");
		login(page, person);
		return browser.ready();
	}

	private static void login(ChromeDriver page, String person) {
		assertThat(page.getCurrentUrl()).startsWith(identityProvider.issuer());
		page.findElement(By.name("username")).sendKeys(person);
		page.findElement(By.name("password")).sendKeys(IdentityProvider.PASSWORD);
		page.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
	}

	/** From the home page's queue: opens the group's run, selects it, gives the reason and decides. */
	private static void decide(Browser browser, String orgId, String groupKey, String decision, String reason) {
		ChromeDriver page = browser.driver();
		browser.leave(() -> page
			.findElement(By.cssSelector("tr.queued[data-org='" + orgId + "'][data-key='" + groupKey + "'] a"))
			.click());
		browser.ready();
		page.findElement(By.cssSelector("article[data-key='" + groupKey + "'] input.pick")).click();
		page.findElement(By.id("reject-reason")).sendKeys(reason);
		browser.leave(() -> page.findElement(By.id("decide-" + decision)).click());
		browser.ready();
	}

}
