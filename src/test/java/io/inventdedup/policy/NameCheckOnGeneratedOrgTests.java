package io.inventdedup.policy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimContact;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.RunAssertions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default policy on orgs that look like real ones (the simulator's generator: variants of one
 * person's name, groups of different people sharing a phone or an inbox), 20 seeds of 500 groups:
 * no planned merge joins two people, and at least 80% of the contacts that the policy without the
 * name check would merge, in groups of one person, are still merged unattended.
 */
class NameCheckOnGeneratedOrgTests {

	@Test
	void plansNoMergeOfTwoPeopleAndStillMergesFourFifthsOfOnePersonsContacts() {
		List<String> wrong = new ArrayList<>();
		long merged = 0;
		long mergeable = 0;
		for (int seed = 0; seed < 20; seed++) {
			List<List<SimContact>> groups = OrgGenerator.seeded(seed).populate(new SimOrg("names-" + seed), 500, 0);
			for (List<SimContact> members : groups) {
				MergePlan checked = RunAssertions.expectedPlan(groups, members, MergePolicy.defaults());
				if (checked instanceof MergePlan.Merge merge && RunAssertions.joinsPeople(members, merge)) {
					wrong.add(RunAssertions.describe(members) + " -> " + merge);
				}
				MergePlan unchecked = RunAssertions.expectedPlan(groups, members, MergePolicy.defaults().withCheckNames(false));
				if (unchecked instanceof MergePlan.Merge all
						&& members.stream().map(SimContact::person).distinct().count() == 1) {
					mergeable += all.sources().size() + 1;
					merged += (checked instanceof MergePlan.Merge merge) ? merge.sources().size() + 1 : 0;
				}
			}
		}
		System.out.printf("Name check on 10,000 generated groups: %d merges of different people; one person's "
				+ "contacts merged unattended %d of %d (%.1f%%)%n", wrong.size(), merged, mergeable,
				100.0 * merged / mergeable);
		assertThat(wrong).as("planned merges that join different people").isEmpty();
		assertThat((double) merged / mergeable).as("share of one person's contacts merged unattended")
			.isGreaterThanOrEqualTo(0.80);
	}

}
