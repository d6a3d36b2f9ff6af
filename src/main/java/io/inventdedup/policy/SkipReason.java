package io.inventdedup.policy;

/** Why a group is not merged. The codes are stable: operators query the audit by them. */
public enum SkipReason {

	/** The group has more members than {@code maxGroupSize}. */
	TOO_LARGE("too-large"),

	/** After exclusions fewer than two contacts are left. */
	FEWER_THAN_TWO_ELIGIBLE("fewer-than-two-eligible"),

	/** The run already merged {@code maxMerges} groups. */
	MAX_MERGES_REACHED("max-merges-reached"),

	/** The API listed the group with data the job cannot trust. */
	INVALID_GROUP("invalid-group");

	private final String code;

	SkipReason(String code) {
		this.code = code;
	}

	/** The stable code recorded in the audit. */
	public String code() {
		return this.code;
	}

}
