package io.inventdedup.policy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default policy's name check on people of many locales: the multilingual org
 * ({@link MultilingualOrg}: 23 locales, one person's names written in their variants, native script
 * beside its romanised form, and different people sharing a phone or an inbox by their locale's
 * conventions) and the hand-written convention cases ({@link ConventionCases}). The figures are
 * printed by locale and by kind ({@link NameCheckScore}); each target has a test of its own, so
 * that a failing run shows which target is missed:
 * <ul>
 * <li>no merge joins two people, on the org or in the cases;</li>
 * <li>at least 95% of one person's records are merged unattended, and at least 80% of a native
 * name beside its romanised form;</li>
 * <li>at most a tenth of all groups wait for a person.</li>
 * </ul>
 */
class NameCheckOnMultilingualOrgTests {

	static final long SEED = 2026;

	private static NameCheckScore org;

	private static NameCheckScore cases;

	@BeforeAll
	static void measure() {
		MergePlanner planner = new MergePlanner(MergePolicy.defaults());
		org = NameCheckScore.of(MultilingualOrg.groups(SEED), planner);
		org.print("Name check on the multilingual org (seed " + SEED + ")", System.out);
		cases = NameCheckScore.of(ConventionCases.groups(), planner);
		cases.print("Name check on the hand-written convention cases", System.out);
	}

	@Test
	void plansNoMergeOfTwoPeopleOnTheMultilingualOrg() {
		assertThat(org.wrong()).as("planned merges that join two people on the multilingual org").isEmpty();
	}

	@Test
	void plansNoMergeOfTwoPeopleInTheHandWrittenCases() {
		assertThat(cases.wrong()).as("planned merges that join two people in the hand-written cases").isEmpty();
	}

	@Test
	void mergesNineteenTwentiethsOfOnePersonsRecordsUnattended() {
		assertThat(org.all().onePersonMergedShare()).as("share of one person's records merged unattended")
			.isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void mergesFourFifthsOfNativeNamesBesideTheirRomanisedForms() {
		assertThat(org.kind(MultilingualOrg.NATIVE).onePersonMergedShare())
			.as("share of the records of a native name beside its romanised form merged unattended")
			.isGreaterThanOrEqualTo(0.80);
	}

	@Test
	void queuesAtMostATenthOfTheGroups() {
		assertThat(org.all().queuedShare()).as("share of all groups queued for a person").isLessThanOrEqualTo(0.10);
	}

}
