package io.inventdedup.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies a {@link MergePolicy} to a {@link DuplicateGroup}. Pure and deterministic: the same
 * group and policy always give the same plan, whatever the order of the duplicates.
 */
public final class MergePlanner {

	private final MergePolicy policy;

	public MergePlanner(MergePolicy policy) {
		this.policy = policy;
	}

	public MergePolicy policy() {
		return this.policy;
	}

	public MergePlan plan(DuplicateGroup group) {
		List<Contact> members = group.members();
		if (members.size() > this.policy.maxGroupSize()) {
			return new MergePlan.Skip(SkipReason.TOO_LARGE,
					members.size() + " members, more than maxGroupSize " + this.policy.maxGroupSize(), List.of());
		}
		List<Exclusion> excluded = new ArrayList<>();
		List<Contact> eligible = new ArrayList<>();
		for (Contact member : members) {
			ExclusionReason reason = this.policy.exclusionOf(member);
			if (reason != null) {
				excluded.add(new Exclusion(member.id(), reason));
			}
			else {
				eligible.add(member);
			}
		}
		excluded.sort(Comparator.comparing(Exclusion::contactId));
		if (eligible.size() < 2) {
			return new MergePlan.Skip(SkipReason.FEWER_THAN_TWO_ELIGIBLE,
					eligible.size() + " of " + members.size() + " members eligible", excluded);
		}
		eligible.sort(this.policy.survivor().preference(group.primary().id()));
		List<String> sources = eligible.subList(1, eligible.size()).stream().map(Contact::id).toList();
		return new MergePlan.Merge(eligible.get(0).id(), sources, excluded);
	}

}
