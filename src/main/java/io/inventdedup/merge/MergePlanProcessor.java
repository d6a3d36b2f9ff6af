package io.inventdedup.merge;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.inventdedup.collect.StagedGroup;
import io.inventdedup.invent.GroupDecoder;
import io.inventdedup.invent.InvalidGroupException;
import io.inventdedup.policy.MergePlan;
import io.inventdedup.policy.MergePlanner;
import io.inventdedup.policy.SkipReason;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Decodes a staged group and applies the merge policy to it. A group the job cannot trust
 * becomes a skip ({@code invalid-group}) that says what is wrong: the run goes on.
 */
class MergePlanProcessor implements ItemProcessor<StagedGroup, PlannedGroup> {

	private final MergePlanner planner;

	private final JsonMapper jsonMapper;

	MergePlanProcessor(MergePlanner planner, JsonMapper jsonMapper) {
		this.planner = planner;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public PlannedGroup process(StagedGroup group) {
		try {
			return new PlannedGroup(group, this.planner.plan(GroupDecoder.decode(this.jsonMapper.readTree(group.listedGroup()))));
		}
		catch (InvalidGroupException | JacksonException ex) {
			return new PlannedGroup(group, new MergePlan.Skip(SkipReason.INVALID_GROUP, ex.getMessage(), List.of()));
		}
	}

}
