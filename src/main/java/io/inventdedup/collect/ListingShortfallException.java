package io.inventdedup.collect;

/**
 * The collect step saw fewer groups than the listing announced, by more than
 * {@code dedup.collect.max-shortfall}: merging would leave groups unread under a COMPLETED run.
 */
class ListingShortfallException extends RuntimeException {

	ListingShortfallException(String orgId, Listing listing, double maxShortfall) {
		super(String.format("The duplicate listing of org %s announced %d groups (pagination-count) but the collect "
				+ "saw %d: %d missing (%.1f%%) is more than dedup.collect.max-shortfall (%.1f%%). Nothing was merged. "
				+ "Run the same command again to collect the listing again", orgId, listing.announced(),
				listing.collected(), listing.shortfall(), 100.0 * listing.shortfall() / listing.announced(),
				100 * maxShortfall));
	}

}
