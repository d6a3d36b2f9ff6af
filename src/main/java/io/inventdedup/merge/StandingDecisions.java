package io.inventdedup.merge;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
	 * Of these merges to send (by this run's group key), those whose decision no longer stands: an
	 * approval taken back, a planned group rejected. Call it in the transaction that records the
	 * merges' PENDING rows.
	 */
	Set<String> withdrawn(Map<String, PlannedGroup.Decided> merges) {
		Set<String> withdrawn = new HashSet<>();
		Map<Long, List<Map.Entry<String, PlannedGroup.Decided>>> byRun = merges.entrySet()
			.stream()
			.collect(Collectors.groupingBy((merge) -> merge.getValue().run(), TreeMap::new, Collectors.toList()));
		byRun.forEach((run, decided) -> {
			Set<String> keys = decided.stream().map((merge) -> merge.getValue().groupKey()).collect(Collectors.toSet());
			this.audit.lockDecidedGroups(run, keys);
			Set<String> approved = this.decisions.approvedNow(run, keys);
			Set<String> rejected = this.decisions.rejectedNow(run, keys);
			for (Map.Entry<String, PlannedGroup.Decided> merge : decided) {
				String key = merge.getValue().groupKey();
				if (merge.getValue().approval() ? !approved.contains(key) : rejected.contains(key)) {
					withdrawn.add(merge.getKey());
				}
			}
		});
		return withdrawn;
	}

}
