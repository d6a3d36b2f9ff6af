package io.inventdedup.merge;

import java.util.List;

import io.inventdedup.collect.StagedGroup;
import io.inventdedup.policy.MergePlan;

/**
 * A staged group and what the policy decided for it.
 *
 * @param group the group as staged by the collect step
 * @param plan the policy's decision
 * @param decided the decisions of people that a merge carries out (an approval, a planned group no one
 * rejected), each read again before the merge is sent; empty when it carries out none
 */
record PlannedGroup(StagedGroup group, MergePlan plan, List<Decided> decided) {

	PlannedGroup {
		decided = List.copyOf(decided);
	}

	PlannedGroup(StagedGroup group, MergePlan plan) {
		this(group, plan, List.of());
	}

	/**
	 * A person's decision that a merge carries out, read again under a lock before the merge's
	 * PENDING row is recorded ({@link StandingDecisions}).
	 *
	 * @param run the run whose group was decided on
	 * @param groupKey that group's key in that run
	 * @param approval true when the merge needs the group's approval to stand, false when it needs
	 * the planned group to stay unrejected (the apply of a reviewed plan)
	 * @param otherwise the plan when the decision no longer stands
	 */
	record Decided(long run, String groupKey, boolean approval, MergePlan otherwise) {
	}

}
