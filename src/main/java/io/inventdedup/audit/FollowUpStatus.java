package io.inventdedup.audit;

/** Where a merged group's follow-up update stands ({@code dedup_audit.update_status}). */
public enum FollowUpStatus {

	/** Planned and not sent yet: the run's followUp step sends it. */
	PENDING,

	/** Sent, and the API took it. */
	SENT,

	/** Sent and refused, or not sendable: the next execution of the run tries again. */
	FAILED,

	/** Nothing left to carry: the survivor already had it. */
	NOT_NEEDED

}
