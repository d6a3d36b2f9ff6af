package io.inventdedup.collect;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Writes the groups read by the collect step into the run's snapshot. */
public class StagedGroupWriter implements ItemWriter<ListedGroup> {

	private final StagedGroups stagedGroups;

	private final long jobInstanceId;

	private final String orgId;

	public StagedGroupWriter(StagedGroups stagedGroups, long jobInstanceId, String orgId) {
		this.stagedGroups = stagedGroups;
		this.jobInstanceId = jobInstanceId;
		this.orgId = orgId;
	}

	@Override
	public void write(Chunk<? extends ListedGroup> groups) {
		this.stagedGroups.add(this.jobInstanceId, this.orgId, groups);
	}

}
