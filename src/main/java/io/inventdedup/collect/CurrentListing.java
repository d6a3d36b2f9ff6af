package io.inventdedup.collect;

import java.time.Instant;

import io.inventdedup.policy.ListingWindow;

/**
 * The listing of a run that its merges act on: a window of the org's listing.
 *
 * @param number the listing's number in the run (1, 2, ...)
 * @param startedAt when it began: every group it holds was listed then or later
 * @param window the pages it read, and the pass over the org it belongs to
 * @param merged whether its merges ended: every group of it was handled, or the bound came first
 */
public record CurrentListing(int number, Instant startedAt, ListingWindow window, boolean merged) {
}
