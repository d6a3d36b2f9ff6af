package io.inventdedup.policy;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a run does with a group that waits for a person ({@link MergePlan.Review}) once a person
 * decided on it, in this run or an earlier one:
 * <ul>
 * <li>approved, and its plan recomputed now (the name check aside) is exactly the approved one
 * ({@link PlanReview}): merged as approved;</li>
 * <li>approved, but the plan changed since: it waits for a person again, reason
 * {@code changed-since-review}, with what changed;</li>
 * <li>rejected, and its members are the same: left alone, reason {@code rejected-in-review}, instead of
 * being queued every night;</li>
 * <li>rejected, and its members changed: it waits for a person again, as any doubtful group.</li>
 * </ul>
 */
public final class QueuedReview {

	private QueuedReview() {
	}

	/**
	 * @param decidedGroup the group as it was listed when the person decided
	 * @param decided the merge the person decided on
	 * @param approved true when approved, false when rejected
	 * @param decision who decided what, when and why, in words
	 * @param current the group as it is listed now
	 * @param now the plan now
	 */
	public static MergePlan decide(DuplicateGroup decidedGroup, MergePlan.Merge decided, boolean approved,
			String decision, DuplicateGroup current, MergePlan.Review now) {
		if (!approved) {
			return memberIds(decidedGroup).equals(memberIds(current))
					? new MergePlan.Skip(SkipReason.REJECTED_IN_REVIEW, decision, now.excluded()) : now;
		}
		Optional<String> changes = PlanReview.changes(decidedGroup, decided, current, now.proposed());
		return changes.<MergePlan>map((changed) -> new MergePlan.Review(now.proposed(), SkipReason.CHANGED_SINCE_REVIEW,
				decision + "; since then: " + changed + ". " + now.detail()))
			.orElseGet(() -> now.proposed().withDetail(decision));
	}

	private static Set<String> memberIds(DuplicateGroup group) {
		Set<String> ids = new TreeSet<>();
		group.members().forEach((member) -> ids.add(member.id()));
		return ids;
	}

}
