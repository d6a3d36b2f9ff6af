package io.inventdedup.cli;

import java.io.PrintStream;

import io.inventdedup.audit.AuditRecord;
import io.inventdedup.decision.DecisionRefusedException;
import io.inventdedup.decision.ManualSettlement;

/**
 * {@code --settle ID KEY merged|not-merged --reason=TEXT}: the last resort for a merge whose answer
 * was lost and that the API cannot settle. The rules are {@link ManualSettlement}'s; this class says
 * on a terminal what it did, or why nothing was changed (exit 2).
 */
class SettleCommand {

	private final ManualSettlement settlement;

	private final PrintStream out;

	private final PrintStream err;

	SettleCommand(ManualSettlement settlement, PrintStream out, PrintStream err) {
		this.settlement = settlement;
		this.out = out;
		this.err = err;
	}

	int settle(long jobExecutionId, String groupKey, boolean merged, String reason, String by) {
		ManualSettlement.Settled done;
		try {
			done = this.settlement.settle(jobExecutionId, groupKey, merged, reason, by);
		}
		catch (DecisionRefusedException ex) {
			this.err.println(ex.getMessage() + "; nothing was changed");
			return 2;
		}
		AuditRecord settled = done.settled();
		this.out.printf("Settled group %s of run %d as %s: now %s%s, merged %s into %s.%n", groupKey,
				settled.plan().jobInstanceId(), merged ? "merged" : "not merged", settled.outcome().status(),
				(settled.outcome().reason() != null) ? " (" + settled.outcome().reason() + ")" : "", settled.outcome().mergedIds(),
				done.found().plan().survivorId());
		this.out.println("Run the run's command again to complete it"
				+ ((settled.outcome().followUp() != null) ? " (it sends the follow-up update planned for the survivor)" : ""));
		return 0;
	}

}
