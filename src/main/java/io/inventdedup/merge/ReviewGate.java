package io.inventdedup.merge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;


import io.inventdedup.audit.AuditRecord;
import io.inventdedup.audit.AuditRepository;
import io.inventdedup.invent.GroupDecoder;
import io.inventdedup.policy.Contact;
import io.inventdedup.policy.DuplicateGroup;
import io.inventdedup.policy.MergePlan;
import io.inventdedup.policy.PlanReview;
import io.inventdedup.policy.SkipReason;

/**
 * The gate of an apply run ({@code plan=ID}): a group listed now is merged only when it is a
 * planned group of the reviewed dry run, not rejected in review, and its plan recomputed now is
 * the reviewed one ({@link PlanReview}). A listed group is the planned group that shares members
 * with it (group keys change when a contact joins or leaves a group), found by the database (one
 * indexed query a group: the plan is never held in memory, whatever its size). Every other group becomes a
 * skip that says why: {@code not-in-plan}, {@code rejected-in-review}, {@code changed-since-review}.
 * A group that waits for a person now (its names disagree, and no approval merges it) waits in the
 * apply run too: the gate never turns a doubt into a merge. A run without a plan passes every plan
 * through.
 */
class ReviewGate {

	private final long planInstanceId;

	private final Map<String, String> rejections;

	private final AuditRepository audit;

	private final FollowUpSender followUps;

	private ReviewGate(long planInstanceId, Map<String, String> rejections, AuditRepository audit, FollowUpSender followUps) {
		this.planInstanceId = planInstanceId;
		this.rejections = rejections;
		this.audit = audit;
		this.followUps = followUps;
	}

	/** The gate of a run without a plan: every plan passes. */
	static ReviewGate open() {
		return new ReviewGate(0, Map.of(), null, null);
	}

	/** The gate of an apply run of the dry run {@code planInstanceId}, with its rejections as of now. */
	static ReviewGate of(long planInstanceId, AuditRepository audit, Map<String, String> rejections, FollowUpSender followUps) {
		return new ReviewGate(planInstanceId, Map.copyOf(rejections), audit, followUps);
	}

	/**
	 * The plan to carry out for a group listed now: {@code resolved} itself, or the skip that says why
	 * not. A merge of a planned group names that group, whose rejection it must not meet when it is
	 * sent; a merge a person approved names that approval ({@link ReviewQueue}).
	 */
	PlannedGroup check(DuplicateGroup current, PlannedGroup resolved) {
		if (this.planInstanceId == 0) {
			return resolved;
		}
		MergePlan now = resolved.plan();
		List<String> planKeys = this.audit.planGroupsHolding(this.planInstanceId,
				current.members().stream().map(Contact::id).toList());
		MergePlan checked = check(current, now, planKeys);
		if (checked != now) {
			return new PlannedGroup(resolved.group(), checked);
		}
		if (!(now instanceof MergePlan.Merge)) {
			return resolved;
		}
		// The merge carries out the plan (no one rejected its group) besides any approval it carries out.
		String planKey = planKeys.get(0);
		List<PlannedGroup.Decided> decided = new ArrayList<>(resolved.decided());
		decided.add(new PlannedGroup.Decided(this.planInstanceId, planKey, false, skip(SkipReason.REJECTED_IN_REVIEW,
				"planned group " + planKey + " rejected in review while this run applied the plan", now)));
		return new PlannedGroup(resolved.group(), now, decided);
	}

	private MergePlan check(DuplicateGroup current, MergePlan now, List<String> planKeys) {
		if (planKeys.isEmpty()) {
			return skip(SkipReason.NOT_IN_PLAN, "listed now, not planned in the reviewed run " + this.planInstanceId
					+ ": an apply run merges only what was reviewed", now);
		}
		if (planKeys.size() > 1) {
			return skip(SkipReason.CHANGED_SINCE_REVIEW, "the group now joins the planned groups " + planKeys, now);
		}
		String planKey = planKeys.get(0);
		String rejection = this.rejections.get(planKey);
		if (rejection != null) {
			return skip(SkipReason.REJECTED_IN_REVIEW, "planned group " + planKey + " rejected in review " + rejection,
					now);
		}
		if (now instanceof MergePlan.Review) {
			return now;
		}
		AuditRecord reviewed = this.audit.findByGroupKeys(this.planInstanceId, List.of(planKey)).get(planKey);
		DuplicateGroup reviewedGroup = GroupDecoder.decode(reviewed.plan().listedGroup());
		MergePlan.Merge reviewedPlan = new MergePlan.Merge(reviewed.plan().survivorId(), reviewed.plan().sourceIds(),
				reviewed.plan().excluded(), this.followUps.recorded(reviewed.plan().plannedUpdate()));
		return PlanReview.changes(reviewedGroup, reviewedPlan, current, now)
			.<MergePlan>map((changes) -> skip(SkipReason.CHANGED_SINCE_REVIEW, changes, now))
			.orElse(now);
	}

	private static MergePlan.Skip skip(SkipReason reason, String detail, MergePlan now) {
		return new MergePlan.Skip(reason, detail, now.excluded());
	}

}
