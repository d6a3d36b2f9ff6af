package io.inventdedup.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.Browser;
import io.inventdedup.support.DatabaseCommand;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The page of a run ({@code --report ID --html=FILE}) in a real browser, headless Chromium with the
 * network cut: its counts are the database's, each filter shows exactly its groups, the search
 * finds a contact by email, a hostile name is shown as text and runs nothing, and the reject
 * control produces the exact command.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunPageBrowserTests {

	private static final String ORG = "page";

	private static final String HOSTILE = "<img src=x onerror=alert(1)></script><script>document.title='pwned'</script>";

	private static final Instant T0 = Instant.parse("2022-01-01T00:00:00Z");

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	private long execution;

	private Path page;

	/** One browser for the class: each test opens the page afresh ({@link #aBlankPage}). */
	private Browser browser;

	@BeforeAll
	void aDryRunAndItsPage() throws Exception {
		SimOrg org = TestInfrastructure.simulator().org(ORG);
		OrgGenerator.seeded(80).maxGroupSize(4).sharedChannels(0.25).populate(org, 60, 0);
		org.newContact("hostile-1").named(HOSTILE).createdAt(T0).channels("email:hostile@example.test").add();
		org.newContact("hostile-2")
			.named("=HYPERLINK(\"http://evil.test\")")
			.createdAt(T0.plusSeconds(60))
			.channels("email:hostile@example.test")
			.add();
		assertThat(this.launcher.launch(List.of("orgId=" + ORG, "runKey=page"))).isZero();
		this.execution = this.jdbc.queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = ?",
				Long.class, ORG);
		this.page = Path.of("target", "run-page", "run-" + this.execution + ".html");
		Files.createDirectories(this.page.getParent());
		assertThat(DatabaseCommand.run("--report", String.valueOf(this.execution), "--html=" + this.page)).isZero();
		this.browser = Browser.offline();
	}

	/** Each test loads the page itself, even at a link to a group of the page the last test left. */
	@BeforeEach
	void aBlankPage() {
		this.browser.driver().get("about:blank");
	}

	@AfterAll
	void closeTheBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void showsTheDatabasesCountsAndSavesAScreenshot() throws Exception {
		ChromeDriver driver = this.browser.open(this.page);
		for (Map<String, Object> row : this.jdbc.queryForList(
				"SELECT status, count(*) AS n FROM dedup_audit WHERE org_id = ? GROUP BY status", ORG)) {
			assertThat(driver.findElement(By.cssSelector("#by-status td[data-count='" + row.get("status") + "']"))
				.getText()).isEqualTo(String.valueOf(row.get("n")));
		}
		for (Map<String, Object> row : this.jdbc.queryForList(
				"SELECT reason, count(*) AS n FROM dedup_audit WHERE org_id = ? AND reason IS NOT NULL GROUP BY reason",
				ORG)) {
			assertThat(driver.findElement(By.cssSelector("#by-reason td[data-count='" + row.get("reason") + "']"))
				.getText()).isEqualTo(String.valueOf(row.get("n")));
		}
		assertThat(driver.findElements(By.cssSelector("svg.chart rect"))).isNotEmpty();
		long unsubscribes = this.jdbc.queryForObject("SELECT count(*) FROM dedup_audit WHERE org_id = ? "
				+ "AND (planned_update ->> 'unsubscribed')::boolean", Long.class, ORG);
		assertThat(unsubscribes).as("the org plans opt-outs to carry").isPositive();
		new Select(driver.findElement(By.id("status"))).selectByValue("PLANNED");
		assertThat(driver.findElements(By.cssSelector("#groups .followup")))
			.as("the planned follow-ups say in words what the survivor carries")
			.anyMatch((line) -> line.getText().equals("After the merge, the survivor is unsubscribed (a merged "
					+ "contact was)"));
		Files.write(Path.of("target", "run-page", "screenshot.png"), driver.getScreenshotAs(OutputType.BYTES));
	}

	@Test
	void aLinkToAGroupShowsThatGroupAndAMalformedOneStillOpensThePage() {
		String key = this.jdbc.queryForObject("SELECT group_key FROM dedup_audit WHERE org_id = ? ORDER BY id DESC LIMIT 1",
				String.class, ORG);
		ChromeDriver driver = this.browser.open(this.page.toUri() + "#" + key);
		assertThat(shownKeys(driver)).containsExactly(key);
		driver.get("about:blank");
		this.browser.open(this.page.toUri() + "#%E0%A4%A");
		assertThat(driver.findElement(By.id("search")).getDomProperty("value")).isEqualTo("%E0%A4%A");
	}

	@Test
	void showsExactlyTheGroupsOfEachFilter() {
		ChromeDriver driver = this.browser.open(this.page);
		for (String status : this.jdbc.queryForList("SELECT DISTINCT status FROM dedup_audit WHERE org_id = ?",
				String.class, ORG)) {
			new Select(driver.findElement(By.id("status"))).selectByValue(status);
			List<String> expected = this.jdbc.queryForList(
					"SELECT group_key FROM dedup_audit WHERE org_id = ? AND status = ? ORDER BY group_key", String.class,
					ORG, status);
			assertThat(shownKeys(driver)).as(status).containsExactlyInAnyOrderElementsOf(expected);
		}
		new Select(driver.findElement(By.id("status"))).selectByValue("");
		for (String reason : this.jdbc.queryForList(
				"SELECT DISTINCT reason FROM dedup_audit WHERE org_id = ? AND reason IS NOT NULL", String.class, ORG)) {
			new Select(driver.findElement(By.id("reason"))).selectByValue(reason);
			assertThat(shownKeys(driver)).as(reason)
				.containsExactlyInAnyOrderElementsOf(this.jdbc.queryForList(
						"SELECT group_key FROM dedup_audit WHERE org_id = ? AND reason = ?", String.class, ORG, reason));
		}
	}

	@Test
	void findsAContactByEmailAndShowsAHostileNameAsTextRunningNothing() throws Exception {
		ChromeDriver driver = this.browser.open(this.page);
		driver.findElement(By.id("search")).sendKeys("HOSTILE@example.test");

		List<WebElement> cards = driver.findElements(By.cssSelector("#groups article.card"));
		assertThat(cards).hasSize(1);
		WebElement contact = cards.get(0).findElement(By.cssSelector("[data-contact='hostile-1'] .name"));
		assertThat(contact.getText()).isEqualTo(HOSTILE);
		assertThat(driver.findElements(By.cssSelector("img"))).isEmpty();
		assertThat(driver.getTitle()).isEqualTo("invent-dedup run report");
		assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
		assertThat(Files.readString(this.page)).doesNotContain(TestInfrastructure.TOKEN)
			.doesNotContain("<img src=x")
			.doesNotContain("</script><script>document");
	}

	@Test
	void producesTheExactRejectCommandOfTheSelectedGroups() {
		ChromeDriver driver = this.browser.open(this.page);
		new Select(driver.findElement(By.id("status"))).selectByValue("PLANNED");
		List<WebElement> cards = driver.findElements(By.cssSelector("#groups article.card"));
		String first = cards.get(0).getDomAttribute("data-key");
		String second = cards.get(1).getDomAttribute("data-key");
		cards.get(1).findElement(By.cssSelector("input.pick")).click();
		cards.get(0).findElement(By.cssSelector("input.pick")).click();
		driver.findElement(By.id("reject-reason")).sendKeys("two people, one phone's");
		driver.findElement(By.id("copy-reject")).click();

		List<String> keys = first.compareTo(second) < 0 ? List.of(first, second) : List.of(second, first);
		assertThat(driver.findElement(By.id("reject-command")).getDomProperty("value"))
			.isEqualTo("java -jar target/invent-dedup.jar --reject " + this.execution + " " + keys.get(0) + " "
					+ keys.get(1) + " --reason='two people, one phone'\\''s'");
	}

	@Test
	void marksTheSharedChannelOnEveryQueuedCardAndCopiesTheExactApproveCommand() {
		List<String> queued = this.jdbc.queryForList(
				"SELECT group_key FROM dedup_audit WHERE org_id = ? AND status = 'NEEDS_REVIEW' ORDER BY group_key",
				String.class, ORG);
		assertThat(queued).as("the dry run queued groups whose names disagree").hasSizeGreaterThanOrEqualTo(2);
		ChromeDriver driver = this.browser.open(this.page);
		new Select(driver.findElement(By.id("status"))).selectByValue("NEEDS_REVIEW");
		List<WebElement> cards = driver.findElements(By.cssSelector("#groups article.card"));
		assertThat(cards).hasSize(queued.size());
		for (WebElement card : cards) {
			assertThat(card.findElement(By.cssSelector(".matched")).getText()).startsWith("Invent grouped them on: ");
			assertThat(card.findElements(By.cssSelector("li.shared"))).as("the channel Invent matched on is marked")
				.hasSizeGreaterThanOrEqualTo(2);
			assertThat(card.findElements(By.cssSelector(".contact .name")))
				.as("every member's name, side by side")
				.hasSizeGreaterThanOrEqualTo(2);
			assertThat(card.findElements(By.cssSelector("li"))).noneMatch((li) -> li.getText().endsWith("null"));
		}
		cards.get(1).findElement(By.cssSelector("input.pick")).click();
		cards.get(0).findElement(By.cssSelector("input.pick")).click();
		driver.findElement(By.id("reject-reason")).sendKeys("one customer, two numbers");
		driver.findElement(By.id("copy-approve")).click();
		List<String> keys = List.of(cards.get(0).getDomAttribute("data-key"), cards.get(1).getDomAttribute("data-key"))
			.stream()
			.sorted()
			.toList();
		assertThat(driver.findElement(By.id("reject-command")).getDomProperty("value"))
			.isEqualTo("java -jar target/invent-dedup.jar --approve " + this.execution + " " + keys.get(0) + " "
					+ keys.get(1) + " --reason='one customer, two numbers'");

		new Select(driver.findElement(By.id("status"))).selectByValue("PLANNED");
		driver.findElements(By.cssSelector("#groups article.card")).get(0).findElement(By.cssSelector("input.pick"))
			.click();
		driver.findElement(By.id("copy-approve")).click();
		assertThat(driver.findElement(By.id("reject-command")).getDomProperty("value"))
			.startsWith("Only groups that wait for review (NEEDS_REVIEW) or whose names differ (SKIPPED, names-differ) can be approved");
	}

	@Test
	void saysHowManyGroupsItLeftOutPastItsLimitAndKeepsTheQueuedThenThePlannedOnesFirst() throws Exception {
		Path capped = Path.of("target", "run-page", "capped.html");
		assertThat(DatabaseCommand.run("--report", String.valueOf(this.execution), "--html=" + capped,
				"--html-limit=10")).isZero();
		long total = this.jdbc.queryForObject("SELECT count(*) FROM dedup_audit WHERE org_id = ?", Long.class, ORG);
		ChromeDriver driver = this.browser.open(capped);
		assertThat(driver.findElement(By.id("notice")).getText()).contains("shows 10 of the run’s " + total + " groups")
			.contains((total - 10) + " left out are all in the CSV: java -jar target/invent-dedup.jar --report "
					+ this.execution + " --csv=run-" + this.execution + ".csv");
		List<String> statuses = driver.findElements(By.cssSelector("#groups article.card"))
			.stream()
			.map((card) -> card.getDomAttribute("data-status"))
			.toList();
		long queued = this.jdbc.queryForObject(
				"SELECT count(*) FROM dedup_audit WHERE org_id = ? AND status = 'NEEDS_REVIEW'", Long.class, ORG);
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			expected.add((i < queued) ? "NEEDS_REVIEW" : "PLANNED");
		}
		assertThat(statuses).isEqualTo(expected);
	}

	@Test
	void exportsNamesAndEmailsToCsvWithFormulaCellsMadeText() throws Exception {
		Path csv = Path.of("target", "run-page", "run.csv");
		assertThat(DatabaseCommand.run("--report", String.valueOf(this.execution), "--csv=" + csv)).isZero();

		List<String> lines = Files.readAllLines(csv);
		assertThat(lines.get(0)).endsWith(",survivor_name,survivor_email,source_names,source_emails");
		String hostile = lines.stream().filter((line) -> line.contains("hostile-1")).findFirst().orElseThrow();
		assertThat(hostile).contains("\"'=HYPERLINK(\"\"http://evil.test\"\")\"")
			.contains("\"hostile@example.test\"")
			.doesNotContain(",\"=HYPERLINK");
	}

	/** The keys of the groups the filters let through, page after page, and the count the page gives. */
	private static List<String> shownKeys(ChromeDriver driver) {
		List<String> keys = new ArrayList<>();
		while (true) {
			driver.findElements(By.cssSelector("#groups article.card"))
				.forEach((card) -> keys.add(card.getDomAttribute("data-key")));
			WebElement next = driver.findElement(By.id("next"));
			if (!next.isEnabled()) {
				break;
			}
			next.click();
		}
		assertThat(driver.findElement(By.id("matching")).getText())
			.isEqualTo(keys.size() + ((keys.size() == 1) ? " group matches" : " groups match"));
		while (driver.findElement(By.id("previous")).isEnabled()) {
			driver.findElement(By.id("previous")).click();
		}
		return keys;
	}

}
