package io.inventdedup.collect;

/**
 * A duplicate group of a run's snapshot.
 *
 * @param id the row's id: the merge step reads the snapshot in this order
 * @param groupKey the group's stable key
 * @param listedGroup the group as the API listed it (JSON)
 */
public record StagedGroup(long id, String groupKey, String listedGroup) {
}
