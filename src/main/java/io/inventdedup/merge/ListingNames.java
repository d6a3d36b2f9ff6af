package io.inventdedup.merge;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.inventdedup.collect.StagedGroup;
import io.inventdedup.collect.StagedGroups;
import io.inventdedup.invent.GroupDecoder;
import io.inventdedup.invent.InvalidGroupException;
import io.inventdedup.policy.NameFrequencies;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;

/**
 * How common each word of a name is in the run's listing ({@link NameFrequencies}), counted when
 * the merge step opens from the listing's snapshot, a page at a time (memory stays that of one page
 * and the counts' fixed 1 MiB, whatever the listing holds). The snapshot of a listing does not
 * change, so a restarted step counts the same. A group the job cannot decode is not counted: the
 * merge step skips it ({@code invalid-group}).
 */
final class ListingNames {

	private static final int PAGE_SIZE = 500;

	private ListingNames() {
	}

	static NameFrequencies count(StagedGroups stagedGroups, long jobInstanceId, int listing, JsonMapper jsonMapper) {
		NameFrequencies.Counter counter = NameFrequencies.counter();
		JdbcPagingItemReader<StagedGroup> reader = stagedGroups.reader(jobInstanceId, listing, PAGE_SIZE);
		reader.setSaveState(false);
		reader.open(new ExecutionContext());
		try {
			for (StagedGroup group = reader.read(); group != null; group = reader.read()) {
				try {
					counter.add(GroupDecoder.decode(jsonMapper.readTree(group.listedGroup())));
				}
				catch (InvalidGroupException | JacksonException ex) {
					// Left to the merge step, which records it.
				}
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot count the names of listing " + listing + ": " + ex.getMessage(), ex);
		}
		finally {
			reader.close();
		}
		return counter.frequencies();
	}

}
