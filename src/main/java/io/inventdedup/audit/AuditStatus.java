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
	FAILED;

	/** Whether nothing more will happen to a group in this status, in this run. */
	public boolean isFinal() {
		return this != PENDING;
	}

}
