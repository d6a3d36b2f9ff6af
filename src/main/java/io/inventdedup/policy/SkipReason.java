package io.inventdedup.policy;

import java.util.Arrays;
import java.util.Optional;

/** Why a group is not merged. The codes are stable: operators query the audit by them. */
public enum SkipReason {

	/** The group has more members than {@code maxGroupSize}. */
	TOO_LARGE("too-large"),

	/** After exclusions fewer than two contacts are left. */
	FEWER_THAN_TWO_ELIGIBLE("fewer-than-two-eligible"),

	/** The run already merged {@code maxMerges} groups. */
	MAX_MERGES_REACHED("max-merges-reached"),

	/** The API listed the group with data the job cannot trust. */
	INVALID_GROUP("invalid-group"),

	/**
	 * The group's plan, recomputed now, is not the one that was reviewed (an apply run's plan, or an
	 * approval of a group that waited for review).
	 */
	CHANGED_SINCE_REVIEW("changed-since-review"),

	/** An apply run: the group was planned, and rejected in review. */
	REJECTED_IN_REVIEW("rejected-in-review"),

	/** The name check: no set of members whose names agree; the group waits for a person (NEEDS_REVIEW). */
	NAMES_DISAGREE("names-disagree"),

	/**
	 * The name check: every pair of names is two people's (a family's phone, a shop's inbox); the
	 * group is SKIPPED, and a person may still approve its proposed merge.
	 */
	NAMES_DIFFER("names-differ"),

	/** An apply run: the group is listed now but was not planned in the reviewed run. */
	NOT_IN_PLAN("not-in-plan"),

	/** An apply run: the group was planned, and no group listed now holds any of its members. */
	NO_LONGER_LISTED("no-longer-listed");

	private final String code;

	SkipReason(String code) {
		this.code = code;
	}

	/** The stable code recorded in the audit. */
	public String code() {
		return this.code;
	}

	/** The reason of this code, as the audit records it; none for a code that names no reason. */
	public static Optional<SkipReason> ofCode(String code) {
		return Arrays.stream(values()).filter((reason) -> reason.code.equals(code)).findFirst();
	}

}
