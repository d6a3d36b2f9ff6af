package io.inventdedup.merge;

import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;

import io.inventdedup.collect.StagedGroup;
import io.inventdedup.decision.DecisionRepository;
import io.inventdedup.invent.GroupDecoder;
import io.inventdedup.invent.InvalidGroupException;
import io.inventdedup.policy.DuplicateGroup;
import io.inventdedup.policy.MergePlan;
import io.inventdedup.policy.MergePlanner;
import io.inventdedup.policy.SkipReason;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Decodes a staged group and applies the merge policy to it, in this order: the group decoded (a
 * group the job cannot trust becomes a skip, {@code invalid-group}, that says what is wrong: the
 * run goes on); the org's holds, read again at most a second ago, so that a hold added during a
 * long run applies to the groups not planned yet without a query per group; the plan; for a group
 * the policy leaves to a person, what a person decided on it ({@link ReviewQueue}); the review gate
 * of an apply run ({@link ReviewGate}).
 */
class MergePlanProcessor implements ItemProcessor<StagedGroup, PlannedGroup> {

	private final MergePlanner planner;

	private final ReadEverySecond<Set<String>> held;

	private final ReviewQueue queue;

	private final ReviewGate gate;

	MergePlanProcessor(MergePlanner planner, DecisionRepository decisions, String orgId,
			ReviewQueue queue, ReviewGate gate) {
		this.planner = planner;
		this.held = new ReadEverySecond<>(() -> decisions.heldContacts(orgId));
		this.queue = queue;
		this.gate = gate;
	}

	@Override
	public PlannedGroup process(StagedGroup group) {
		try {
			DuplicateGroup decoded = GroupDecoder.decode(group.listedGroup());
			Set<String> held = this.held.get();
			return this.gate.check(decoded, this.queue.resolve(group, decoded, this.planner.plan(decoded, held), held));
		}
		catch (InvalidGroupException | JacksonException ex) {
			return new PlannedGroup(group, new MergePlan.Skip(SkipReason.INVALID_GROUP, ex.getMessage(), List.of()));
		}
	}

}
