package io.inventdedup.merge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.inventdedup.audit.AuditRepository;
import io.inventdedup.decision.DecisionRepository;

/**
 * The decisions of people that a chunk's merges carry out, read again when their PENDING rows are
 * recorded, under a share lock of the decided groups' rows: a decision takes the same rows' lock
 * ({@code Decisions}), so a decision and a run agree on one order. A decision that came first is
 * honoured (its merge is not sent); one that comes after finds the PENDING row and is refused.
 */
class StandingDecisions {

	private final AuditRepository audit;

	private final DecisionRepository decisions;

	StandingDecisions(AuditRepository audit, DecisionRepository decisions) {
		this.audit = audit;
		this.decisions = decisions;
	}

	/**
	 * Of these merges to send (by this run's group key, each with the decisions it carries out), those
	 * one of whose decisions no longer stands (an approval taken back, a planned group rejected), with
	 * the first that no longer does. Call it in the transaction that records the merges' PENDING rows:
	 * the decided rows stay share-locked until it ends, run after run in ascending order.
	 */
	Map<String, PlannedGroup.Decided> withdrawn(Map<String, List<PlannedGroup.Decided>> merges) {
		Map<Long, Set<String>> byRun = new TreeMap<>();
		merges.values().forEach((decisions) -> decisions.forEach(
				(decided) -> byRun.computeIfAbsent(decided.run(), (run) -> new TreeSet<>()).add(decided.groupKey())));
		Map<Long, Set<String>> approved = new HashMap<>();
		Map<Long, Set<String>> rejected = new HashMap<>();
		byRun.forEach((run, keys) -> {
			this.audit.lockDecidedGroups(run, keys);
			approved.put(run, this.decisions.approvedNow(run, keys));
			rejected.put(run, this.decisions.rejectedNow(run, keys));
		});
		Map<String, PlannedGroup.Decided> withdrawn = new HashMap<>();
		merges.forEach((key, decisions) -> decisions.stream()
			.filter((decided) -> decided.approval() ? !approved.get(decided.run()).contains(decided.groupKey())
					: rejected.get(decided.run()).contains(decided.groupKey()))
			.findFirst()
			.ifPresent((gone) -> withdrawn.put(key, gone)));
		return withdrawn;
	}

}
