package io.inventdedup.merge;

import org.jspecify.annotations.Nullable;

import io.inventdedup.collect.StagedGroup;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the staged groups of the run's listing while the listing is younger than
 * {@code dedup.merge.max-listing-age}; once it is older, it reads no more (the merge step ends and
 * the job lists again). Position and restart are the delegate's.
 */
class FreshListingReader implements ItemStreamReader<StagedGroup> {

	private final ItemStreamReader<StagedGroup> delegate;

	private final ListingFreshness freshness;

	FreshListingReader(ItemStreamReader<StagedGroup> delegate, ListingFreshness freshness) {
		this.delegate = delegate;
		this.freshness = freshness;
	}

	@Override
	public @Nullable StagedGroup read() throws Exception {
		if (this.freshness.stale() || this.freshness.tooOld()) {
			return null;
		}
		return this.delegate.read();
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.delegate.open(executionContext);
	}

	@Override
	public void update(ExecutionContext executionContext) {
		this.delegate.update(executionContext);
	}

	@Override
	public void close() {
		this.delegate.close();
	}

}
