package io.inventdedup.decision;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.inventdedup.policy.Exclusion;

/**
 * A person's decision on a group that waited for review (NEEDS_REVIEW): the group as it was listed
 * then, the merge it proposed, and who approved or rejected it, why and when.
 *
 * @param runInstanceId the run that queued the group
 * @param groupKey the group's key in that run
 * @param listedGroup the group as that run listed it (JSON)
 * @param survivorId the proposed survivor
 * @param sourceIds the proposed sources
 * @param excluded the members the proposal left out
 * @param plannedUpdate the proposed follow-up update (JSON), or null
 * @param approved true for an approval, false for a rejection
 * @param by who decided
 * @param reason why
 * @param at when
 */
public record QueuedDecision(long runInstanceId, String groupKey, String listedGroup, String survivorId, List<String> sourceIds,
		List<Exclusion> excluded, @Nullable String plannedUpdate, boolean approved, String by, String reason,
		Instant at) {

	/** {@code approved by alice in run 12 (2026-12-01T10:00:00Z): two numbers of one customer}. */
	public String describe() {
		return (this.approved ? "approved" : "rejected") + " by " + this.by + " in run " + this.runInstanceId + " ("
				+ this.at + "): " + this.reason;
	}

}
