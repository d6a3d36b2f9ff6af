package io.inventdedup.web;

import java.time.Duration;
import java.util.List;
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
import static org.awaitility.Awaitility.await;

/**
 * The queue's decisions at scale, in Chromium and over its own address: two reviewers deciding one
 * group at the same moment on two review servers of one database, and a bulk decision of 5,000 groups.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class QueueAtScaleTests {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void ofTwoReviewersDecidingOneGroupAtOnceExactlyOneIsRecordedFiftyTimesOver(CapturedOutput output)
			throws Exception {
		String orgId = "queue-race";
		OrgGenerator.seeded(44).sharedChannels(0.5).populate(this.simulator.org(orgId), 80, 0);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "runKey=race-1"))).isZero();
		String group = this.jdbc.queryForObject("SELECT min(group_key) FROM dedup_audit WHERE org_id = ? "
				+ "AND status = 'NEEDS_REVIEW'", String.class, orgId);
		long execution = RunAssertions.lastExecution(this.jdbc, orgId);
		long run = this.jdbc.queryForObject("SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?",
				Long.class, execution);

		// Two reviewers, each signed in to a review server of their own on the one database.
		try (ConfigurableApplicationContext alices = ReviewServerSupport.serve("--local", "--by=alice");
				ConfigurableApplicationContext bobs = ReviewServerSupport.serve("--local", "--by=bob");
				Browser alice = Browser.start();
				Browser bob = Browser.start()) {
			Matcher link = ReviewServerSupport.SIGN_IN.matcher(output.getOut());
			ReviewerSession[] sessions = new ReviewerSession[2];
			Browser[] browsers = { alice, bob };
			for (int i = 0; i < 2; i++) {
				assertThat(link.find()).isTrue();
				sessions[i] = ReviewerSession.signIn(browsers[i], link.group(1), "http://127.0.0.1:" + link.group(2),
						orgId);
			}
			String version = sessions[0].version(group);
			java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
			try {
				for (int round = 0; round < 50; round++) {
					java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
					String seen = version;
					var approval = pool.submit(() -> {
						together.await();
						return sessions[0].decide(execution, "approve", group, seen, "one person");
					});
					var rejection = pool.submit(() -> {
						together.await();
						return sessions[1].decide(execution, "reject", group, seen, "two people");
					});
					java.net.http.HttpResponse<String> approved = approval.get();
					java.net.http.HttpResponse<String> rejected = rejection.get();
					assertThat(List.of(approved.statusCode(), rejected.statusCode())).as("round %d", round)
						.containsExactlyInAnyOrder(200, 409);
					int approvals = this.jdbc.queryForObject("SELECT count(*) FROM dedup_approval WHERE "
							+ "run_instance_id = ? AND group_key = ?", Integer.class, run, group);
					int rejections = this.jdbc.queryForObject("SELECT count(*) FROM dedup_rejection WHERE "
							+ "plan_instance_id = ? AND group_key = ?", Integer.class, run, group);
					assertThat(approvals + rejections).as("round %d: one decision recorded", round).isOne();
					assertThat(approvals).as("round %d: the one answered 200", round)
						.isEqualTo((approved.statusCode() == 200) ? 1 : 0);
					java.net.http.HttpResponse<String> loser = (approved.statusCode() == 409) ? approved : rejected;
					assertThat(loser.body()).as("round %d", round).contains("Nothing was changed");
					boolean aliceWon = approved.statusCode() == 200;
					java.net.http.HttpResponse<String> winner = aliceWon ? approved : rejected;
					java.net.http.HttpResponse<String> undone = sessions[aliceWon ? 0 : 1].decide(execution,
							aliceWon ? "unapprove" : "unreject", group, ReviewerSession.versionIn(winner.body(), group),
							null);
					assertThat(ReviewerSession.stateIn(winner.body(), group)).as("the state the answer gives the group")
						.isEqualTo(aliceWon ? "APPROVED" : "REJECTED");
					assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
					assertThat(ReviewerSession.stateIn(undone.body(), group)).isEqualTo("UNDECIDED");
					version = ReviewerSession.versionIn(undone.body(), group);
				}
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	@Test
	void fiveThousandGroupsAreDecidedInOneBulkDecisionWithTheCountShownFirst(CapturedOutput output) {
		String orgId = "queue-bulk";
		OrgGenerator.seeded(45).sharedChannels(0.5).populate(this.simulator.org(orgId), 60, 0);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "runKey=bulk-1"))).isZero();
		long run = this.jdbc.queryForObject("SELECT max(job_instance_id) FROM dedup_audit WHERE org_id = ?", Long.class,
				orgId);
		// The queue of a large org: copies of a queued group under keys of their own.
		this.jdbc.update("""
				INSERT INTO dedup_audit (job_instance_id, job_execution_id, org_id, group_key, dry_run, status, reason,
				    survivor_contact_id, source_contact_ids, merged_contact_ids, excluded_contact_ids, exclusion_reasons,
				    detail, listed_group, policy, planned_update)
				SELECT a.job_instance_id, a.job_execution_id, a.org_id, a.group_key || '-copy-' || n, a.dry_run, a.status,
				       a.reason, a.survivor_contact_id, a.source_contact_ids, a.merged_contact_ids, a.excluded_contact_ids,
				       a.exclusion_reasons, a.detail, a.listed_group, a.policy, a.planned_update
				  FROM (SELECT * FROM dedup_audit WHERE job_instance_id = ? AND status = 'NEEDS_REVIEW' ORDER BY id LIMIT 1) a,
				       generate_series(1, 5000) n
				""", run);
		int queued = this.jdbc.queryForObject("SELECT count(*) FROM dedup_audit WHERE job_instance_id = ? "
				+ "AND status = 'NEEDS_REVIEW'", Integer.class, run);
		assertThat(queued).isGreaterThan(5000);

		try (ConfigurableApplicationContext server = ReviewServerSupport.serve("--local", "--by=gus");
				Browser browser = Browser.start()) {
			Matcher link = ReviewServerSupport.SIGN_IN.matcher(output.getOut());
			assertThat(link.find()).isTrue();
			browser.open(link.group(1));
			ChromeDriver page = browser.open("http://127.0.0.1:" + link.group(2) + "/queue?org=" + orgId);
			page.findElement(By.id("reason")).sendKeys("one household, checked\n");
			page.findElement(By.id("select-all")).click();
			assertThat(page.findElement(By.id("bulk-approve")).getText()).as("the count, before it is sent")
				.isEqualTo("Approve the " + queued + " selected groups");
			String before = page.findElement(By.id("status")).getText();
			page.findElement(By.id("bulk-approve")).click();
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> {
					String now = page.findElement(By.id("status")).getText();
					return !now.equals(before) && !now.startsWith("Sending");
				});
			assertThat(page.findElement(By.id("status")).getText()).startsWith("Approved " + queued + " groups, by gus");
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM dedup_approval WHERE run_instance_id = ? AND "
					+ "approved_by = 'gus' AND reason = 'one household, checked'", Integer.class, run)).isEqualTo(queued);
			assertThat(page.findElement(By.id("card")).getText()).contains("the queue is clear");
		}
	}

}
