package io.inventdedup.audit;

/** Where a group of a run stands. */
public enum AuditStatus {

	/** A dry run's decision to merge: nothing was sent. */
	PLANNED,

	/** The merge is about to be sent, or was sent and its outcome is not recorded yet. */
	PENDING,

	/** The API confirmed the merge. */
	MERGED,

	/** The policy left the group alone; {@code reason} says why. */
	SKIPPED,

	/** The API refused the merge or could not be reached; {@code reason} and {@code error} say why. */
	FAILED,

	/**
	 * The merge's answer was lost and looking its contacts up could not tell whether it was applied;
	 * {@code detail} says what was found. The run's settle step looks again; an operator can record
	 * what they found in Invent with {@code --settle}.
	 */
	UNSETTLED,

	/**
	 * Doubtful (the members' names disagree): nothing is merged until a person approves the
	 * recorded merge ({@code --approve}); every later run of the org then merges it while its plan
	 * is the approved one. {@code reason} and {@code detail} say why.
	 */
	NEEDS_REVIEW;

	/**
	 * Whether the merge step is done with a group in this status (an UNSETTLED one is the settle
	 * step's).
	 */
	public boolean isFinal() {
		return this != PENDING;
	}

}
