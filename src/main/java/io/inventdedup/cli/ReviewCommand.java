package io.inventdedup.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.inventdedup.audit.AuditRecord;
import io.inventdedup.decision.DecisionRefusedException;
import io.inventdedup.decision.DecisionRepository;
import io.inventdedup.decision.Decisions;

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

	int reject(long planExecutionId, List<String> keys, String reason, String by) {
		return refusedOr(() -> {
			Decisions.Decided decided = this.decisions.decide(Decisions.OnGroups.REJECT, planExecutionId, keys, null,
					reason, by);
			this.out.printf("Rejected %s of run %d (job execution %d), by %s: %s%n", groups(decided.groups().size()),
					decided.runInstanceId(), planExecutionId, by, reason);
			printGroups(decided.groups());
			this.out.println("An apply run of this plan (plan=" + planExecutionId + ") skips them, and every later "
					+ "run skips those that waited for review while their members stay the same: rejected-in-review");
		});
	}

	int unreject(long planExecutionId, List<String> keys) {
		return refusedOr(() -> {
			Decisions.Decided decided = this.decisions.decide(Decisions.OnGroups.UNREJECT, planExecutionId, keys, null,
					null, "command line");
			this.out.printf("Took back the rejection of %s of plan %d: %s%n", groups(decided.changed().size()),
					planExecutionId, decided.changed());
		});
	}

	int approve(long runExecutionId, List<String> keys, String reason, String by) {
		return refusedOr(() -> {
			Decisions.Decided decided = this.decisions.decide(Decisions.OnGroups.APPROVE, runExecutionId, keys, null,
					reason, by);
			this.out.printf("Approved %s of run %d (job execution %d), by %s: %s%n", groups(decided.groups().size()),
					decided.runInstanceId(), runExecutionId, by, reason);
			printGroups(decided.groups());
			this.out.println("The next real run of the org merges each of them while its plan is still the approved "
					+ "one (for dedup.plan-max-age); one that changed waits for review again: changed-since-review");
		});
	}

	int unapprove(long runExecutionId, List<String> keys) {
		return refusedOr(() -> {
			Decisions.Decided decided = this.decisions.decide(Decisions.OnGroups.UNAPPROVE, runExecutionId, keys, null,
					null, "command line");
			this.out.printf("Took back the approval of %s of run %d: %s%n", groups(decided.changed().size()),
					runExecutionId, decided.changed());
		});
	}

	/** Each group a decision names, with the merge it was planned as. */
	private void printGroups(Map<String, AuditRecord> groups) {
		groups.values()
			.forEach((row) -> this.out.printf("  %s  survivor %s, sources %s%n", row.groupKey(), row.survivorId(),
					row.sourceIds()));
	}

	int hold(String orgId, List<String> contactIds, String reason, String by) {
		return refusedOr(() -> {
			this.decisions.hold(orgId, contactIds, reason, by);
			this.out.printf("Holding %d contacts of org %s, by %s: %s%n  %s%nEvery run excludes them (reason held) "
					+ "from the next group it plans on.%n", contactIds.size(), orgId, by, reason, contactIds);
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
