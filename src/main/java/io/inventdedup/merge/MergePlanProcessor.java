package io.inventdedup.merge;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import io.inventdedup.audit.AuditRepository;
import io.inventdedup.collect.StagedGroup;
import io.inventdedup.decision.DecisionRepository;
import io.inventdedup.invent.GroupDecoder;
import io.inventdedup.invent.InvalidGroupException;
import io.inventdedup.policy.Contact;
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
 * of an apply run ({@link ReviewGate}). The run decides on each contact once: a group all of whose
 * members one merge of the run held (what the merge left listed: its survivor and those it kept
 * out) is filtered out, unless it has a row of its own (a merge sent before a crash), and in a group
 * with new members, a member an earlier merge of the run took as a source or kept out stays out
 * ({@code excluded-earlier}).
 */
class MergePlanProcessor implements ItemProcessor<StagedGroup, PlannedGroup> {

	private final MergePlanner planner;

	private final ReadEverySecond<Set<String>> held;

	private final ReviewQueue queue;

	private final ReviewGate gate;

	/** What the run's earlier merges did to a group's members (by the group's key). */
	private final BiFunction<String, List<String>, AuditRepository.EarlierMerges> earlierMerges;

	MergePlanProcessor(MergePlanner planner, DecisionRepository decisions, String orgId, ReviewQueue queue,
			ReviewGate gate, BiFunction<String, List<String>, AuditRepository.EarlierMerges> earlierMerges) {
		this.planner = planner;
		this.earlierMerges = earlierMerges;
		this.held = new ReadEverySecond<>(() -> decisions.heldContacts(orgId));
		this.queue = queue;
		this.gate = gate;
	}

	/** The group's plan; null (the step filters it) for what a merge of this run left listed. */
	@Override
	public @Nullable PlannedGroup process(StagedGroup group) {
		try {
			DuplicateGroup decoded = GroupDecoder.decode(group.listedGroup());
			Set<String> held = this.held.get();
			List<String> members = decoded.members().stream().map(Contact::id).toList();
			AuditRepository.EarlierMerges merges = this.earlierMerges.apply(group.groupKey(), members);
			if (merges.leftByAMerge()) {
				// What a merge of this run left listed (its survivor and those it kept out): decided on already.
				return null;
			}
			Set<String> earlier = merges.keptOut();
			Set<String> keptOut = earlier.isEmpty() ? held : union(held, earlier);
			return this.gate.check(decoded,
					this.queue.resolve(group, decoded, this.planner.plan(decoded, held, earlier), keptOut));
		}
		catch (InvalidGroupException | JacksonException ex) {
			return new PlannedGroup(group, new MergePlan.Skip(SkipReason.INVALID_GROUP, ex.getMessage(), List.of()));
		}
	}

	private static Set<String> union(Set<String> one, Set<String> other) {
		Set<String> both = new HashSet<>(one);
		both.addAll(other);
		return both;
	}

}
