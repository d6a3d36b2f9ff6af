package io.inventdedup.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.inventdedup.policy.TestContacts.TestContact;

import static io.inventdedup.policy.TestContacts.contact;
import static io.inventdedup.policy.TestContacts.group;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of the merge policy, as docs/policy.md states them. */
class MergePlannerTests {

	@Test
	void keepsTheOldestEligibleContactAsSurvivorByDefault() {
		DuplicateGroup group = group(contact("b").createdAt("2023-05-01"), contact("a").createdAt("2022-01-01"),
				contact("c").createdAt("2024-01-01"));
		assertThat(plan(group, MergePolicy.defaults())).isEqualTo(merge("a", List.of("b", "c")));
	}

	@Test
	void keepsTheNewestWhenAsked() {
		DuplicateGroup group = group(contact("b").createdAt("2023-05-01"), contact("a").createdAt("2022-01-01"),
				contact("c").createdAt("2024-01-01"));
		assertThat(plan(group, policy(SurvivorRule.NEWEST))).isEqualTo(merge("c", List.of("b", "a")));
	}

	@Test
	void keepsTheRecommendedPrimaryWhenEligible() {
		DuplicateGroup group = group(contact("p").createdAt("2024-01-01"), contact("a").createdAt("2022-01-01"));
		assertThat(plan(group, policy(SurvivorRule.RECOMMENDED))).isEqualTo(merge("p", List.of("a")));
	}

	@Test
	void fallsBackToTheOldestWhenTheRecommendedPrimaryIsExcluded() {
		DuplicateGroup group = group(contact("p").createdAt("2020-01-01").admin(),
				contact("b").createdAt("2023-01-01"), contact("a").createdAt("2022-01-01"));
		MergePlan plan = plan(group, policy(SurvivorRule.RECOMMENDED));
		assertThat(plan).isEqualTo(new MergePlan.Merge("a", List.of("b"),
				List.of(new Exclusion("p", ExclusionReason.ADMIN))));
	}

	@Test
	void keepsTheContactWithMostChannelsAndBreaksTiesByAge() {
		DuplicateGroup group = group(contact("a").createdAt("2020-01-01").channels(1),
				contact("b").createdAt("2023-01-01").channels(3), contact("c").createdAt("2022-01-01").channels(3));
		assertThat(plan(group, policy(SurvivorRule.MOST_CHANNELS))).isEqualTo(merge("c", List.of("b", "a")));
	}

	@Test
	void breaksRemainingTiesByTheSmallestId() {
		DuplicateGroup group = group(contact("z").createdAt("2022-01-01"), contact("m").createdAt("2022-01-01"),
				contact("x").createdAt("2022-01-01"));
		assertThat(plan(group, MergePolicy.defaults())).isEqualTo(merge("m", List.of("x", "z")));
		assertThat(plan(group, policy(SurvivorRule.NEWEST))).isEqualTo(merge("m", List.of("x", "z")));
	}

	@Test
	void leavesAdminsAndBlockedContactsOutByDefaultButNotUnsubscribedOnes() {
		DuplicateGroup group = group(contact("a").createdAt("2020-01-01").admin(),
				contact("b").createdAt("2021-01-01").blocked(), contact("c").createdAt("2022-01-01").unsubscribed(),
				contact("d").createdAt("2023-01-01"));
		assertThat(plan(group, MergePolicy.defaults())).isEqualTo(new MergePlan.Merge("c", List.of("d"),
				List.of(new Exclusion("a", ExclusionReason.ADMIN), new Exclusion("b", ExclusionReason.BLOCKED))));
	}

	@Test
	void leavesUnsubscribedContactsOutWhenAsked() {
		DuplicateGroup group = group(contact("a").createdAt("2020-01-01").unsubscribed(),
				contact("b").createdAt("2021-01-01"), contact("c").createdAt("2022-01-01"));
		MergePolicy policy = new MergePolicy(SurvivorRule.OLDEST, true, true, true, 20);
		assertThat(plan(group, policy)).isEqualTo(
				new MergePlan.Merge("b", List.of("c"), List.of(new Exclusion("a", ExclusionReason.UNSUBSCRIBED))));
	}

	@Test
	void mergesAdminsAndBlockedContactsWhenTheirSkipsAreOff() {
		DuplicateGroup group = group(contact("a").createdAt("2020-01-01").admin(),
				contact("b").createdAt("2021-01-01").blocked());
		MergePolicy policy = new MergePolicy(SurvivorRule.OLDEST, false, false, false, 20);
		assertThat(plan(group, policy))
			.isEqualTo(new MergePlan.Merge("a", List.of("b"), List.of(), new FollowUp(false, true, null)));
	}

	@Test
	void skipsAGroupWithFewerThanTwoEligibleContacts() {
		DuplicateGroup group = group(contact("a").createdAt("2020-01-01").admin(),
				contact("b").createdAt("2021-01-01"));
		MergePlan plan = plan(group, MergePolicy.defaults());
		assertThat(plan).isInstanceOf(MergePlan.Skip.class);
		MergePlan.Skip skip = (MergePlan.Skip) plan;
		assertThat(skip.reason()).isEqualTo(SkipReason.FEWER_THAN_TWO_ELIGIBLE);
		assertThat(skip.excluded()).containsExactly(new Exclusion("a", ExclusionReason.ADMIN));
	}

	@Test
	void skipsAGroupLargerThanMaxGroupSizeWhole() {
		List<TestContact> members = IntStream.range(0, 21)
			.mapToObj((i) -> contact("c" + i).createdAt("2022-01-01"))
			.toList();
		DuplicateGroup group = groupOf(members);
		MergePlan plan = plan(group, MergePolicy.defaults());
		assertThat(plan).isInstanceOf(MergePlan.Skip.class);
		assertThat(((MergePlan.Skip) plan).reason()).isEqualTo(SkipReason.TOO_LARGE);
		assertThat(plan(groupOf(members.subList(0, 20)), MergePolicy.defaults()))
			.isInstanceOf(MergePlan.Merge.class);
	}

	@Test
	void countsAContactListedTwiceOnce() {
		DuplicateGroup group = new DuplicateGroup(contact("a").createdAt("2020-01-01").build(),
				List.of(contact("b").createdAt("2021-01-01").build(), contact("b").createdAt("2021-01-01").build(),
						contact("a").createdAt("2020-01-01").build()));
		assertThat(plan(group, MergePolicy.defaults())).isEqualTo(merge("a", List.of("b")));
	}

	@Test
	void treatsAContactListedTwiceWithDifferentFlagsByItsMostCautiousReading() {
		DuplicateGroup group = new DuplicateGroup(contact("a").createdAt("2020-01-01").build(),
				List.of(contact("b").createdAt("2021-01-01").build(),
						contact("a").createdAt("2020-01-01").admin().build(), contact("c").createdAt("2022-01-01").build()));
		assertThat(plan(group, MergePolicy.defaults())).isEqualTo(
				new MergePlan.Merge("b", List.of("c"), List.of(new Exclusion("a", ExclusionReason.ADMIN))));
	}

	@Test
	void cutsTheSourcesIntoCallsOfAtMostFifty() {
		List<TestContact> members = new ArrayList<>();
		for (int i = 0; i < 121; i++) {
			members.add(contact(String.format("c%03d", i)).createdAt("2022-01-01"));
		}
		MergePlan plan = plan(groupOf(members),
				new MergePolicy(SurvivorRule.OLDEST, true, true, false, 200));
		MergePlan.Merge merge = (MergePlan.Merge) plan;
		assertThat(merge.survivorId()).isEqualTo("c000");
		assertThat(merge.calls()).extracting(List::size).containsExactly(50, 50, 20);
		assertThat(merge.calls().stream().flatMap(List::stream).toList()).isEqualTo(merge.sources());
	}

	@Test
	void carriesAnUnsubscribedSourceToTheSurvivor() {
		DuplicateGroup group = group(contact("a").createdAt("2020-01-01"),
				contact("b").createdAt("2021-01-01").unsubscribed(), contact("c").createdAt("2022-01-01"));
		assertThat(((MergePlan.Merge) plan(group, MergePolicy.defaults())).followUp())
			.isEqualTo(new FollowUp(true, false, null));
	}

	@Test
	void carriesNoOptOutWhenCarryOptOutIsOff() {
		DuplicateGroup group = group(contact("a").createdAt("2020-01-01"),
				contact("b").createdAt("2021-01-01").unsubscribed());
		MergePolicy policy = new MergePolicy(SurvivorRule.OLDEST, true, true, false, 20, false, true, true);
		assertThat(((MergePlan.Merge) plan(group, policy)).followUp()).isEqualTo(FollowUp.NONE);
	}

	@Test
	void givesANamelessSurvivorTheNameOfTheFirstNamedSourceInTheSurvivorRulesOrder() {
		DuplicateGroup group = group(contact("a").createdAt("2020-01-01").named(" "),
				contact("c").createdAt("2023-01-01").named("DORA SMITH"), contact("b").createdAt("2021-01-01").named(null),
				contact("d").createdAt("2022-01-01").named("Dora Smith"));
		assertThat(((MergePlan.Merge) plan(group, MergePolicy.defaults())).followUp())
			.isEqualTo(new FollowUp(false, false, "Dora Smith"));
		MergePolicy noNames = new MergePolicy(SurvivorRule.OLDEST, true, true, false, 20, true, false, true);
		assertThat(((MergePlan.Merge) plan(group, noNames)).followUp()).isEqualTo(FollowUp.NONE);
	}

	@Test
	void sendsOnlyTheFieldsThatTheMergedSurvivorLacks() {
		FollowUp followUp = new FollowUp(true, true, "Dora");
		assertThat(followUp.updateFor(new FollowUp.SurvivorState(null, false, false)))
			.isEqualTo(new FollowUp.Update(true, true, "Dora"));
		assertThat(followUp.updateFor(new FollowUp.SurvivorState("Ann", true, false)))
			.isEqualTo(new FollowUp.Update(true, null, null));
		assertThat(followUp.updateFor(new FollowUp.SurvivorState("Ann", true, true)).isEmpty()).isTrue();
	}

	@Test
	void excludesAHeldContactBeforeAnyOtherReasonAndNeverMakesItTheSurvivor() {
		DuplicateGroup group = group(contact("a").createdAt("2020-01-01").admin(), contact("b").createdAt("2021-01-01"),
				contact("c").createdAt("2022-01-01"), contact("d").createdAt("2023-01-01"));
		MergePlan plan = withoutEvidence(new MergePlanner(MergePolicy.defaults()).plan(group, Set.of("a", "b")));
		assertThat(plan).isEqualTo(new MergePlan.Merge("c", List.of("d"),
				List.of(new Exclusion("a", ExclusionReason.HELD), new Exclusion("b", ExclusionReason.HELD))));
	}

	@Test
	void skipsAGroupWhoseHoldsLeaveFewerThanTwoEligible() {
		DuplicateGroup group = group(contact("a"), contact("b"));
		MergePlan plan = new MergePlanner(MergePolicy.defaults()).plan(group, Set.of("b"));
		assertThat(plan).isEqualTo(new MergePlan.Skip(SkipReason.FEWER_THAN_TWO_ELIGIBLE, "1 of 2 members eligible",
				List.of(new Exclusion("b", ExclusionReason.HELD))));
	}

	/** The plan without the name check's evidence (these tests are of the survivor and exclusion rules). */
	private static MergePlan plan(DuplicateGroup group, MergePolicy policy) {
		return withoutEvidence(new MergePlanner(policy).plan(group));
	}

	private static MergePlan withoutEvidence(MergePlan plan) {
		return (plan instanceof MergePlan.Merge merge) ? merge.withDetail(null) : plan;
	}

	private static MergePolicy policy(SurvivorRule rule) {
		return new MergePolicy(rule, true, true, false, 20);
	}

	private static MergePlan.Merge merge(String survivor, List<String> sources) {
		return new MergePlan.Merge(survivor, sources, List.of());
	}

	private static DuplicateGroup groupOf(List<TestContact> members) {
		return group(members.get(0), members.subList(1, members.size()).toArray(TestContact[]::new));
	}

}
