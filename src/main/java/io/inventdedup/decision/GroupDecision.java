package io.inventdedup.decision;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.inventdedup.audit.AuditStatus;

/**
 * A person's decision on groups of a run, defined once: its word ({@code --approve} on the command
 * line, {@code "approve"} in the review's requests), how it is typed, whether it keeps a reason, the
 * groups it may name, the state it leaves them in, and what it says it did. The command line's
 * commands, the review's requests and answers and the help derive from it; {@link Decisions} records it.
 */
public enum GroupDecision {

	/** A person says a group waiting for review is one person's: the next real run merges it. */
	APPROVE(Kind.APPROVAL, false, "Approved", "the next real run of the org merges each while it is still as approved",
			"The next real run of the org merges each of them while its plan is still the approved one (for "
					+ "dedup.plan-max-age); one that changed waits for review again: changed-since-review"),

	/** An approval taken back: the group waits for review again. */
	UNAPPROVE(Kind.APPROVAL, true, "Took back the approval of", null, null),

	/** A person says a planned or queued group must not be merged. */
	REJECT(Kind.REJECTION, false, "Rejected", "no run merges them while they stay the same",
			"An apply run of this plan (plan=%d) skips them, and every later run skips those that waited for "
					+ "review while their members stay the same: rejected-in-review"),

	/** A rejection taken back. */
	UNREJECT(Kind.REJECTION, true, "Took back the rejection of", null, null);

	/** What a group of a run is, as people decided it. */
	public enum State {

		UNDECIDED, APPROVED, REJECTED

	}

	/** The two decisions a group may take; each is recorded, and taken back, on its own. */
	public enum Kind {

		/**
		 * Groups waiting for review, and groups skipped because their names say different people
		 * ({@code names-differ}), which a person who knows better may still merge.
		 */
		APPROVAL(State.APPROVED, List.of(AuditStatus.NEEDS_REVIEW, AuditStatus.SKIPPED)),

		/** A dry run's planned groups, and groups waiting for review. */
		REJECTION(State.REJECTED, List.of(AuditStatus.PLANNED, AuditStatus.NEEDS_REVIEW));

		private final State state;

		private final List<AuditStatus> statuses;

		Kind(State state, List<AuditStatus> statuses) {
			this.state = state;
			this.statuses = statuses;
		}

		/** The statuses of the rows it may name. */
		public List<AuditStatus> statuses() {
			return this.statuses;
		}

	}

	private final Kind kind;

	private final boolean takesBack;

	private final String verb;

	private final @Nullable String effect;

	private final @Nullable String next;

	GroupDecision(Kind kind, boolean takesBack, String verb, @Nullable String effect, @Nullable String next) {
		this.kind = kind;
		this.takesBack = takesBack;
		this.verb = verb;
		this.effect = effect;
		this.next = next;
	}

	/** The decision a page, a request or a command names ({@code approve}), or empty for any other word. */
	public static Optional<GroupDecision> named(@Nullable String word) {
		return Arrays.stream(values()).filter((decision) -> decision.word().equals(word)).findFirst();
	}

	/** Every decision's word, as help says them: {@code approve|unapprove|reject|unreject}. */
	public static String words() {
		return Arrays.stream(values()).map(GroupDecision::word).collect(Collectors.joining("|"));
	}

	/** Its word: the command {@code --approve}, the request's {@code "decision": "approve"}. */
	public String word() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The command as it is typed, for help and messages. */
	public String usage() {
		return "--" + word() + " ID KEY..." + (needsReason() ? " --reason=TEXT [--by=NAME]" : "");
	}

	/** Whether it keeps a reason and a name (an undo keeps neither). */
	public boolean needsReason() {
		return !this.takesBack;
	}

	/** The decision it is or takes back. */
	public Kind kind() {
		return this.kind;
	}

	/** Whether it takes a decision back. */
	public boolean takesBack() {
		return this.takesBack;
	}

	/** The state it leaves the groups it names in. */
	public State leaves() {
		return this.takesBack ? State.UNDECIDED : this.kind.state;
	}

	/**
	 * What it did, in words, the number of groups in its right form: {@code Approved 1 group, by carol:
	 * the next real run ...}, {@code Took back the rejection of 2 groups}.
	 */
	public String said(int groups, String by) {
		String counted = groups + ((groups == 1) ? " group" : " groups");
		return (this.effect != null) ? this.verb + " " + counted + ", by " + by + ": " + this.effect
				: this.verb + " " + counted;
	}

	/** Its first words on a terminal ({@code Approved}, {@code Took back the approval of}). */
	public String verb() {
		return this.verb;
	}

	/** What the runs do now, said in full for the command line; null for an undo. */
	public @Nullable String next(long executionId) {
		return (this.next != null) ? String.format(Locale.ROOT, this.next, executionId) : null;
	}

}
