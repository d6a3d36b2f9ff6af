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
	 * An earlier merge of the run took the contact as a source, or kept it out: listed anew in a group
	 * with new members, it is not decided on twice (a source whose merge's answer was lost may still
	 * be there).
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
