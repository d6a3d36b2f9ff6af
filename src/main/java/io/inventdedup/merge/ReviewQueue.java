package io.inventdedup.merge;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.inventdedup.collect.StagedGroup;
import io.inventdedup.decision.DecisionRepository;
import io.inventdedup.decision.QueuedDecision;
import io.inventdedup.invent.GroupDecoder;
import io.inventdedup.policy.Contact;
import io.inventdedup.policy.DuplicateGroup;
import io.inventdedup.policy.MergePlan;
import io.inventdedup.policy.MergePlanner;
import io.inventdedup.policy.QueuedReview;
import io.inventdedup.policy.SkipReason;

/**
 * The queue of groups that wait for a person: a group the policy leaves to a person
 * ({@link MergePlan.Review}) is looked up among the org's queued groups that share a member with
 * it, and the last decision on one of them decides ({@link QueuedReview}): an approval (no older
 * than {@code dedup.plan-max-age}) merges it while its plan is the approved one, a rejection
 * leaves it alone while its members stay the same. One query per doubtful group once the org has
 * any decision (asked again at most once a second, so that a decision made during a long run
 * applies to the groups not planned yet), none for the others.
 */
class ReviewQueue {

	private final DecisionRepository decisions;

	private final FollowUpSender followUps;

	private final String orgId;

	private final Duration approvalsFor;

	private final ReadEverySecond<Boolean> anyDecision;

	/** The run's policy with the name check aside: what a person who keeps a group waiting decides on. */
	private final MergePlanner withoutNames;

	/** The org's groups that a run left for a person, read at the first group. */
	private @Nullable Map<String, DecisionRepository.Waiting> waiting;

	ReviewQueue(DecisionRepository decisions, FollowUpSender followUps, String orgId, Duration approvalsFor,
			MergePlanner withoutNames) {
		this.decisions = decisions;
		this.withoutNames = withoutNames;
		this.followUps = followUps;
		this.orgId = orgId;
		this.approvalsFor = approvalsFor;
		this.anyDecision = new ReadEverySecond<>(() -> decisions.anyQueuedDecision(orgId, approvalsFor));
	}

	/**
	 * A group that a run left for a person waits for one, whatever the policy says of it now (a
	 * verdict that changed as the org changed, a policy changed since): the same members, the same
	 * key, the same question, until a person answers it. The question is the merge of every eligible
	 * member, the name check aside, as when it was asked: a person who approves "one person" approves
	 * the group whole, and the run merges it whole (or, when it changed, asks again).
	 */
	private MergePlan stillWaiting(StagedGroup group, DuplicateGroup current, MergePlan plan, Set<String> held) {
		if (!(plan instanceof MergePlan.Merge merge)) {
			return plan;
		}
		if (this.waiting == null) {
			this.waiting = this.decisions.waitingGroups(this.orgId);
		}
		DecisionRepository.Waiting waited = this.waiting.get(group.groupKey());
		if (waited == null) {
			return plan;
		}
		SkipReason reason = SkipReason.ofCode(waited.reason()).orElse(SkipReason.NAMES_DISAGREE);
		MergePlan whole = this.withoutNames.plan(current, held);
		return new MergePlan.Review((whole instanceof MergePlan.Merge all) ? all : merge, reason,
				"run " + waited.run() + " left this group for a person (" + waited.reason()
						+ "), and no one decided it yet: it waits, whatever the policy says of it now");
	}

	/**
	 * The plan to carry out: {@code plan} itself, or what a person decided on the group; a merge a
	 * person approved names that approval.
	 */
	PlannedGroup resolve(StagedGroup group, DuplicateGroup current, MergePlan policy, Set<String> held) {
		MergePlan plan = stillWaiting(group, current, policy, held);
		if (!(plan instanceof MergePlan.Review review) || !this.anyDecision.get()) {
			return new PlannedGroup(group, plan);
		}
		List<String> memberIds = current.members().stream().map(Contact::id).toList();
		Optional<QueuedDecision> decision = this.decisions.lastDecisionOn(this.orgId, memberIds, this.approvalsFor);
		if (decision.isEmpty()) {
			return new PlannedGroup(group, plan);
		}
		QueuedDecision decided = decision.get();
		DuplicateGroup decidedGroup = GroupDecoder.decode(decided.listedGroup());
		MergePlan.Merge decidedPlan = new MergePlan.Merge(decided.survivorId(), decided.sourceIds(), decided.excluded(),
				this.followUps.recorded(decided.plannedUpdate()));
		MergePlan now = QueuedReview.decide(decidedGroup, decidedPlan, decided.approved(), decided.describe(), current,
				review);
		return new PlannedGroup(group, now, (now instanceof MergePlan.Merge)
				? List.of(new PlannedGroup.Decided(decided.runInstanceId(), decided.groupKey(), true, review)) : List.of());
	}

}
