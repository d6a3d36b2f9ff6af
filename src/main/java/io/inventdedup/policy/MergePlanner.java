package io.inventdedup.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Applies a {@link MergePolicy} to a {@link DuplicateGroup}. Pure and deterministic: the same
 * group and policy always give the same plan, whatever the order of the duplicates. The order of
 * the rules: the size cap; the exclusions (held, admin, blocked, unsubscribed); at least two
 * eligible; the name check of the eligible ({@link NameCheck}: all one person, an agreeing core
 * merged alone, all different people and the group left alone, or a doubt and a person decides);
 * the survivor rule; the follow-up.
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
		return plan(group, held, Set.of());
	}

	/**
	 * The plan of a group some of whose contacts are held, or were kept out of a merge earlier in the
	 * run ({@code excluded-earlier}): both are excluded before any rule of the policy.
	 */
	public MergePlan plan(DuplicateGroup group, Set<String> held, Set<String> excludedEarlier) {
		List<Contact> members = group.members();
		if (members.size() > this.policy.maxGroupSize()) {
			return new MergePlan.Skip(SkipReason.TOO_LARGE,
					members.size() + " members, more than maxGroupSize " + this.policy.maxGroupSize(), List.of());
		}
		List<Exclusion> excluded = new ArrayList<>();
		List<Contact> eligible = new ArrayList<>();
		for (Contact member : members) {
			ExclusionReason reason = held.contains(member.id()) ? ExclusionReason.HELD
					: excludedEarlier.contains(member.id()) ? ExclusionReason.EXCLUDED_EARLIER
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
		if (!this.policy.checkNames()) {
			return merge(group, eligible, excluded, null);
		}
		List<Contact> others = members.stream().filter((member) -> !eligible.contains(member)).toList();
		NameCheck.Verdict names = NameCheck.of(eligible, others);
		if (names instanceof NameCheck.Verdict.Agree agree) {
			return merge(group, eligible, excluded, agree.detail());
		}
		if (names instanceof NameCheck.Verdict.Core core) {
			List<Exclusion> all = new ArrayList<>(excluded);
			all.addAll(core.leftOut());
			all.sort(Comparator.comparing(Exclusion::contactId));
			List<Contact> agreeing = eligible.stream().filter((member) -> core.core().contains(member.id())).toList();
			return merge(group, new ArrayList<>(agreeing), all, core.detail());
		}
		if (names instanceof NameCheck.Verdict.Differ differ) {
			return new MergePlan.Review(merge(group, eligible, excluded, null), SkipReason.NAMES_DIFFER,
					differ.detail());
		}
		return new MergePlan.Review(merge(group, eligible, excluded, null), SkipReason.NAMES_DISAGREE,
				((NameCheck.Verdict.NoCore) names).detail());
	}

	/** The merge of {@code eligible} (at least two) into the survivor its rule prefers. */
	private MergePlan.Merge merge(DuplicateGroup group, List<Contact> eligible, List<Exclusion> excluded,
			@Nullable String detail) {
		eligible.sort(this.policy.survivor().preference(group.primary().id()));
		Contact survivor = eligible.get(0);
		List<Contact> sources = eligible.subList(1, eligible.size());
		return new MergePlan.Merge(survivor.id(), sources.stream().map(Contact::id).toList(), excluded,
				followUp(survivor, sources), detail);
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
