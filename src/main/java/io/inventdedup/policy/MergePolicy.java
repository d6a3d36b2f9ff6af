package io.inventdedup.policy;

import java.util.Objects;

/**
 * The rules that decide which contacts of a group are merged, and into whom.
 *
 * @param survivor how the survivor is chosen
 * @param skipAdmins whether admins are left alone
 * @param skipBlocked whether blocked contacts are left alone
 * @param skipUnsubscribed whether unsubscribed contacts are left alone
 * @param maxGroupSize groups with more members than this are not touched at all
 * @param carryOptOut whether an unsubscribed or blocked source makes the survivor so
 * @param fillName whether a nameless survivor gets the name of the first source that has one
 * @param checkNames whether the names of a group's members must agree ({@link NameCheck})
 */
public record MergePolicy(SurvivorRule survivor, boolean skipAdmins, boolean skipBlocked, boolean skipUnsubscribed,
		int maxGroupSize, boolean carryOptOut, boolean fillName, boolean checkNames) {

	/** The most sources the merge endpoint takes in one call. */
	public static final int MAX_SOURCES_PER_CALL = 50;

	public MergePolicy {
		Objects.requireNonNull(survivor, "survivor");
		if (maxGroupSize < 2) {
			throw new IllegalArgumentException("maxGroupSize must be at least 2, was " + maxGroupSize);
		}
	}

	/** A policy that carries opt-outs and names and checks names, as the defaults do. */
	public MergePolicy(SurvivorRule survivor, boolean skipAdmins, boolean skipBlocked, boolean skipUnsubscribed,
			int maxGroupSize) {
		this(survivor, skipAdmins, skipBlocked, skipUnsubscribed, maxGroupSize, true, true, true);
	}

	/** The same policy, with the name check on or off. */
	public MergePolicy withCheckNames(boolean checkNames) {
		return new MergePolicy(this.survivor, this.skipAdmins, this.skipBlocked, this.skipUnsubscribed,
				this.maxGroupSize, this.carryOptOut, this.fillName, checkNames);
	}

	/**
	 * The defaults documented in docs/running.md: oldest survivor, admins and blocked left alone, at most 20
	 * members, opt-outs and names carried to the survivor, names checked.
	 */
	public static MergePolicy defaults() {
		return new MergePolicy(SurvivorRule.OLDEST, true, true, false, 20, true, true, true);
	}

	/** Why this policy keeps a contact out of any merge, or {@code null} when it may be merged. */
	ExclusionReason exclusionOf(Contact contact) {
		if (this.skipAdmins && contact.admin()) {
			return ExclusionReason.ADMIN;
		}
		if (this.skipBlocked && contact.blocked()) {
			return ExclusionReason.BLOCKED;
		}
		if (this.skipUnsubscribed && contact.unsubscribed()) {
			return ExclusionReason.UNSUBSCRIBED;
		}
		return null;
	}

}
