package io.inventdedup.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.inventdedup.audit.AuditRecord;
import io.inventdedup.decision.DecisionRefusedException;
import io.inventdedup.decision.DecisionRepository;
import io.inventdedup.decision.Decisions;
import io.inventdedup.decision.GroupDecision;

/**
 * The review commands, on the database alone: {@code --reject ID KEY... --reason=TEXT} and
 * {@code --unreject ID KEY...} on the planned groups of a dry run and on the groups of any run that
 * wait for review (a KEY is a {@code group_key}, or a contact id standing for every such group that
 * holds it), {@code --approve ID KEY... --reason=TEXT} and {@code --unapprove ID KEY...} on the groups
 * that wait for review (NEEDS_REVIEW), {@code --hold ORG CONTACT...
 * --reason=TEXT}, {@code --release ORG CONTACT...} and {@code --holds ORG}. The rules are
 * {@link Decisions}'; this class says on a terminal what they did. A command that names nothing it
 * can act on changes nothing and exits 2.
 */
class ReviewCommand {

	private final Decisions decisions;

	private final DecisionRepository decisionRepository;

	private final PrintStream out;

	private final PrintStream err;

	ReviewCommand(Decisions decisions, DecisionRepository decisionRepository, PrintStream out, PrintStream err) {
		this.decisions = decisions;
		this.decisionRepository = decisionRepository;
		this.out = out;
		this.err = err;
	}

	/** Records a decision on groups of the run of this job execution, and says what it did. */
	int decide(GroupDecision decision, long executionId, List<String> keys, @Nullable String reason, String by) {
		return refusedOr(() -> {
			Decisions.Decided decided = this.decisions.decide(decision, executionId, keys, null, reason,
					decision.needsReason() ? by : "command line");
			if (decision.takesBack()) {
				this.out.printf("%s %s of run %d (job execution %d): %s%n", decision.verb(),
						groups(decided.changed().size()), decided.runInstanceId(), executionId, decided.changed());
				return;
			}
			this.out.printf("%s %s of run %d (job execution %d), by %s: %s%n", decision.verb(),
					groups(decided.groups().size()), decided.runInstanceId(), executionId, by, reason);
			printGroups(decided.groups());
			this.out.println(decision.next(executionId));
		});
	}

	/** Each group a decision names, with the merge it was planned as. */
	private void printGroups(Map<String, AuditRecord> groups) {
		groups.values()
			.forEach((row) -> this.out.printf("  %s  survivor %s, sources %s%n", row.plan().groupKey(), row.plan().survivorId(),
					row.plan().sourceIds()));
	}

	int hold(String orgId, List<String> contactIds, String reason, String by) {
		return refusedOr(() -> {
			this.decisions.hold(orgId, contactIds, reason, by);
			this.out.printf("Holding %d %s of org %s, by %s: %s%n  %s%nEvery run excludes %s (reason held) "
					+ "from the next group it plans on.%n", contactIds.size(), (contactIds.size() == 1) ? "contact" : "contacts",
					orgId, by, reason, contactIds, (contactIds.size() == 1) ? "it" : "them");
		});
	}

	int release(String orgId, List<String> contactIds) {
		return refusedOr(() -> {
			List<String> released = this.decisions.release(orgId, contactIds);
			List<String> notHeld = new ArrayList<>(contactIds);
			notHeld.removeAll(released);
			this.out.printf("Released %d contacts of org %s: %s%n", released.size(), orgId, released);
			if (!notHeld.isEmpty()) {
				this.out.printf("Not held, nothing to release: %s%n", notHeld);
			}
		});
	}

	int holds(String orgId) {
		List<DecisionRepository.Hold> holds = this.decisionRepository.holds(orgId);
		this.out.printf("%d contacts of org %s are held%n", holds.size(), orgId);
		holds.forEach((hold) -> this.out.printf("  %-30s %s%n", hold.contactId(), hold.describe()));
		return 0;
	}

	private static String groups(int count) {
		return count + ((count == 1) ? " group" : " groups");
	}

	/** Runs the decision: 0, or 2 with the refusal's message when it was refused. */
	private int refusedOr(Runnable decision) {
		try {
			decision.run();
			return 0;
		}
		catch (DecisionRefusedException ex) {
			this.err.println(ex.getMessage() + "; nothing was changed");
			return 2;
		}
	}

}
