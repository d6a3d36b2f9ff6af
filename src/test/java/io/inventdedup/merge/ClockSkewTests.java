package io.inventdedup.merge;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.policy.MergePolicy;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimContact;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.RunAssertions;
import io.inventdedup.support.ShiftedClock;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A pod whose clock is an hour off the database's (its NTP down): every age the run compares is
 * measured on the database's clock, so the run lists the org once and completes, merging what one
 * run with a right clock merges. Measured on this process's clock against the listing's start on
 * the database's, the listing was "older than dedup.merge.max-listing-age" as soon as it was read,
 * and the run listed the org again and again, for ever.
 */
@IntegrationTest
class ClockSkewTests {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ShiftedClock clock;

	@AfterEach
	void setTheClockRight() {
		this.clock.shift(Duration.ZERO);
	}

	@ParameterizedTest(name = "this process's clock {0} minutes off the database's")
	@ValueSource(ints = { 60, -60 })
	void aRunOnAPodWhoseClockIsAnHourOffReadsEachPassOnceAndCompletes(int minutes) {
		String orgId = "clock-skew" + minutes;
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(60 + minutes).plainContacts().populate(org, 60, 0);
		this.clock.shift(Duration.ofMinutes(minutes));

		int exitCode = assertTimeoutPreemptively(Duration.ofSeconds(90),
				() -> this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false")));

		assertThat(exitCode).isZero();
		assertThat(this.jdbc.queryForObject("SELECT listings FROM dedup_run_listing WHERE org_id = ?", Long.class, orgId))
			.as("windows of the listing: the org in one, then the pass that finds every merged group gone").isEqualTo(2);
		RunAssertions runs = new RunAssertions(this.simulator, this.jdbc);
		runs.assertFinalState(org, groups, MergePolicy.defaults());
		runs.assertAuditAgreesWithMergeLog(orgId);
	}

}
