package io.inventdedup.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.support.Browser;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.RunAssertions;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dry run's plan reviewed in a real browser ({@code --serve --local}): its planned groups rejected
 * and a rejection taken back on the run's page, approval neither offered nor accepted on them, and
 * the apply run of the plan skipping what was rejected and merging the rest.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PlanReviewBrowserTests {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void aDryRunsPlannedGroupsAreRejectedAndTheRejectionUndoneInTheBrowserAndTheApplyRunFollows(CapturedOutput output)
			throws Exception {
		String orgId = "review-plan";
		OrgGenerator.seeded(41).plainContacts().populate(this.simulator.org(orgId), 12, 0);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=true", "runKey=plan-1"))).isZero();
		long plan = RunAssertions.lastExecution(this.jdbc, orgId);
		List<String> planned = this.jdbc.queryForList("SELECT group_key FROM dedup_audit WHERE job_execution_id = ? "
				+ "AND status = 'PLANNED' ORDER BY id LIMIT 2", String.class, plan);
		assertThat(planned).hasSize(2);
		String rejected = planned.get(0);
		String undone = planned.get(1);

		try (ConfigurableApplicationContext server = ReviewServerSupport.serve("--local", "--by=carol");
				Browser browser = Browser.start()) {
			Matcher link = ReviewServerSupport.SIGN_IN.matcher(output.getOut());
			assertThat(link.find()).isTrue();
			ChromeDriver page = browser.open(link.group(1));
			String runPage = page.getCurrentUrl() + "runs/" + plan;
			browser.open(runPage);
			assertThat(page.findElement(By.id("title")).getText()).contains("dry run");
			for (String key : planned) {
				page.findElement(By.cssSelector("article[data-key='" + key + "'] input.pick")).click();
			}
			page.findElement(By.id("reject-reason")).sendKeys("not the same shop");
			assertThat(page.findElement(By.id("decide-approve")).isEnabled())
				.as("approval is not offered on planned groups: only groups waiting for review are approved")
				.isFalse();
			assertThat(page.findElement(By.id("picked")).getText())
				.isEqualTo("2 selected (2 planned: they can be rejected, not approved)");
			String refused = ReviewServerSupport.postFromPage(browser, "/runs/" + plan + "/decisions",
					Map.of("decision", "approve", "key", rejected, "version", ReviewServerSupport.version(page, rejected),
							"reason", "x"),
					true);
			assertThat(refused).as("and the server refuses it all the same")
				.startsWith("Refused: These keys match no group of run")
				.contains("NEEDS_REVIEW");
			for (String key : planned) {
				page.findElement(By.cssSelector("article[data-key='" + key + "'] input.pick")).click();
			}
			page.findElement(By.id("reject-reason")).sendKeys("not the same shop");
			browser.leave(() -> page.findElement(By.id("decide-reject")).click());
			browser.ready();
			assertThat(page.findElement(By.id("message")).getText()).startsWith("Rejected 2 groups, by carol");
			page.findElement(By.cssSelector("article[data-key='" + undone + "'] input.pick")).click();
			browser.leave(() -> page.findElement(By.id("decide-unreject")).click());
			browser.ready();
			assertThat(page.findElement(By.id("message")).getText()).startsWith("Took back the rejection of 1 group");
			assertThat(page.findElement(By.cssSelector("article[data-key='" + rejected + "'] .decision")).getText())
				.startsWith("rejected by carol at ")
				.endsWith(": not the same shop");
			assertThat(page.findElements(By.cssSelector("article[data-key='" + undone + "'] .decision"))).isEmpty();
		}

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false", "plan=" + plan, "runKey=apply-1")))
			.isZero();
		long apply = RunAssertions.lastExecution(this.jdbc, orgId);
		assertThat(this.jdbc.queryForMap("SELECT status, reason FROM dedup_audit WHERE job_execution_id = ? AND "
				+ "group_key = ?", apply, rejected))
			.containsEntry("status", "SKIPPED")
			.containsEntry("reason", "rejected-in-review");
		assertThat(this.jdbc.queryForObject("SELECT status FROM dedup_audit WHERE job_execution_id = ? AND "
				+ "group_key = ?", String.class, apply, undone)).isEqualTo("MERGED");
	}

}
