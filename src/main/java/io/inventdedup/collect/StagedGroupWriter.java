package io.inventdedup.collect;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Writes the groups read by the collect step into the listing of the run it is collecting. */
class StagedGroupWriter implements ItemWriter<ListedGroup> {

	private final StagedGroups stagedGroups;

	private final long jobInstanceId;

	private final String orgId;

	private int listing;

	public StagedGroupWriter(StagedGroups stagedGroups, long jobInstanceId, String orgId) {
		this.stagedGroups = stagedGroups;
		this.jobInstanceId = jobInstanceId;
		this.orgId = orgId;
	}

	@Override
	public void write(Chunk<? extends ListedGroup> groups) {
		if (this.listing == 0) {
			this.listing = this.stagedGroups.collectingListing(this.jobInstanceId);
		}
		this.stagedGroups.add(this.jobInstanceId, this.orgId, this.listing, groups);
	}

}
