package io.inventdedup.policy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** One row per case of the cap of a run's merges: the plan, the cap, the merges so far, and what passes. */
class MergeCapTests {

	private static final MergePlan.Merge MERGE = new MergePlan.Merge("ct_old", List.of("ct_new"),
			List.of(new Exclusion("ct_admin", ExclusionReason.ADMIN)));

	@ParameterizedTest(name = "{0} with maxMerges {1} after {2} merges -> {3}")
	@CsvSource({
			// no cap: every merge passes
			"merge, 0, 0, merge", "merge, 0, 1000000, merge",
			// under the cap: the merge passes
			"merge, 1, 0, merge", "merge, 5, 4, merge",
			// at or past the cap (a resumed run may have counted more): skipped
			"merge, 1, 1, max-merges-reached", "merge, 5, 5, max-merges-reached", "merge, 5, 9, max-merges-reached",
			// a group a person decides, or skipped, merges nothing: it passes whatever the count
			"review, 1, 1, names-disagree", "skip, 1, 1, too-large" })
	void capsTheMergesOfARunAndNothingElse(String plan, long maxMerges, long mergesSoFar, String expected) {
		MergePlan given = switch (plan) {
			case "merge" -> MERGE;
			case "review" -> new MergePlan.Review(MERGE, SkipReason.NAMES_DISAGREE, "Ann ≠ Bob");
			default -> new MergePlan.Skip(SkipReason.TOO_LARGE, "too large", List.of());
		};

		MergePlan capped = MergeCap.apply(given, maxMerges, mergesSoFar);

		String outcome = capped.fold((merge) -> "merge", (review) -> review.reason().code(),
				(skip) -> skip.reason().code());
		assertThat(outcome)
			.isEqualTo(expected);
		if (!expected.equals("max-merges-reached")) {
			assertThat(capped).as("a plan that passes passes unchanged").isSameAs(given);
		}
	}

	@Test
	void aCappedMergeSaysWhatItWouldHaveMergedAndKeepsItsExclusions() {
		MergePlan capped = MergeCap.apply(MERGE, 3, 3);

		assertThat(capped).isEqualTo(new MergePlan.Skip(SkipReason.MAX_MERGES_REACHED,
				"this run already merged 3 groups (maxMerges); would merge [ct_new] into ct_old", MERGE.excluded()));
	}

	@Test
	void refusesANegativeCapOrCount() {
		assertThatIllegalArgumentException().isThrownBy(() -> MergeCap.apply(MERGE, -1, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> MergeCap.apply(MERGE, 1, -1));
	}

}
