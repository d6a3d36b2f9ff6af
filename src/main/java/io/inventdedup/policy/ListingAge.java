package io.inventdedup.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether the listing behind a merge is too old to act on ({@code dedup.merge.max-listing-age}):
 * the org lives on while a run merges (a contact becomes an admin, one is blocked, a group gains a
 * member), and the policy is only as true as the data it is applied to. A listing's age counts from
 * when it began: every group it holds was listed then or later.
 */
public final class ListingAge {

	private ListingAge() {
	}

	/** Whether a listing that began at {@code listedAt} is older than {@code bound} at {@code now}. */
	public static boolean tooOld(Instant listedAt, Instant now, Duration bound) {
		return Duration.between(listedAt, now).compareTo(bound) > 0;
	}

}
