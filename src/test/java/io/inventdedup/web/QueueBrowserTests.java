package io.inventdedup.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import io.inventdedup.decision.DecisionRepository;
import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.support.DatabaseCommand;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.Browser;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.RunAssertions;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The queue ({@code /queue}) in Chromium, worked as a reviewer works it: by keyboard, one group at a
 * time, the next one shown without a page load, each decision checked in the database as it is made;
 * undone; the queue and the home page at a phone's width.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueueBrowserTests {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	/**
	 * One review server and one signed-in browser for the class, as a reviewer keeps one open: each
	 * test works an org of its own, from a blank page at a desk's width.
	 */
	private LocalReview review;

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private DecisionRepository decisions;

	@BeforeAll
	void serveTheReviewAndSignIn(CapturedOutput output) {
		this.review = LocalReview.signedIn(output, "dana");
	}

	@BeforeEach
	void aBlankPageAtADesksWidth() {
		this.review.browser().driver().get("about:blank");
		this.review.browser().driver().manage().window().setSize(new Dimension(1400, 1000));
	}

	@AfterAll
	void closeTheReview() {
		if (this.review != null) {
			this.review.close();
		}
	}

	@Test
	void aReviewerDecidesTwentyGroupsByKeyboardWithoutLeavingTheQueue(CapturedOutput output) throws Exception {
		String orgId = "queue-keys";
		SimOrg org = this.simulator.org(orgId);
		OrgGenerator.seeded(41).sharedChannels(0.5).populate(org, 160, 0);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "runKey=queue-keys"))).isZero();
		long run = this.jdbc.queryForObject("SELECT max(job_instance_id) FROM dedup_audit WHERE org_id = ?", Long.class,
				orgId);
		int queued = this.jdbc.queryForObject(
				"SELECT count(*) FROM dedup_audit WHERE job_instance_id = ? AND status = 'NEEDS_REVIEW'", Integer.class,
				run);
		assertThat(queued).as("groups wait for a person").isGreaterThanOrEqualTo(16);

		LocalReview review = this.review;
		ChromeDriver page = review.open("/queue?org=" + orgId);
		page.executeScript("window.stillThisPage = true;");
		page.findElement(By.id("reason")).sendKeys("checked by hand\n");

		Set<String> approved = new HashSet<>();
		Set<String> rejected = new HashSet<>();
		Deque<String[]> decided = new ArrayDeque<>();
		String[] keys = { "a", "r", "s", "a", "z", "r", "a", "s", "z", "a" };
		for (int i = 0; i < 20; i++) {
			String key = keys[i % keys.length];
			String shown = page.findElement(By.id("card")).getDomAttribute("data-key");
			String before = page.findElement(By.id("status")).getText();
			if (!key.equals("s") && !key.equals("z")) {
				before = reasonOfItsKind(page, key, before);
			}
			new Actions(page).sendKeys(key).perform();
			switch (key) {
				case "a" -> {
					approved.add(shown);
					decided.push(new String[] { "a", shown });
					awaitStatus(page, before, "Approved 1 group, by dana");
					assertThat(page.findElement(By.id("status")).getText()).contains("reason recorded: \"checked by hand\".");
				}
				case "r" -> {
					rejected.add(shown);
					decided.push(new String[] { "r", shown });
					awaitStatus(page, before, "Rejected 1 group, by dana");
					assertThat(page.findElement(By.id("status")).getText()).contains("reason recorded: \"two people\".");
				}
				case "z" -> {
					String[] last = decided.pop();
					(last[0].equals("a") ? approved : rejected).remove(last[1]);
					awaitStatus(page, before, "Took back the " + (last[0].equals("a") ? "approval" : "rejection")
							+ " of 1 group");
					assertThat(page.findElement(By.id("card")).getDomAttribute("data-key"))
						.as("the group undone is shown again").isEqualTo(last[1]);
				}
				default -> awaitStatus(page, before, "Skipped group " + shown);
			}
			if (!key.equals("z")) {
				assertThat(page.findElement(By.id("card")).getDomAttribute("data-key")).as("the next group, at once")
					.isNotEqualTo(shown);
			}
			assertThat(set("SELECT group_key FROM dedup_approval WHERE run_instance_id = ?", run)).as("after %s", key)
				.isEqualTo(approved);
			assertThat(set("SELECT group_key FROM dedup_rejection WHERE plan_instance_id = ?", run)).as("after %s", key)
				.isEqualTo(rejected);
		}
		assertThat(this.jdbc.queryForList("SELECT DISTINCT approved_by || ': ' || reason FROM dedup_approval "
				+ "WHERE run_instance_id = ?", String.class, run)).containsExactly("dana: checked by hand");
		assertThat(this.jdbc.queryForList("SELECT DISTINCT rejected_by || ': ' || reason FROM dedup_rejection "
				+ "WHERE plan_instance_id = ?", String.class, run)).containsExactly("dana: two people");
		assertThat(page.executeScript("return window.stillThisPage === true")).as("no page was loaded").isEqualTo(true);
		assertThat(page.executeScript("return performance.getEntriesByType('navigation').length")).isEqualTo(1L);
		DecisionRepository.ReviewCounts counts = this.decisions.reviewCounts(run);
		assertThat(counts.approved() + counts.rejected()).as("the decisions left standing").isEqualTo(
				approved.size() + rejected.size());
		for (String filter : List.of("undecided", "approved", "rejected")) {
			long expected = switch (filter) {
				case "undecided" -> counts.undecided();
				case "approved" -> counts.approved();
				default -> counts.rejected();
			};
			assertThat(page.findElement(By.id("filter-" + filter)).getText()).as("after the decisions")
				.isEqualTo(filter + " (" + expected + ")");
		}

		new Actions(page).sendKeys("?").perform();
		assertThat(page.findElement(By.id("help")).getText()).contains("j / k").contains("approve").contains("undo");
		new Actions(page).sendKeys("?").perform();
		// The picture of the queue in docs/review.md (docs/review-queue.png) is this page, taken here.
		page.manage().window().setSize(new Dimension(1280, 1400));
		java.nio.file.Files.write(java.nio.file.Path.of("target", "review-queue.png"),
				page.getScreenshotAs(OutputType.BYTES));
		ChromeDriver reloaded = review.open("/queue?org=" + orgId);
		for (String filter : List.of("approved", "rejected")) {
			assertThat(reloaded.findElement(By.id("filter-" + filter)).getText()).as("after a reload")
				.isEqualTo(filter + " (" + (filter.equals("approved") ? counts.approved() : counts.rejected()) + ")");
		}
		assertEveryPageCounts(review, output, orgId, RunAssertions.lastExecution(this.jdbc, orgId), counts);
	}

	@Test
	void eachKeyActsOnTheGroupShownUnderEveryFilterAfterAClickAndEveryPageCountsTheSame(CapturedOutput output) {
		String orgId = "queue-shown";
		OrgGenerator.seeded(45).sharedChannels(0.5).populate(this.simulator.org(orgId), 120, 0);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "runKey=queue-shown"))).isZero();
		long run = this.jdbc.queryForObject("SELECT max(job_instance_id) FROM dedup_audit WHERE org_id = ?", Long.class,
				orgId);
		long execution = RunAssertions.lastExecution(this.jdbc, orgId);

		LocalReview review = this.review;
		ChromeDriver page = review.open("/queue?org=" + orgId);
		page.findElement(By.id("reason")).sendKeys("checked by hand\n");
		List<String> approved = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			approved.add(shownKey(page));
			pressAndAwait(page, "a", "Approved 1 group, by dana");
		}
		String rejected = shownKey(page);
		String before = page.findElement(By.id("status")).getText();
		before = reasonOfItsKind(page, "r", before);
		new Actions(page).sendKeys("r").perform();
		awaitStatus(page, before, "Rejected 1 group, by dana");

		page.findElement(By.id("filter-rejected")).click();
		assertThat(shownKey(page)).isEqualTo(rejected);
		pressAndAwait(page, "u", "Took back the rejection of 1 group");
		assertThat(set("SELECT group_key FROM dedup_rejection WHERE plan_instance_id = ?", run)).isEmpty();
		page.findElement(By.id("filter-approved")).click();
		String shown = shownKey(page);
		assertThat(approved).contains(shown);
		pressAndAwait(page, "u", "Took back the approval of 1 group");
		approved.remove(shown);
		assertThat(set("SELECT group_key FROM dedup_approval WHERE run_instance_id = ?", run))
			.as("u took back the approval of the group shown, and of no other").isEqualTo(new HashSet<>(approved));
		page.findElement(By.id("filter-all")).click();
		String approvedShown = approved.get(0);
		page.findElement(By.cssSelector("#list li[data-key='" + approvedShown + "']")).click();
		pressAndAwait(page, "u", "Took back the approval of 1 group");
		approved.remove(approvedShown);
		assertThat(set("SELECT group_key FROM dedup_approval WHERE run_instance_id = ?", run))
			.as("under 'all' too, u took back the group shown").isEqualTo(new HashSet<>(approved));
		page.findElement(By.id("filter-undecided")).click();
		pressAndAwait(page, "u", "The group shown");
		assertThat(page.findElement(By.id("status")).getText()).as("an undecided group has nothing to take back")
			.contains("has no decision to take back");
		assertThat(set("SELECT group_key FROM dedup_approval WHERE run_instance_id = ?", run))
			.isEqualTo(new HashSet<>(approved));

		page.findElement(By.cssSelector("#list li input[type=checkbox]")).click();
		String clicked = shownKey(page);
		new Actions(page).sendKeys("j").perform();
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
			.until(() -> !shownKey(page).equals(clicked));

		ChromeDriver reloaded = review.open("/queue?org=" + orgId);
		DecisionRepository.ReviewCounts counts = this.decisions.reviewCounts(run);
		assertThat(counts.approved()).isEqualTo(1);
		assertThat(reloaded.findElement(By.id("filter-approved")).getText()).isEqualTo("approved (1)");
		assertThat(reloaded.findElement(By.id("filter-rejected")).getText()).isEqualTo("rejected (0)");
		assertThat(reloaded.findElement(By.id("filter-undecided")).getText())
			.isEqualTo("undecided (" + counts.undecided() + ")");
		assertThat(reloaded.findElement(By.id("summary")).getText())
			.contains(counts.undecided() + " groups undecided on this page").contains(orgId + " " + counts.undecided());
		assertEveryPageCounts(review, output, orgId, execution, counts);
	}

	@Test
	void anApprovedGroupIsMergedWholeOneChangedSinceWaitsAgainSayingWhyAndAnUndecidedOneStaysQueued() throws Exception {
		String orgId = "queue-whole";
		SimOrg org = this.simulator.org(orgId);
		OrgGenerator.seeded(50).sharedChannels(0.5).populate(org, 160, 0);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "runKey=night-1"))).isZero();
		long night1 = RunAssertions.lastExecution(this.jdbc, orgId);
		List<Map<String, Object>> queued = this.jdbc.queryForList("""
				SELECT group_key, survivor_contact_id, source_contact_ids,
				       cardinality(source_contact_ids) + 1 AS members
				FROM dedup_audit WHERE job_execution_id = ? AND status = 'NEEDS_REVIEW' ORDER BY members DESC, id
				""", night1);
		assertThat(queued).as("queued groups, the first of three members or more").hasSizeGreaterThanOrEqualTo(3);
		assertThat((Integer) queued.get(1).get("members")).as("two of three members or more").isGreaterThanOrEqualTo(3);
		String whole = (String) queued.get(0).get("group_key");
		String changed = (String) queued.get(1).get("group_key");
		int merges = this.simulator.mergeLog(orgId).size();

		LocalReview review = this.review;
		ChromeDriver page = review.open("/queue?org=" + orgId);
		page.findElement(By.id("reason")).sendKeys("one person, checked by hand\n");
		for (String key : List.of(whole, changed)) {
			page.findElement(By.cssSelector("#list li[data-key='" + key + "']")).click();
			assertThat(shownKey(page)).isEqualTo(key);
			pressAndAwait(page, "a", "Approved 1 group, by dana");
		}
		String becomesAdmin = ((String[]) ((java.sql.Array) queued.get(1).get("source_contact_ids")).getArray())[0];
		org.change(becomesAdmin, (contact) -> contact.admin(true));
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "runKey=night-2"))).isZero();

		Object[] sources = (Object[]) ((java.sql.Array) queued.get(0).get("source_contact_ids")).getArray();
		assertThat(this.simulator.mergeLog(orgId).subList(merges, this.simulator.mergeLog(orgId).size()))
			.as("the group approved whole, merged whole, and no other")
			.containsExactly(new io.inventdedup.simulator.MergeRecord(orgId, (String) queued.get(0).get("survivor_contact_id"),
					java.util.Arrays.stream(sources).map(String::valueOf).toList()));
		long night2 = RunAssertions.lastExecution(this.jdbc, orgId);
		assertThat(this.jdbc.queryForObject("SELECT status || ' ' || reason || ': ' || detail FROM dedup_audit "
				+ "WHERE job_execution_id = ? AND group_key = ?", String.class, night2, changed))
			.startsWith("NEEDS_REVIEW changed-since-review").contains(becomesAdmin + " became an admin");
		assertThat(this.jdbc.queryForList("SELECT group_key FROM dedup_audit WHERE job_execution_id = ? "
				+ "AND status = 'NEEDS_REVIEW'", String.class, night2))
			.as("the undecided groups, still queued over the smaller listing")
			.containsAll(queued.subList(2, queued.size()).stream().map((row) -> (String) row.get("group_key")).toList());
	}

	/**
	 * The home page's run row (and its org's heading: the undecided ones wait), the run's page and
	 * {@code --report} say these counts of the groups the run left for a person.
	 */
	private static void assertEveryPageCounts(LocalReview review, CapturedOutput output, String orgId, long execution,
			DecisionRepository.ReviewCounts counts) {
		ChromeDriver page = review.open("/");
		assertThat(page.findElement(By.cssSelector("section[data-org='" + orgId + "']")).getText())
			.as("the home page").contains(counts.describe()).contains(counts.undecided() + " waiting for review");
		review.open("/runs/" + execution);
		assertThat(page.findElement(By.id("facts")).getText()).as("the run's page").contains(counts.describe());
		assertThat(DatabaseCommand.run("--report", String.valueOf(execution))).isZero();
		// The output is captured from the class's start: the report read is the last of this execution.
		String out = output.getOut();
		Matcher row = Pattern.compile("job execution\\s+" + execution + " \\(").matcher(out);
		int report = -1;
		while (row.find()) {
			report = row.start();
		}
		assertThat(report).as("--report printed its run").isNotNegative();
		assertThat(out.substring(report)).as("--report")
			.containsPattern("needs review\\s+" + Pattern.quote(counts.describe()));
	}

	private static String shownKey(ChromeDriver page) {
		return page.findElement(By.id("card")).getDomAttribute("data-key");
	}

	private static void pressAndAwait(ChromeDriver page, String key, String expected) {
		String before = page.findElement(By.id("status")).getText();
		new Actions(page).sendKeys(key).perform();
		awaitStatus(page, before, expected);
	}

	@Test
	void theQueueAndTheHomePageFitAPhonesWidth() {
		String orgId = "queue-phone";
		SimOrg org = this.simulator.org(orgId);
		for (int i = 0; i < 16; i++) {
			org.newContact("wide-" + i)
				.named(((i % 2 == 0) ? "Marian" : "Marion") + " Featherstonehaugh-Cholmondeley")
				.createdAt(java.time.Instant.parse("2023-01-01T00:00:00Z").plusSeconds(i * 60L))
				.channels("email:shared-inbox-with-a-rather-long-address@example.test", "phone:+1555000" + (1000 + i))
				.add();
		}
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "runKey=queue-phone", "maxGroupSize=20"))).isZero();
		assertThat(this.jdbc.queryForList("SELECT status || ' ' || coalesce(reason, '') || ' ' || "
				+ "cardinality(dedup_member_ids(listed_group)) FROM dedup_audit WHERE org_id = ?", String.class, orgId))
			.as("a group of 16 waits for a person").containsExactly("NEEDS_REVIEW names-disagree 16");

		LocalReview review = this.review;
		ChromeDriver page = review.browser().driver();
		page.manage().window().setSize(new Dimension(400, 900));
		for (String path : List.of("/", "/queue?org=" + orgId)) {
			review.open(path);
			long inner = (Long) page.executeScript("return window.innerWidth");
			long width = (Long) page.executeScript("return document.documentElement.scrollWidth");
			assertThat(width).as("%s is %d px wide in a window %d px wide", path, width, inner).isLessThanOrEqualTo(inner);
		}
		assertThat(page.findElements(By.cssSelector("#card .member"))).as("the 16 members of the group shown")
			.hasSize(16);
	}

	@Test
	void aPlanAlreadyAppliedSaysSoAndItsPlannedGroupsTakeNoMoreDecisions() {
		String orgId = "queue-applied";
		OrgGenerator.seeded(43).sharedChannels(0.2).populate(this.simulator.org(orgId), 30, 0);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "runKey=plan-1"))).isZero();
		long plan = RunAssertions.lastExecution(this.jdbc, orgId);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "plan=" + plan, "runKey=apply-1")))
			.isZero();
		long apply = RunAssertions.lastExecution(this.jdbc, orgId);
		String planned = this.jdbc.queryForObject("SELECT min(group_key) FROM dedup_audit WHERE job_execution_id = ? "
				+ "AND status = 'PLANNED'", String.class, plan);

		LocalReview review = this.review;
		ChromeDriver page = review.open("/runs/" + plan);
		long planRun = this.jdbc.queryForObject("SELECT job_instance_id FROM batch_job_execution WHERE "
				+ "job_execution_id = ?", Long.class, plan);
		long applyRun = this.jdbc.queryForObject("SELECT job_instance_id FROM batch_job_execution WHERE "
				+ "job_execution_id = ?", Long.class, apply);
		assertThat(page.findElement(By.id("applied")).getText())
			.startsWith("plan " + planRun + " was applied by run " + applyRun + " (job execution " + apply + ") at ")
			.contains("UTC: its planned groups take no more decisions");
		assertThat(page.findElement(By.cssSelector("#applied a")).getDomAttribute("href")).isEqualTo("/runs/" + apply);
		assertThat(page.findElements(By.cssSelector("article[data-key='" + planned + "'] input.pick")))
			.as("a planned group of an applied plan offers no decision").isEmpty();

		String refused = ReviewServerSupport.postFromPage(review.browser(), "/runs/" + plan + "/decisions",
				java.util.Map.of("decision", "reject", "key", planned, "version", "any", "reason", "too late"), true);
		assertThat(refused).startsWith("Refused: plan " + planRun + " was applied by run " + applyRun)
			.contains("rejecting now changes nothing (1 planned group)")
			.endsWith("Nothing was changed.");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM dedup_rejection WHERE plan_instance_id = ?",
				Integer.class, planRun)).isZero();
	}

	@Test
	void theReviewsErrorPagesSayWhatWentWrongInItsOwnWords() {
		Browser browser = this.review.browser();
		String base = this.review.base();
		ChromeDriver page = browser.open(this.review.link());
		assertThat(page.findElement(By.tagName("body")).getText()).as("a sign-in link used twice")
			.startsWith("Refused (403)")
			.contains("This sign-in link was used already")
			.contains("start --serve --local again for a new one");
		assertNoFrameworkText(page);
		browser.open(base + "/runs/987654321");
		assertThat(page.findElement(By.id("error")).getText()).isEqualTo("No run has job execution 987654321.");
		assertNoFrameworkText(page);
		browser.open(base + "/no/such/page");
		assertThat(page.findElement(By.tagName("body")).getText()).startsWith("Not found (404)")
			.contains("There is no page at /no/such/page");
		assertNoFrameworkText(page);
		browser.open(base + "/api/decisions");
		assertThat(page.findElement(By.tagName("body")).getText()).startsWith("Not allowed (405)")
			.contains("/api/decisions does not take a GET request");
		assertNoFrameworkText(page);
	}

	/** The page shown is the review's own: no framework's error page, exception or status dump. */
	private static void assertNoFrameworkText(ChromeDriver page) {
		assertThat(page.getPageSource()).as(page.getCurrentUrl())
			.doesNotContain("Whitelabel")
			.doesNotContain("Exception")
			.doesNotContain("status=");
	}

	private Set<String> set(String sql, long run) {
		return new HashSet<>(this.jdbc.queryForList(sql, String.class, run));
	}

	/**
	 * Before an approval ({@code a}) or a rejection ({@code r}): when the reason field holds a reason
	 * given to the other kind, the key asks for this kind's own (offering the last one of this kind),
	 * never sends the other kind's. Types this kind's reason when none is offered, checks the one
	 * offered otherwise.
	 * @return the status line before the key that decides
	 */
	private static String reasonOfItsKind(ChromeDriver page, String key, String before) {
		String reason = key.equals("a") ? "checked by hand" : "two people";
		String field = page.findElement(By.id("reason")).getDomProperty("value");
		boolean otherKindsReason = !field.isEmpty() && !field.equals(reason);
		if (!otherKindsReason) {
			return before;
		}
		new Actions(page).sendKeys(key).perform();
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
			.until(() -> !page.findElement(By.id("status")).getText().equals(before));
		String asked = page.findElement(By.id("status")).getText();
		assertThat(asked).as("nothing sent with the other kind's reason").startsWith("The reason \"" + field + "\" went with the")
			.contains("type the reason for this " + (key.equals("a") ? "approval" : "rejection"));
		String offered = page.findElement(By.id("reason")).getDomProperty("value");
		if (offered.isEmpty()) {
			page.findElement(By.id("reason")).sendKeys(reason + "\n");
		}
		else {
			assertThat(offered).as("the last reason of this kind, offered").isEqualTo(reason);
			page.findElement(By.id("reason")).sendKeys("\n");
		}
		return asked;
	}

	/** Waits until the status line changed from {@code before} and says {@code expected}. */
	private static void awaitStatus(ChromeDriver page, String before, String expected) {
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> {
				String now = page.findElement(By.id("status")).getText();
				return !now.equals(before) && !now.startsWith("Sending");
			});
		assertThat(page.findElement(By.id("status")).getText()).startsWith(expected);
	}

}
