package io.inventdedup.merge;

import java.time.Duration;
import java.util.List;
import java.util.Optional;


import io.inventdedup.collect.StagedGroup;
import io.inventdedup.decision.DecisionRepository;
import io.inventdedup.decision.QueuedDecision;
import io.inventdedup.invent.GroupDecoder;
import io.inventdedup.policy.Contact;
import io.inventdedup.policy.DuplicateGroup;
import io.inventdedup.policy.MergePlan;
import io.inventdedup.policy.QueuedReview;

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

	ReviewQueue(DecisionRepository decisions, FollowUpSender followUps, String orgId,
			Duration approvalsFor) {
		this.decisions = decisions;
		this.followUps = followUps;
		this.orgId = orgId;
		this.approvalsFor = approvalsFor;
		this.anyDecision = new ReadEverySecond<>(() -> decisions.anyQueuedDecision(orgId, approvalsFor));
	}

	/**
	 * The plan to carry out: {@code plan} itself, or what a person decided on the group; a merge a
	 * person approved names that approval.
	 */
	PlannedGroup resolve(StagedGroup group, DuplicateGroup current, MergePlan plan) {
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
				? new PlannedGroup.Decided(decided.runInstanceId(), decided.groupKey(), true, review) : null);
	}

}
