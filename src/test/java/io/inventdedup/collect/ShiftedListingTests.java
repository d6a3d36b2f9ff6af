package io.inventdedup.collect;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimContact;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listing that shifts while it is read: a person merges five groups of page 1 in Invent's UI while
 * the run reads page 6, every later page moves up, and the groups that moved past the pages read
 * would never be looked at. The run lists the org again before it completes, and every group of
 * the org is looked at (recorded by the run, or merged by the person), none twice.
 */
@IntegrationTest
class ShiftedListingTests {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void aListingThatShiftedWhileReadIsListedAgainAndEveryGroupIsLookedAt() {
		String orgId = "shifted-listing";
		SimOrg org = this.simulator.org(orgId);
		List<List<SimContact>> groups = OrgGenerator.seeded(44).plainContacts().maxGroupSize(3).populate(org, 100, 0);
		org.capPagesAt(10);
		List<SimOrg.SimGroup> firstPage = org.groups().subList(0, 5);
		Set<String> mergedByHand = new HashSet<>();
		org.beforePage(6, () -> firstPage.forEach((group) -> {
			List<String> sources = group.duplicates().stream().map(SimContact::id).toList();
			org.mergeByHand(group.primary().id(), sources);
			mergedByHand.add(group.primary().id());
		}));

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false"))).isZero();

		assertThat(this.jdbc.queryForObject("SELECT listings FROM dedup_run_listing WHERE org_id = ?", Long.class,
				orgId)).as("listings: the shifted one and one that held still").isGreaterThanOrEqualTo(2);
		Set<String> recorded = new HashSet<>(this.jdbc.queryForList("SELECT unnest(dedup_member_ids(listed_group::jsonb)) "
				+ "FROM dedup_audit WHERE org_id = ?", String.class, orgId));
		for (List<SimContact> members : groups) {
			boolean byHand = members.stream().anyMatch((member) -> mergedByHand.contains(member.id()));
			boolean lookedAt = members.stream().allMatch((member) -> recorded.contains(member.id()));
			assertThat(byHand || lookedAt).as("group %s looked at", members.get(0).id()).isTrue();
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) - count(DISTINCT group_key) FROM dedup_audit "
				+ "WHERE org_id = ?", Long.class, orgId)).as("groups recorded twice").isZero();
	}

}
