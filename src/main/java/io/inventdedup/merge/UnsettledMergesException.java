package io.inventdedup.merge;

import java.util.List;
import java.util.stream.Collectors;

import io.inventdedup.audit.AuditRecord;

/**
 * Merges of the run whose answer was lost could not be settled by looking their contacts up: the
 * run fails, naming them and what an operator does about each.
 */
class UnsettledMergesException extends RuntimeException {

	UnsettledMergesException(long jobExecutionId, List<AuditRecord> unsettled, int listed) {
		super(unsettled.size() + " merges whose answer was lost cannot be settled from the API (status UNSETTLED): "
				+ unsettled.stream()
					.limit(listed)
					.map((row) -> "group " + row.plan().groupKey() + " (survivor " + row.plan().survivorId() + ", sources "
							+ row.unsettledIds() + ": " + row.outcome().detail() + ")")
					.collect(Collectors.joining("; "))
				+ ((unsettled.size() > listed) ? "; and " + (unsettled.size() - listed) + " more" : "")
				+ ". Check those contacts in Invent, record what you found with: java -jar invent-dedup.jar --settle "
				+ jobExecutionId + " GROUP_KEY merged|not-merged --reason=\"...\" then run the same command again");
	}

}
