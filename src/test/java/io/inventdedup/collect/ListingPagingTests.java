package io.inventdedup.collect;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.policy.MergePolicy;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimContact;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.DatabaseCommand;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.RunAssertions;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole listing is read however the API pages it, within what the vendor's pages promise: at
 * most {@code take} groups a page, pagination headers that may be missing, pages that shift while
 * the job reads them. A listing that does not add up fails the run before anything is merged.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ListingPagingTests {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	private RunAssertions runs;

	@BeforeEach
	void checkRunsAgainstTheSimulator() {
		this.runs = new RunAssertions(this.simulator, this.jdbc);
	}

	@ParameterizedTest(name = "{0} groups a page, pagination headers {1}")
	@CsvSource({ "30, true", "37, true", "1, true", "30, false", "100, false" })
	void mergesEveryGroupWhenPagesHoldFewerGroupsThanTake(int cap, boolean headers) {
		String orgId = "paging-cap-" + cap + "-" + headers;
		SimOrg org = this.simulator.org(orgId);
		int count = (cap == 1) ? 45 : 250;
		List<List<SimContact>> groups = OrgGenerator.seeded(cap).plainContacts().maxGroupSize(3).populate(org, count,
				20);
		org.capPagesAt(cap);
		org.sendPaginationHeaders(headers);

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false"))).isZero();

		assertThat(staged(orgId)).isEqualTo(count);
		assertThat(this.runs.count(orgId, "MERGED")).isEqualTo(count);
		this.runs.assertFinalState(org, groups, MergePolicy.defaults());
		this.runs.assertAuditAgreesWithMergeLog(orgId);
	}

	@Test
	void stagesEachGroupOnceWhenPagesOverlap() {
		String orgId = "paging-overlap";
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(31).plainContacts().maxGroupSize(3).populate(org, 230, 0);
		org.capPagesAt(40);
		org.overlapPages(3);

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false"))).isZero();

		assertThat(staged(orgId)).isEqualTo(230);
		assertThat(this.runs.count(orgId, null)).isEqualTo(230);
		this.runs.assertFinalState(org, groups, MergePolicy.defaults());
		this.runs.assertAuditAgreesWithMergeLog(orgId);
	}

	@Test
	void failsWithNothingMergedWhenTheCountAnnouncesMoreGroupsThanListedThenCollectsAgain(CapturedOutput output) {
		String orgId = "paging-shortfall";
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(32).plainContacts().maxGroupSize(3).populate(org, 200, 0);
		org.capPagesAt(50);
		org.announceMoreGroupsThanListed(10);
		List<String> command = List.of("orgId=" + orgId, "dryRun=false");

		assertThat(this.launcher.launch(command)).isEqualTo(1);

		assertThat(this.simulator.requests(orgId, "POST")).isZero();
		assertThat(this.runs.count(orgId, null)).isZero();
		assertThat(output).contains("announced 210 groups (pagination-count) but the collect saw 200")
			.contains("10 missing (4.8%) is more than dedup.collect.max-shortfall (1.0%)");
		long execution = this.runs.lastExecution(orgId);
		assertThat(DatabaseCommand.run("--report", String.valueOf(execution))).isZero();
		assertThat(output).containsPattern("listing\\s+210 announced \\(pagination-count\\), 200 collected \\(10 short\\)");
		long listed = this.simulator.requests(orgId, "GET");

		org.announceMoreGroupsThanListed(0);
		assertThat(this.launcher.launch(command)).isZero();

		assertThat(this.simulator.requests(orgId, "GET") - listed).as("the resumed run collects the listing again")
			.isGreaterThanOrEqualTo(5);
		assertThat(listing(orgId)).containsExactly(200L, 200L);
		this.runs.assertFinalState(org, groups, MergePolicy.defaults());
		this.runs.assertAuditAgreesWithMergeLog(orgId);
	}

	@Test
	void warnsAndCompletesWhenTheShortfallIsWithinItsTolerance(CapturedOutput output) {
		String orgId = "paging-tolerated";
		SimOrg org = this.simulator.org(orgId);
		OrgGenerator.seeded(33).plainContacts().maxGroupSize(3).populate(org, 300, 0);
		org.announceMoreGroupsThanListed(2);

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false"))).isZero();

		assertThat(this.runs.count(orgId, "MERGED")).isEqualTo(300);
		assertThat(listing(orgId)).containsExactly(302L, 300L);
		assertThat(output).contains("WARN").contains("The duplicate listing announced 302 groups but the collect saw 300")
			.containsPattern("listing\\s+302 announced \\(pagination-count\\), 300 collected \\(2 short\\)");
	}

	@Test
	void stopsAListingThatAnswersTheSamePageForeverWithoutMerging(CapturedOutput output) {
		String orgId = "paging-endless";
		SimOrg org = this.simulator.org(orgId);
		OrgGenerator.seeded(34).plainContacts().maxGroupSize(3).populate(org, 30, 0);
		org.answerEveryListingPageWith(
				"[{\"primary\": {\"id\": \"x\"}, \"duplicates\": [{\"id\": \"y\"}], \"matched_on\": []}]");

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false"))).isEqualTo(1);

		assertThat(output).contains("answered page 2 with the same groups as page 1");
		assertThat(this.simulator.requests(orgId, "POST")).isZero();
	}

	@Test
	void stopsAListingWhoseCountKeepsGrowingWithoutMerging(CapturedOutput output) {
		String orgId = "paging-growing";
		this.simulator.org(orgId).listEndlessly();

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false"))).isEqualTo(1);

		assertThat(output).contains("The duplicate listing of org paging-growing did not end: page 17 still holds "
				+ "groups, although the listing first announced 200 groups");
		assertThat(this.simulator.requests(orgId, "GET")).as("it stopped, not read forever").isLessThan(40);
		assertThat(this.simulator.requests(orgId, "POST")).isZero();
	}

	/** The groups the run's first pass over the listing staged (the org fits in one window here). */
	private long staged(String orgId) {
		return this.jdbc.queryForObject("SELECT collected FROM dedup_run_listing WHERE org_id = ?", Long.class, orgId);
	}

	/** What the run's first pass read, beside what its listing announced as it began. */
	private List<Long> listing(String orgId) {
		return this.jdbc.queryForObject("SELECT ARRAY[announced, collected] FROM dedup_run_listing WHERE org_id = ?",
				(rs, row) -> List.of((Long[]) rs.getArray(1).getArray()), orgId);
	}

}
