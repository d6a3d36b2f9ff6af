package io.inventdedup.policy;

import java.util.Arrays;
import java.util.Optional;

/** Why a contact of a group is kept out of its merge. */
public enum ExclusionReason {

	ADMIN("admin"), BLOCKED("blocked"), UNSUBSCRIBED("unsubscribed"),

	/** An operator holds the contact ({@code --hold}): never merged, whatever the policy. */
	HELD("held"),

	/** The name check: the contact's name disagrees with the agreeing core of its group. */
	NAME_DIFFERS("name-differs"),

	/** The name check: the contact has no name, in a group whose names disagree: whose is it? */
	NAME_UNKNOWN("name-unknown"),

	/**
	 * The run kept the contact out of the merge of a group it handled earlier: listed anew beside
	 * that group's survivor (what is left of a merge listed again), it is not decided on twice.
	 */
	EXCLUDED_EARLIER("excluded-earlier");

	private final String code;

	ExclusionReason(String code) {
		this.code = code;
	}

	/** The stable code recorded in the audit. */
	public String code() {
		return this.code;
	}

	/** The reason of this code, as the audit records it; none for a code that names no reason. */
	public static Optional<ExclusionReason> ofCode(String code) {
		return Arrays.stream(values()).filter((reason) -> reason.code.equals(code)).findFirst();
	}

}
