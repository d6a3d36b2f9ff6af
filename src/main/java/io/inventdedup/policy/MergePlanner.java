package io.inventdedup.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Applies a {@link MergePolicy} to a {@link DuplicateGroup}. Pure and deterministic: the same
 * group and policy always give the same plan, whatever the order of the duplicates.
 */
public final class MergePlanner {

	private final MergePolicy policy;

	public MergePlanner(MergePolicy policy) {
		this.policy = policy;
	}

	public MergePlan plan(DuplicateGroup group) {
		return plan(group, Set.of());
	}

	/**
	 * The plan of a group some of whose contacts may be held by an operator: a held contact is
	 * excluded (reason {@code held}, before any other), never a survivor, never a source.
	 */
	public MergePlan plan(DuplicateGroup group, Set<String> held) {
		List<Contact> members = group.members();
		if (members.size() > this.policy.maxGroupSize()) {
			return new MergePlan.Skip(SkipReason.TOO_LARGE,
					members.size() + " members, more than maxGroupSize " + this.policy.maxGroupSize(), List.of());
		}
		List<Exclusion> excluded = new ArrayList<>();
		List<Contact> eligible = new ArrayList<>();
		for (Contact member : members) {
			ExclusionReason reason = held.contains(member.id()) ? ExclusionReason.HELD
					: this.policy.exclusionOf(member);
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
		Contact survivor = eligible.get(0);
		List<Contact> sources = eligible.subList(1, eligible.size());
		return new MergePlan.Merge(survivor.id(), sources.stream().map(Contact::id).toList(), excluded,
				followUp(survivor, sources));
	}

	/** What the survivor must carry from its sources under this policy. */
	private FollowUp followUp(Contact survivor, List<Contact> sources) {
		boolean unsubscribe = this.policy.carryOptOut() && !survivor.unsubscribed()
				&& sources.stream().anyMatch(Contact::unsubscribed);
		boolean block = this.policy.carryOptOut() && !survivor.blocked() && sources.stream().anyMatch(Contact::blocked);
		String name = null;
		if (this.policy.fillName() && FollowUp.isBlank(survivor.name())) {
			name = sources.stream()
				.map(Contact::name)
				.filter((candidate) -> !FollowUp.isBlank(candidate))
				.findFirst()
				.orElse(null);
		}
		return new FollowUp(unsubscribe, block, name);
	}

}
