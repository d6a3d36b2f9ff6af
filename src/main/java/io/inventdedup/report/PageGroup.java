package io.inventdedup.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.inventdedup.audit.AuditRecord;
import io.inventdedup.audit.RunFacts;
import io.inventdedup.decision.DecisionRepository;
import io.inventdedup.invent.GroupAsListed;
import io.inventdedup.policy.Exclusion;

/**
 * A group of a run as its page's data holds it ({@code run.js} reads these names): its audit row,
 * the decision people took on it and its members as listed. Written by Jackson, a component a key.
 *
 * @param key the group's key
 * @param version what a decision on it must name ({@code Decisions#version})
 * @param plan what the run planned (the survivor, the sources, the excluded, the follow-up)
 * @param outcome what became of it
 * @param decision what people decided on it, or null
 * @param state {@code APPROVED}, {@code REJECTED} or null when undecided
 * @param excluded the contacts kept out by id, with the code of why
 * @param members the group's members as listed, long texts cut
 * @param matchedOn what Invent says they share
 */
public record PageGroup(String key, @Nullable String version, Plan plan, AuditRecord.Outcome outcome,
		@Nullable String decision, @Nullable String state, Map<String, String> excluded,
		List<GroupAsListed.Member> members, List<GroupAsListed.Match> matchedOn) {

	/** The longest text of a contact's field shown on a page; the CSV has every field whole. */
	public static final int MAX_TEXT = 300;

	/**
	 * What a page shows of a run's plan for a group.
	 *
	 * @param survivor the contact that stays
	 * @param sources the contacts to merge into it
	 * @param plannedUpdate the update planned after the merge (JSON), or null
	 */
	record Plan(@Nullable String survivor, List<String> sources, @Nullable String plannedUpdate) {
	}

	static PageGroup of(AuditRecord row, @Nullable String version, DecisionRepository.@Nullable DecidedGroup decided) {
		AuditRecord.Plan plan = row.plan();
		GroupAsListed listed = GroupAsListed.read(plan.listedGroup()).shown(MAX_TEXT, RunFacts::time);
		AuditRecord.Outcome outcome = row.outcome();
		String error = outcome.error();
		if (error != null && error.length() > MAX_TEXT) {
			outcome = new AuditRecord.Outcome(outcome.jobExecutionId(), outcome.status(), outcome.reason(),
					outcome.mergedIds(), outcome.detail(), outcome.httpStatus(), RunSummary.cut(error, MAX_TEXT),
					outcome.followUp());
		}
		return new PageGroup(plan.groupKey(), version,
				new Plan(plan.survivorId(), plan.sourceIds(), plan.plannedUpdate()), outcome,
				(decided != null) ? decided.decision() : null, (decided != null) ? decided.state().name() : null,
				excluded(plan.excluded()), listed.members(), listed.matchedOn());
	}

	/** The contacts kept out, by id, with the code of why: what the pages show beside each member. */
	public static Map<String, String> excluded(List<Exclusion> excluded) {
		Map<String, String> byId = new LinkedHashMap<>();
		excluded.forEach((exclusion) -> byId.put(exclusion.contactId(), exclusion.reason().code()));
		return byId;
	}

}
