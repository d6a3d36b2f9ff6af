package io.inventdedup.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.inventdedup.audit.RunFacts;
import io.inventdedup.decision.DecisionEffects;
import io.inventdedup.decision.DecisionRepository;
import io.inventdedup.invent.GroupAsListed;
import io.inventdedup.report.PageGroup;

/**
 * A group waiting for a person, as the queue's data holds it ({@code queue.js} reads these names).
 * Written by Jackson, a component a key.
 *
 * @param org the group's org
 * @param run the run that queued it
 * @param execution that run's last execution
 * @param key the group's key
 * @param version what a decision on it must name
 * @param reason why it waits (a skip reason's code)
 * @param detail what the policy found, in a sentence
 * @param since when it started waiting
 * @param survivor the contact the proposal keeps, or null
 * @param sources the contacts the proposal merges into it
 * @param excluded the contacts the proposal keeps out, by id, with the code of why
 * @param effects what each decision does, in a sentence
 * @param members the group's members as listed, long texts cut
 * @param matchedOn what Invent says they share
 * @param state {@code UNDECIDED}, {@code APPROVED} or {@code REJECTED}: a decided group stays in the
 * queue, with its undo, until a run acts on the decision
 * @param decision who decided what, when and why, or null
 */
record QueueCard(String org, String run, String execution, String key, @Nullable String version,
		@Nullable String reason, @Nullable String detail, String since, @Nullable String survivor,
		List<String> sources, Map<String, String> excluded, DecisionEffects.Effects effects,
		List<GroupAsListed.Member> members, List<GroupAsListed.Match> matchedOn, String state,
		@Nullable String decision) {

	static QueueCard of(DecisionRepository.QueuedGroup group, @Nullable String version,
			DecisionRepository.@Nullable DecidedGroup decided) {
		GroupAsListed listed = GroupAsListed.read(group.listedGroup()).shown(PageGroup.MAX_TEXT, RunFacts::time);
		Map<String, String> names = new HashMap<>();
		listed.members().forEach((member) -> {
			if (member.id() != null && member.name() != null) {
				names.putIfAbsent(member.id(), member.name());
			}
		});
		return new QueueCard(group.orgId(), String.valueOf(group.runInstanceId()),
				String.valueOf(group.jobExecutionId()), group.groupKey(), version, group.reason(), group.detail(),
				RunFacts.time(group.waitingSince()), group.survivorId(), group.sources(),
				PageGroup.excluded(group.excluded()), DecisionEffects.of(group, names), listed.members(), listed.matchedOn(),
				(decided != null) ? decided.state().name() : "UNDECIDED", (decided != null) ? decided.decision() : null);
	}

}
