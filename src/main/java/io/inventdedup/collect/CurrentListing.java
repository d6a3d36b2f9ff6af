package io.inventdedup.collect;

import java.time.Instant;

/**
 * The listing of a run that its merges act on.
 *
 * @param number the listing's number in the run (1, 2, ...)
 * @param startedAt when it began: every group it holds was listed then or later
 * @param shifted whether it shifted while it was read (its count changed between pages, or a group
 * was served twice): groups may have moved past the pages read, and the run lists the org again
 */
public record CurrentListing(int number, Instant startedAt, boolean shifted) {
}
