package io.inventdedup.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.RunAssertions;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review's pages pass axe-core's check (WCAG 2 A and AA: contrast of every text at least 4.5:1,
 * names of every control, landmarks, ...) in Chromium, on a desk's screen (1280 px) and a phone's
 * (400 px): the queue, the home page and a run's page. On the phone, the decision buttons of the
 * group shown are above the fold.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AccessibilityTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void theQueueTheHomePageAndARunsPagePassTheAccessibilityCheckOnADeskAndAPhone(CapturedOutput output)
			throws IOException {
		String orgId = "accessible";
		OrgGenerator.seeded(47).sharedChannels(0.5).populate(TestInfrastructure.simulator().org(orgId), 40, 0);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "runKey=a11y"))).isZero();
		long execution = RunAssertions.lastExecution(this.jdbc, orgId);
		String axe = axe();

		try (LocalReview review = LocalReview.signedIn(output, "ida")) {
			ChromeDriver page = review.browser().driver();
			List<String> violations = new ArrayList<>();
			for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(400, 800))) {
				page.manage().window().setSize(size);
				for (String path : List.of("/queue?org=" + orgId, "/", "/runs/" + execution)) {
					review.open(path);
					violations.addAll(check(page, axe, path + " at " + size.getWidth() + " px"));
					if (path.equals("/") && size.getWidth() == 1280) {
						// The picture of the home page in docs/review.md (docs/review-home.png) is this page, taken here.
						java.nio.file.Files.write(java.nio.file.Path.of("target", "review-home.png"),
								page.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
					}
				}
			}
			assertThat(violations).as("axe-core's violations (WCAG 2 A and AA)").isEmpty();

			page.manage().window().setSize(new Dimension(400, 800));
			review.open("/queue?org=" + orgId);
			long height = (Long) page.executeScript("return window.innerHeight");
			for (String button : List.of("approve", "reject")) {
				long bottom = ((Number) page.executeScript(
						"return document.getElementById(arguments[0]).getBoundingClientRect().bottom", button)).longValue();
				assertThat(bottom).as("the %s button above the fold on a phone", button).isLessThanOrEqualTo(height);
			}
			assertThat(page.findElement(By.id("approve")).isDisplayed()).isTrue();
		}
	}

	/** axe-core's verdict on the page shown, a line a violation: rule, impact, the elements, what to fix. */
	private static List<String> check(ChromeDriver page, String axe, String where) {
		page.executeScript(axe);
		Object answer = page.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
				  .then(function (results) { done(JSON.stringify(results.violations)); })
				  .catch(function (error) { done(JSON.stringify([{ id: 'axe-failed', impact: String(error), nodes: [] }])); });
				""");
		List<String> violations = new ArrayList<>();
		for (JsonNode violation : JSON.readTree((String) answer)) {
			List<String> nodes = new ArrayList<>();
			for (JsonNode node : violation.path("nodes")) {
				nodes.add(node.path("target").toString() + " " + node.path("failureSummary").asString("").replace('\n', ' '));
			}
			violations.add(where + ": " + violation.path("id").asString() + " (" + violation.path("impact").asString("")
					+ ") " + nodes);
		}
		return violations;
	}

	/** axe.min.js, as Deque publishes it in its Selenium artifact. */
	private static String axe() throws IOException {
		try (InputStream in = AccessibilityTests.class.getResourceAsStream("/axe.min.js")) {
			assertThat(in).as("axe.min.js on the test classpath (com.deque.html.axe-core:selenium)").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
