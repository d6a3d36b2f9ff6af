package io.inventdedup.policy;

/** Why a contact of a group is kept out of its merge. */
public enum ExclusionReason {

	ADMIN("admin"), BLOCKED("blocked"), UNSUBSCRIBED("unsubscribed"),

	/** An operator holds the contact ({@code --hold}): never merged, whatever the policy. */
	HELD("held");

	private final String code;

	ExclusionReason(String code) {
		this.code = code;
	}

	/** The stable code recorded in the audit. */
	public String code() {
		return this.code;
	}

}
