package io.inventdedup.policy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static io.inventdedup.policy.TestContacts.contact;
import static io.inventdedup.policy.TestContacts.group;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per kind of change between a reviewed plan and the plan recomputed now. */
class PlanReviewTests {

	private static final MergePlanner PLANNER = new MergePlanner(MergePolicy.defaults());

	private static final DuplicateGroup REVIEWED = group(contact("a").createdAt("2020-01-01"),
			contact("b").createdAt("2021-01-01"), contact("c").createdAt("2022-01-01").named(null));

	@Test
	void findsNothingWhenTheGroupAndItsPlanAreAsReviewed() {
		DuplicateGroup now = group(contact("c").createdAt("2022-01-01").named(null), contact("a").createdAt("2020-01-01"),
				contact("b").createdAt("2021-01-01"));
		assertThat(changes(now, Set.of())).isEmpty();
	}

	@Test
	void saysWhoBecameAnAdminAndHowThePlanChanged() {
		DuplicateGroup now = group(contact("a").createdAt("2020-01-01").admin(), contact("b").createdAt("2021-01-01"),
				contact("c").createdAt("2022-01-01").named(null));
		assertThat(changes(now, Set.of())).contains(
				"a became an admin; the survivor would be b, not a; the exclusions would be a (admin), not none");
	}

	@Test
	void saysWhoIsNewInTheGroup() {
		DuplicateGroup now = group(contact("a").createdAt("2020-01-01"), contact("b").createdAt("2021-01-01"),
				contact("c").createdAt("2022-01-01").named(null), contact("d").createdAt("2023-01-01"));
		assertThat(changes(now, Set.of())).contains("d is new in the group; the sources would be [b, c, d], not [b, c]");
	}

	@Test
	void saysWhoLeftTheGroup() {
		DuplicateGroup now = group(contact("a").createdAt("2020-01-01"), contact("b").createdAt("2021-01-01"));
		assertThat(changes(now, Set.of())).contains("c is no longer in the group; the sources would be [b], not [b, c]");
	}

	@Test
	void saysWhenASourceUnsubscribedAndTheFollowUpChanged() {
		DuplicateGroup now = group(contact("a").createdAt("2020-01-01"), contact("b").createdAt("2021-01-01").unsubscribed(),
				contact("c").createdAt("2022-01-01").named(null));
		assertThat(changes(now, Set.of())).contains(
				"b unsubscribed; the follow-up update would be {unsubscribed=true}, not {}");
	}

	@Test
	void saysWhoIsHeldNow() {
		assertThat(changes(REVIEWED, Set.of("c"))).contains(
				"the sources would be [b], not [b, c]; the exclusions would be c (held), not none");
	}

	@Test
	void saysWhenTheGroupWouldNowBeSkippedAndWhoIsLeftOut() {
		assertThat(changes(REVIEWED, Set.of("a", "b"))).contains(
				"the group would now be skipped (fewer-than-two-eligible: 1 of 3 members eligible); "
						+ "the exclusions would be a (held), b (held), not none");
	}

	private static Optional<String> changes(DuplicateGroup now, Set<String> held) {
		MergePlan.Merge reviewed = (MergePlan.Merge) PLANNER.plan(REVIEWED);
		assertThat(reviewed.withDetail(null)).isEqualTo(new MergePlan.Merge("a", List.of("b", "c"), List.of()));
		return PlanReview.changes(REVIEWED, reviewed, now, PLANNER.plan(now, held));
	}

}
