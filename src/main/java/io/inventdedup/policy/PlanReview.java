package io.inventdedup.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the plan of a group, recomputed now, is the plan that was reviewed: same members, same
 * survivor, same sources in the same order, same exclusions, same follow-up. An apply run merges a
 * group only then; otherwise this says what changed, in an operator's words ({@code ct_9 became an
 * admin}, {@code ct_4 is new in the group}), for the audit's {@code detail}.
 */
public final class PlanReview {

	private PlanReview() {
	}

	/**
	 * What changed between the reviewed plan and the plan now, or empty when nothing did.
	 * @param reviewedGroup the group as it was listed when the plan was reviewed
	 * @param reviewed the plan that was reviewed
	 * @param currentGroup the group as it is listed now
	 * @param current the plan now, with the reviewed plan's policy
	 */
	public static Optional<String> changes(DuplicateGroup reviewedGroup, MergePlan.Merge reviewed,
			DuplicateGroup currentGroup, MergePlan current) {
		Map<String, Contact> before = byId(reviewedGroup);
		Map<String, Contact> now = byId(currentGroup);
		if (before.keySet().equals(now.keySet()) && current instanceof MergePlan.Merge merge && reviewed.sameAs(merge)) {
			return Optional.empty();
		}
		List<String> changes = new ArrayList<>();
		now.keySet().stream().filter((id) -> !before.containsKey(id)).forEach((id) -> changes.add(id + " is new in the group"));
		before.keySet()
			.stream()
			.filter((id) -> !now.containsKey(id))
			.forEach((id) -> changes.add(id + " is no longer in the group"));
		now.forEach((id, contact) -> {
			Contact was = before.get(id);
			if (was != null) {
				flag(changes, id, was.admin(), contact.admin(), "became an admin", "is no longer an admin");
				flag(changes, id, was.blocked(), contact.blocked(), "became blocked", "is no longer blocked");
				flag(changes, id, was.unsubscribed(), contact.unsubscribed(), "unsubscribed", "subscribed again");
			}
		});
		changes.addAll(current.fold((merge) -> changes(reviewed, merge), (review) -> List.of("the group now waits for a "
				+ "person (" + review.reason().code() + ": " + review.detail() + ")"), (skip) -> {
					List<String> skipped = new ArrayList<>();
					skipped.add("the group would now be skipped (" + skip.reason().code() + ": " + skip.detail() + ")");
					if (!skip.excluded().equals(reviewed.excluded())) {
						skipped.add("the exclusions would be " + describe(skip.excluded()) + ", not "
								+ describe(reviewed.excluded()));
					}
					return skipped;
				}));
		return Optional.of(String.join("; ", changes));
	}

	/** How a merge planned now differs from the one reviewed. */
	private static List<String> changes(MergePlan.Merge reviewed, MergePlan.Merge merge) {
		List<String> changes = new ArrayList<>();
		if (!merge.survivorId().equals(reviewed.survivorId())) {
			changes.add("the survivor would be " + merge.survivorId() + ", not " + reviewed.survivorId());
		}
		else if (!merge.sources().equals(reviewed.sources())) {
			changes.add("the sources would be " + merge.sources() + ", not " + reviewed.sources());
		}
		if (!merge.excluded().equals(reviewed.excluded())) {
			changes.add("the exclusions would be " + describe(merge.excluded()) + ", not "
					+ describe(reviewed.excluded()));
		}
		if (!merge.followUp().equals(reviewed.followUp())) {
			changes.add("the follow-up update would be " + merge.followUp().planned().body() + ", not "
					+ reviewed.followUp().planned().body());
		}
		return changes;
	}

	private static void flag(List<String> changes, String id, boolean was, boolean is, String became,
			String noLonger) {
		if (was != is) {
			changes.add(id + " " + (is ? became : noLonger));
		}
	}

	private static String describe(List<Exclusion> excluded) {
		return excluded.isEmpty() ? "none"
				: String.join(", ", excluded.stream().map((e) -> e.contactId() + " (" + e.reason().code() + ")").toList());
	}

	private static Map<String, Contact> byId(DuplicateGroup group) {
		Map<String, Contact> byId = new LinkedHashMap<>();
		group.members().forEach((member) -> byId.put(member.id(), member));
		return byId;
	}

}
