package io.inventdedup.policy;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.inventdedup.policy.TestContacts.contact;
import static io.inventdedup.policy.TestContacts.group;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name check in the plan ({@link MergePlanner} with {@link NameCheck}): the groups that join
 * different people through one channel, one case a test.
 */
class NameCheckPlannerTests {

	private static final MergePlanner PLANNER = new MergePlanner(MergePolicy.defaults());

	@Test
	void skipsAFamilysPhoneWhoseMembersHaveDifferentFirstNames() {
		MergePlan plan = PLANNER.plan(group(contact("a").createdAt("2020-01-01").named("Maria Green"),
				contact("b").createdAt("2021-01-01").named("Mitchell Green"),
				contact("c").createdAt("2022-01-01").named("Mario Green")));
		assertThat(plan).isInstanceOf(MergePlan.Review.class);
		MergePlan.Review review = (MergePlan.Review) plan;
		assertThat(review.reason()).as("names that rule each other out: skipped, not queued")
			.isEqualTo(SkipReason.NAMES_DIFFER);
		assertThat(review.proposed().survivorId()).as("the merge a person may approve, by the survivor rule").isEqualTo("a");
		assertThat(review.proposed().sources()).containsExactly("b", "c");
		assertThat(review.detail()).contains("a \"Maria Green\"", "b \"Mitchell Green\"", "c \"Mario Green\"",
				"Green = Green, but Maria ≠ Mitchell", "Maria ≠ Mario: a man's and a woman's form of one name");
	}

	@Test
	void queuesAFamilysPhoneWhoseNamesLeaveADoubt() {
		MergePlan plan = PLANNER.plan(group(contact("a").createdAt("2020-01-01").named("Marion Hart"),
				contact("b").createdAt("2021-01-01").named("Marian Hart")));
		assertThat(plan).isInstanceOf(MergePlan.Review.class);
		assertThat(((MergePlan.Review) plan).reason()).isEqualTo(SkipReason.NAMES_DISAGREE);
	}

	@Test
	void mergesTheMembersThatEveryLargestCoreHolds() {
		MergePlan plan = PLANNER.plan(group(contact("a").createdAt("2020-01-01").named("Jon Kim"),
				contact("b").createdAt("2021-01-01").named("Jonathan Kim"),
				contact("c").createdAt("2022-01-01").named("Jonathon Kim"),
				contact("d").createdAt("2023-01-01").named("jon kim")));
		assertThat(plan).isEqualTo(new MergePlan.Merge("a", List.of("d"),
				List.of(new Exclusion("b", ExclusionReason.NAME_DIFFERS), new Exclusion("c", ExclusionReason.NAME_DIFFERS)),
				FollowUp.NONE, ((MergePlan.Merge) plan).detail()));
	}

	@Test
	void mergesTheOnePersonOfASharedInboxOfThreeAndLeavesTheOthersOut() {
		MergePlan plan = PLANNER.plan(group(contact("a").createdAt("2020-01-01").named("Anna Smith"),
				contact("b").createdAt("2021-01-01").named("Peter Jones"),
				contact("c").createdAt("2022-01-01").named("SMITH, ANNA"),
				contact("d").createdAt("2023-01-01").named("Wei Chen"), contact("e").createdAt("2024-01-01").named(null)));
		assertThat(plan).isEqualTo(new MergePlan.Merge("a", List.of("c"),
				List.of(new Exclusion("b", ExclusionReason.NAME_DIFFERS), new Exclusion("d", ExclusionReason.NAME_DIFFERS),
						new Exclusion("e", ExclusionReason.NAME_UNKNOWN)),
				FollowUp.NONE, ((MergePlan.Merge) plan).detail()));
		assertThat(((MergePlan.Merge) plan).detail())
			.startsWith("names disagree: merged only the members whose names are one person's");
	}

	@Test
	void leavesAStrangerOutOfAGroupOfFive() {
		MergePlan plan = PLANNER.plan(group(contact("a").createdAt("2020-01-01").named("Jonathan Kim"),
				contact("b").createdAt("2021-01-01").named("Jonahtan Kim"), contact("c").createdAt("2022-01-01").named("Kim, Jonathan"),
				contact("d").createdAt("2023-01-01").named("jonathan kim"), contact("s").createdAt("2019-01-01").named("Omar Haddad")));
		assertThat(plan).isInstanceOf(MergePlan.Merge.class);
		MergePlan.Merge merge = (MergePlan.Merge) plan;
		assertThat(merge.survivorId()).as("the stranger, oldest, is never the survivor").isEqualTo("a");
		assertThat(merge.sources()).containsExactly("b", "c", "d");
		assertThat(merge.excluded()).containsExactly(new Exclusion("s", ExclusionReason.NAME_DIFFERS));
	}

	@Test
	void mergesNamelessMembersWhenTheNamedOnesAgreeAndLeavesThemOutWhenTheyDoNot() {
		MergePlan agree = PLANNER.plan(group(contact("a").createdAt("2020-01-01").named("Anna Smith"),
				contact("b").createdAt("2021-01-01").named(null), contact("c").createdAt("2022-01-01").named("Smith, Anna"),
				contact("d").createdAt("2023-01-01").named("anna smith")));
		assertThat(((MergePlan.Merge) agree).withDetail(null))
			.isEqualTo(new MergePlan.Merge("a", List.of("b", "c", "d"), List.of()));
		assertThat(((MergePlan.Merge) agree).detail()).as("a merged group says why its names are one person's")
			.isEqualTo("names agree: a \"Anna Smith\", c \"Smith, Anna\", d \"anna smith\": Anna = Anna, Smith = Smith");
		MergePlan doubt = PLANNER.plan(group(contact("a").createdAt("2020-01-01").named("Anna Smith"),
				contact("b").createdAt("2021-01-01").named(null), contact("c").createdAt("2022-01-01").named("A. Smith"),
				contact("d").createdAt("2023-01-01").named("anna smith")));
		assertThat(doubt).as("an initial leaves a doubt: its member and the nameless are left out")
			.isEqualTo(new MergePlan.Merge("a", List.of("d"),
					List.of(new Exclusion("b", ExclusionReason.NAME_UNKNOWN), new Exclusion("c", ExclusionReason.NAME_DIFFERS)),
					FollowUp.NONE, ((MergePlan.Merge) doubt).detail()));
		MergePlan oneName = PLANNER.plan(group(contact("a").createdAt("2020-01-01").named(null),
				contact("b").createdAt("2021-01-01").named("Anna Smith")));
		assertThat(oneName).as("fewer than two names: planned as before").isInstanceOf(MergePlan.Merge.class);
	}

	@Test
	void weighsANamelessMemberByWhatItsChannelsCallIt() {
		Contact stranger = contact("s").createdAt("2019-01-01").named(null).channelName("peter jones").build();
		Contact same = contact("t").createdAt("2024-01-01").named(" ").channelName("Anna Smith").build();
		MergePlan plan = PLANNER.plan(new DuplicateGroup(stranger, List.of(contact("a").createdAt("2020-01-01").named("Anna Smith").build(),
				contact("b").createdAt("2021-01-01").named("anna smith").build(), same)));
		assertThat(plan).isEqualTo(new MergePlan.Merge("a", List.of("b", "t"),
				List.of(new Exclusion("s", ExclusionReason.NAME_DIFFERS)), FollowUp.NONE, ((MergePlan.Merge) plan).detail()));
		assertThat(((MergePlan.Merge) plan).detail()).contains("s (no name; its channel: \"peter jones\")");
	}

	@Test
	void queuesATieOfTwoAgreeingCores() {
		MergePlan plan = PLANNER.plan(group(contact("a").createdAt("2020-01-01").named("Anna Smith"),
				contact("b").createdAt("2021-01-01").named("Anna Smith"), contact("c").createdAt("2022-01-01").named("Peter Smith"),
				contact("d").createdAt("2023-01-01").named("peter smith")));
		assertThat(plan).isInstanceOf(MergePlan.Review.class);
		assertThat(((MergePlan.Review) plan).detail()).contains("two sets of agreeing names are as large");
	}

	@Test
	void queuesNamesThatAgreeOnlyThroughAnInitial() {
		assertThat(PLANNER.plan(group(contact("a").createdAt("2020-01-01").named("L. Green"),
				contact("b").createdAt("2021-01-01").named("Łukasz Green"))))
			.isInstanceOf(MergePlan.Review.class);
	}

	@Test
	void takesTheNameOfAnExcludedMemberAsEvidenceThatTheNamelessMayBeAnotherPersons() {
		MergePlan plan = PLANNER.plan(group(contact("a").createdAt("2020-01-01").named("Lucía Patel").blocked(),
				contact("b").createdAt("2021-01-01").named(null), contact("c").createdAt("2022-01-01").named("Hannah Patel")));
		assertThat(plan).isInstanceOf(MergePlan.Review.class);
	}

	@Test
	void mergesAsBeforeWhenTheNameCheckIsOff() {
		MergePlan plan = new MergePlanner(MergePolicy.defaults().withCheckNames(false)).plan(group(
				contact("a").createdAt("2020-01-01").named("Maria Green"),
				contact("b").createdAt("2021-01-01").named("Mitchell Green")));
		assertThat(plan).isEqualTo(new MergePlan.Merge("a", List.of("b"), List.of()));
	}

	@Test
	void planIsTheSameWhateverTheOrderOfTheMembers() {
		MergePlan one = PLANNER.plan(group(contact("a").createdAt("2020-01-01").named("Anna Smith"),
				contact("b").createdAt("2021-01-01").named("Peter Jones"), contact("c").createdAt("2022-01-01").named("anna smith")));
		MergePlan other = PLANNER.plan(group(contact("c").createdAt("2022-01-01").named("anna smith"),
				contact("b").createdAt("2021-01-01").named("Peter Jones"), contact("a").createdAt("2020-01-01").named("Anna Smith")));
		assertThat(one).isEqualTo(other);
	}

}
