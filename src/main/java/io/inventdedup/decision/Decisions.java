package io.inventdedup.decision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.inventdedup.audit.AuditRecord;
import io.inventdedup.audit.AuditRepository;
import io.inventdedup.audit.AuditStatus;
import io.inventdedup.audit.RunLookups;
import io.inventdedup.policy.SkipReason;

import org.springframework.transaction.support.TransactionOperations;

/**
 * The rules of a person's decisions, one copy for the command line ({@code --approve}, {@code --reject},
 * {@code --hold}, ...) and the review in a browser: what each decision may name, what text it keeps,
 * and what it records. A decision that names nothing it can act on, or whose text is refused, changes
 * nothing and throws {@link DecisionRefusedException} with a message that says why.
 */
public class Decisions {

	private static final int MAX_ID_LENGTH = 200;

	/** The most groups one decision names: what a run's page shows at most ({@code invent-dedup.review.page-limit}). */
	public static final int MAX_KEYS = 20_000;

	/** The one reason of a skipped group that a person may overrule. */
	private static final String NAMES_DIFFER = SkipReason.NAMES_DIFFER.code();

	private final AuditRepository audit;

	private final RunLookups runs;

	private final DecisionRepository repository;

	private final TransactionOperations transactions;

	public Decisions(AuditRepository audit, RunLookups runs, DecisionRepository repository,
			TransactionOperations transactions) {
		this.audit = audit;
		this.runs = runs;
		this.repository = repository;
		this.transactions = transactions;
	}

	/**
	 * What a decision on groups did.
	 * @param runInstanceId the run the groups belong to
	 * @param groups the groups it named, by group key, as planned
	 * @param changed the groups it changed: all of them for an approval or a rejection, those that were
	 * decided for an undo
	 */
	public record Decided(long runInstanceId, Map<String, AuditRecord> groups, List<String> changed) {

	}

	/**
	 * Records the decision on the groups of the run of this job execution that the keys name (a
	 * {@code group_key}, or a contact id standing for each such group that holds it). One transaction
	 * that first locks the groups' rows: of two people deciding on one group at once, the second
	 * waits for the first and is then refused, told who decided first, when the two decisions
	 * contradict (an approval and a rejection) or when the group changed since the page it decided on.
	 * @param versions when given, the version of each group as the person saw it
	 * ({@link #version}): a group that changed since is refused
	 */
	public Decided decide(GroupDecision decision, long executionId, List<String> keys, @Nullable Map<String, String> versions,
			@Nullable String reason, String by) {
		checkText(decision.needsReason() ? reason : null, by);
		malformed(keys).ifPresent((problem) -> {
			throw new DecisionRefusedException(problem);
		});
		Optional<Long> run = this.runs.instanceOf(executionId);
		if (run.isEmpty()) {
			throw new DecisionRefusedException("No run has job execution " + executionId + ": --report lists the runs");
		}
		Decided decided = this.transactions.execute((status) -> decideLocked(decision, run.get(), keys, versions, reason, by));
		return Objects.requireNonNull(decided);
	}

	private Decided decideLocked(GroupDecision decision, long run, List<String> keys,
			@Nullable Map<String, String> versions, @Nullable String reason, String by) {
		Map<String, AuditRecord> groups = groups(run, keys, decision.kind().statuses());
		// The lock first: a run records the PENDING row of a decided group under a share lock of it,
		// so what is read below is true until this transaction ends.
		this.audit.lockGroups(run, groups.keySet());
		refuseOnAppliedPlan(decision, run, groups);
		refuseOnActedOn(run, groups);
		if (!decision.takesBack()) {
			boolean approving = decision.kind() == GroupDecision.Kind.APPROVAL;
			Map<String, String> contradicted = this.repository.contradicted(run, groups.keySet(), approving);
			if (!contradicted.isEmpty()) {
				GroupDecision undo = approving ? GroupDecision.UNREJECT : GroupDecision.UNAPPROVE;
				throw new DecisionRefusedException("A group takes one decision, and these were decided first: "
						+ String.join("; ", contradicted.entrySet().stream().map((e) -> e.getKey() + " " + e.getValue())
							.toList())
						+ ". To decide otherwise, undo that decision first (--" + undo.word()
						+ " on the command line, or its undo on the run's page)");
			}
		}
		if (versions != null) {
			Map<String, String> now = versions(run, groups.keySet());
			List<String> changed = groups.keySet()
				.stream()
				.filter((key) -> !now.get(key).equals(versions.get(key)))
				.toList();
			if (!changed.isEmpty()) {
				throw new DecisionRefusedException("These groups changed since the page was loaded (another decision, "
						+ "or the run went on): " + changed + ". Reload the page, look at them again and decide anew");
			}
		}
		List<String> changed;
		if (decision.takesBack()) {
			changed = this.repository.takeBack(decision.kind(), run, groups.keySet());
		}
		else {
			this.repository.record(decision.kind(), run, groups.keySet(), Objects.requireNonNull(reason), by);
			changed = List.copyOf(groups.keySet());
		}
		return new Decided(run, groups, changed);
	}

	/**
	 * A group's version as a page shows it: its row's version and the version of the decisions on
	 * it, so that a decision taken on what the page showed is refused once either changed.
	 */
	public static String version(String rowVersion, DecisionRepository.@Nullable DecidedGroup decided) {
		return rowVersion + "." + ((decided != null) ? decided.version() : "undecided");
	}

	/**
	 * A group as a page shows it now.
	 * @param version its version ({@link #version})
	 * @param state the state people's decisions leave it in
	 * @param decision who decided what on it and when, in words, or null when no one did
	 */
	public record GroupNow(String version, GroupDecision.State state, @Nullable String decision) {

	}

	/** Each of these groups of the run as a page shows it now, by group key: one read of the rows, one of the decisions. */
	public Map<String, GroupNow> now(long run, Collection<String> groupKeys) {
		Map<String, DecisionRepository.DecidedGroup> decided = this.repository.decided(run, groupKeys);
		Map<String, GroupNow> now = new LinkedHashMap<>();
		this.runs.rowVersions(run, groupKeys).forEach((key, row) -> {
			DecisionRepository.DecidedGroup decision = decided.get(key);
			now.put(key, (decision != null) ? new GroupNow(version(row, decision), decision.state(), decision.decision())
					: new GroupNow(version(row, null), GroupDecision.State.UNDECIDED, null));
		});
		return now;
	}

	/** The version of each of these groups of the run as a page shows it ({@link #version}), by group key. */
	public Map<String, String> versions(long run, Collection<String> groupKeys) {
		Map<String, String> versions = new LinkedHashMap<>();
		now(run, groupKeys).forEach((key, group) -> versions.put(key, group.version()));
		return versions;
	}

	/**
	 * Refuses a decision on the planned groups of a dry run that an apply run took up and left: the
	 * apply run merged them as planned, and nothing decided now changes that. While the apply run
	 * goes, a decision on a group it has not sent yet is honoured (it reads the decision again before
	 * the merge, {@link #refuseOnActedOn} refuses the others). A queued group of such a run may still
	 * be decided: the next real run honours that decision.
	 */
	private void refuseOnAppliedPlan(GroupDecision decision, long run, Map<String, AuditRecord> groups) {
		List<String> planned = groups.values()
			.stream()
			.filter((row) -> row.outcome().status() == AuditStatus.PLANNED)
			.map((row) -> row.plan().groupKey())
			.toList();
		if (planned.isEmpty()) {
			return;
		}
		Optional<RunLookups.Application> applied = this.runs.applicationOf(run);
		if (applied.isPresent() && applied.get().going() && decision.takesBack()) {
			// Taking a rejection back changes nothing for a group the apply run took its turn on.
			Map<String, AuditRecord> taken = this.audit.findByGroupKeys(applied.get().run(), planned);
			if (!taken.isEmpty()) {
				throw new DecisionRefusedException(applied.get().describe(run) + ", which already took its turn on "
						+ String.join("; ", taken.values().stream().map((row) -> row.plan().groupKey() + " ("
								+ row.outcome().status() + ((row.outcome().reason() != null) ? " " + row.outcome().reason() : "")
								+ ")").toList())
						+ ": taking the rejection back changes nothing for it");
			}
		}
		applied.filter((application) -> !application.going()).ifPresent((application) -> {
			throw new DecisionRefusedException(application.describe(run) + ": "
					+ (decision.takesBack() ? "taking a rejection back" : "rejecting") + " now changes nothing ("
					+ planned.size() + ((planned.size() == 1) ? " planned group" : " planned groups")
					+ "); the apply run's page says what became of each");
		});
	}

	/** Refuses a decision on a group that a later run merged, or is merging, as it was decided. */
	private void refuseOnActedOn(long run, Map<String, AuditRecord> groups) {
		if (groups.isEmpty()) {
			return;
		}
		String orgId = groups.values().iterator().next().plan().orgId();
		Map<String, RunLookups.ActedOn> acted = this.audit.actedOn(orgId, run, groups.keySet());
		if (!acted.isEmpty()) {
			throw new DecisionRefusedException("A decision changes nothing on a group a run has merged or is merging: "
					+ String.join("; ", acted.entrySet().stream().map((e) -> e.getKey() + ": " + e.getValue().describe())
						.toList())
					+ ". Its page on that run says what became of it");
		}
	}

	/** Holds these contacts of the org: every run leaves them out of the groups it plans on. */
	public void hold(String orgId, List<String> contactIds, String reason, String by) {
		checkText(reason, by);
		checkIds(orgId, contactIds);
		this.repository.hold(orgId, contactIds, reason, by);
	}

	/**
	 * Holds (or, with a null reason, releases) a contact that a group of the run of this job execution
	 * holds, in that run's org: a page names contacts of its run, nothing else.
	 * @return the org
	 */
	public String holdInRun(long executionId, String contactId, @Nullable String reason, String by) {
		Optional<Long> run = this.runs.instanceOf(executionId);
		if (run.isEmpty() || !this.runs.runHolds(run.get(), contactId)) {
			throw new DecisionRefusedException("No group of run (job execution " + executionId + ") holds contact '"
					+ contactId.replaceAll("\\p{Cntrl}", "?") + "': a hold names a contact shown on the run's page");
		}
		String orgId = this.runs.orgOfRun(run.get()).orElseThrow();
		if (reason != null) {
			this.runs.mergedAway(orgId, contactId).ifPresent((merge) -> {
				throw new DecisionRefusedException("Contact '" + contactId.replaceAll("\\p{Cntrl}", "?")
						+ "' was merged into " + merge.plan().survivorId() + " by run " + merge.plan().jobInstanceId()
						+ ": it no longer exists in Invent, and holding it changes nothing (hold the survivor instead)");
			});
			hold(orgId, List.of(contactId), reason, by);
		}
		else {
			release(orgId, List.of(contactId));
		}
		return orgId;
	}

	/** Ends the holds of these contacts; answers those that were held. */
	public List<String> release(String orgId, List<String> contactIds) {
		checkIds(orgId, contactIds);
		return this.repository.release(orgId, contactIds);
	}

	private static void checkText(@Nullable String reason, String by) {
		Optional<String> problem = (reason != null) ? DecisionText.problemWithReason(reason)
				: Optional.empty();
		if (problem.isEmpty()) {
			problem = DecisionText.problemWithName(by);
		}
		problem.ifPresent((text) -> {
			throw new DecisionRefusedException(text);
		});
	}

	/** The groups in these statuses that the keys name, by group key; refused when a key names none. */
	private Map<String, AuditRecord> groups(long runInstanceId, Collection<String> keys, List<AuditStatus> statuses) {
		Map<String, AuditRecord> groups = new LinkedHashMap<>();
		Set<String> named = new HashSet<>(keys);
		Set<String> matched = new HashSet<>();
		for (AuditRecord row : this.audit.findGroups(runInstanceId, statuses, keys)) {
			if (row.outcome().status() == AuditStatus.SKIPPED && !NAMES_DIFFER.equals(row.outcome().reason())) {
				continue;
			}
			AuditRecord.Plan plan = row.plan();
			List<String> names = new ArrayList<>(plan.sourceIds());
			names.add(plan.groupKey());
			names.add(plan.survivorId());
			plan.excluded().forEach((exclusion) -> names.add(exclusion.contactId()));
			names.retainAll(named);
			if (!names.isEmpty()) {
				matched.addAll(names);
				groups.put(plan.groupKey(), row);
			}
		}
		List<String> unmatched = keys.stream()
			.filter((key) -> !matched.contains(key))
			.map((key) -> key.replaceAll("\\p{Cntrl}", "?"))
			.toList();
		if (!unmatched.isEmpty()) {
			throw new DecisionRefusedException("These keys match no group of run " + runInstanceId + " in status "
					+ String.join(" or ", statuses.stream()
						.map((status) -> (status == AuditStatus.SKIPPED) ? "SKIPPED (" + NAMES_DIFFER + ")" : status.name())
						.toList())
					+ " (a key is a group_key or the id of a contact in such a row): " + unmatched);
		}
		return groups;
	}

	/**
	 * What is wrong with the keys a decision names, before anything is looked up: none, more than
	 * {@value #MAX_KEYS}, or one that is empty or cannot be a key or an id.
	 */
	public static Optional<String> malformed(@Nullable List<String> keys) {
		if (keys == null || keys.isEmpty()) {
			return Optional.of("No group was named: select at least one");
		}
		if (keys.size() > MAX_KEYS) {
			return Optional.of("A decision names at most " + MAX_KEYS + " groups (a run's page at most), and this one "
					+ "names " + keys.size() + ": decide in parts");
		}
		for (int i = 0; i < keys.size(); i++) {
			String key = keys.get(i);
			if (key == null || key.isBlank() || key.length() > MAX_ID_LENGTH) {
				return Optional.of("Key " + (i + 1) + " of " + keys.size() + " is " + ((key == null) ? "null"
						: key.isBlank() ? "empty" : "longer than " + MAX_ID_LENGTH + " characters")
						+ ": a key is a group_key or a contact id");
			}
		}
		return Optional.empty();
	}

	private static void checkIds(String orgId, List<String> contactIds) {
		for (String id : contactIds) {
			if (id.isBlank() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
				throw new DecisionRefusedException("'" + id.replaceAll("\\p{Cntrl}", "?") + "' cannot be a contact id "
						+ "(empty, longer than " + MAX_ID_LENGTH + " characters, or with control characters)");
			}
		}
		if (orgId.isBlank() || orgId.length() > 100 || !orgId.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
			throw new DecisionRefusedException("'" + orgId.replaceAll("\\p{Cntrl}", "?") + "' cannot be an Invent org id");
		}
	}

}
