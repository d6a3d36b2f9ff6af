package io.inventdedup.invent;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.inventdedup.policy.FollowUp;

/**
 * What the API confirmed of one merge call.
 *
 * @param mergedContactIds the ids the API says it merged into the survivor
 * @param confirmedByLookup true when the answer was lost and the merge was confirmed by looking
 * the contacts up afterwards (the sources gone, the survivor alive)
 * @param survivor the survivor as the answer gave it, or null when the answer was lost or unreadable
 */
public record MergeResult(List<String> mergedContactIds, boolean confirmedByLookup,
		FollowUp.@Nullable SurvivorState survivor) {

	public MergeResult {
		mergedContactIds = List.copyOf(mergedContactIds);
	}

}
