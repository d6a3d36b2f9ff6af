package io.inventdedup.invent;

import java.util.List;

/**
 * What the API confirmed of one merge call.
 *
 * @param mergedContactIds the ids the API says it merged into the survivor
 * @param confirmedByLookup true when the answer was lost and the merge was confirmed by looking
 * the contacts up afterwards (the sources gone, the survivor alive)
 */
public record MergeResult(List<String> mergedContactIds, boolean confirmedByLookup) {

	public MergeResult {
		mergedContactIds = List.copyOf(mergedContactIds);
	}

}
