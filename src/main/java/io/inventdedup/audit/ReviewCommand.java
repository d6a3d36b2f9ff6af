package io.inventdedup.audit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The review commands, on the database alone: {@code --reject ID KEY... --reason=TEXT} and
 * {@code --unreject ID KEY...} on the planned groups of a dry run and on the groups of any run that
 * wait for review (a KEY is a {@code group_key}, or a contact id standing for every such group that
 * holds it), {@code --approve ID KEY... --reason=TEXT} and {@code --unapprove ID KEY...} on the groups
 * that wait for review (NEEDS_REVIEW), {@code --hold ORG CONTACT...
 * --reason=TEXT}, {@code --release ORG CONTACT...} and {@code --holds ORG}. A command that names
 * nothing it can act on changes nothing and exits 2.
 */
class ReviewCommand {

	private static final int MAX_ID_LENGTH = 200;

	private final AuditRepository audit;

	private final ReviewRepository reviews;

	private final PrintStream out;

	private final PrintStream err;

	ReviewCommand(AuditRepository audit, ReviewRepository reviews, PrintStream out, PrintStream err) {
		this.audit = audit;
		this.reviews = reviews;
		this.out = out;
		this.err = err;
	}

	/** What a rejection may name: a dry run's planned groups, and groups waiting for review. */
	private static final List<AuditStatus> REJECTABLE = List.of(AuditStatus.PLANNED, AuditStatus.NEEDS_REVIEW);

	/** What an approval may name: groups waiting for review. */
	private static final List<AuditStatus> APPROVABLE = List.of(AuditStatus.NEEDS_REVIEW);

	int reject(long planExecutionId, List<String> keys, String reason, String by) {
		Optional<Long> plan = this.audit.instanceOf(planExecutionId);
		Map<String, AuditRecord> groups = groups(planExecutionId, plan, keys, REJECTABLE);
		if (groups == null) {
			return 2;
		}
		this.reviews.reject(plan.get(), groups.keySet(), reason, by);
		this.out.printf("Rejected %d groups of run %d (job execution %d), by %s: %s%n", groups.size(), plan.get(),
				planExecutionId, by, reason);
		printGroups(groups);
		this.out.println("An apply run of this plan (plan=" + planExecutionId + ") skips them, and every later run "
				+ "skips those that waited for review while their members stay the same: rejected-in-review");
		return 0;
	}

	int unreject(long planExecutionId, List<String> keys) {
		Optional<Long> plan = this.audit.instanceOf(planExecutionId);
		Map<String, AuditRecord> groups = groups(planExecutionId, plan, keys, REJECTABLE);
		if (groups == null) {
			return 2;
		}
		List<String> unrejected = this.reviews.unreject(plan.get(), groups.keySet());
		this.out.printf("Took back the rejection of %d groups of plan %d: %s%n", unrejected.size(), planExecutionId,
				unrejected);
		return 0;
	}

	int approve(long runExecutionId, List<String> keys, String reason, String by) {
		Optional<Long> run = this.audit.instanceOf(runExecutionId);
		Map<String, AuditRecord> groups = groups(runExecutionId, run, keys, APPROVABLE);
		if (groups == null) {
			return 2;
		}
		this.reviews.approve(run.get(), groups.keySet(), reason, by);
		this.out.printf("Approved %d groups of run %d (job execution %d), by %s: %s%n", groups.size(), run.get(),
				runExecutionId, by, reason);
		printGroups(groups);
		this.out.println("The next real run of the org merges each of them while its plan is still the approved one "
				+ "(for dedup.plan-max-age); one that changed waits for review again: changed-since-review");
		return 0;
	}

	int unapprove(long runExecutionId, List<String> keys) {
		Optional<Long> run = this.audit.instanceOf(runExecutionId);
		Map<String, AuditRecord> groups = groups(runExecutionId, run, keys, APPROVABLE);
		if (groups == null) {
			return 2;
		}
		List<String> unapproved = this.reviews.unapprove(run.get(), groups.keySet());
		this.out.printf("Took back the approval of %d groups of run %d: %s%n", unapproved.size(), runExecutionId,
				unapproved);
		return 0;
	}

	/** Each group a decision names, with the merge it was planned as. */
	private void printGroups(Map<String, AuditRecord> groups) {
		groups.values()
			.forEach((row) -> this.out.printf("  %s  survivor %s, sources %s%n", row.groupKey(), row.survivorId(),
					row.sourceIds()));
	}

	int hold(String orgId, List<String> contactIds, String reason, String by) {
		if (!validIds(orgId, contactIds)) {
			return 2;
		}
		this.reviews.hold(orgId, contactIds, reason, by);
		this.out.printf("Holding %d contacts of org %s, by %s: %s%n  %s%nEvery run excludes them (reason held) "
				+ "from the next group it plans on.%n", contactIds.size(), orgId, by, reason, contactIds);
		return 0;
	}

	int release(String orgId, List<String> contactIds) {
		if (!validIds(orgId, contactIds)) {
			return 2;
		}
		List<String> released = this.reviews.release(orgId, contactIds);
		List<String> notHeld = new ArrayList<>(contactIds);
		notHeld.removeAll(released);
		this.out.printf("Released %d contacts of org %s: %s%n", released.size(), orgId, released);
		if (!notHeld.isEmpty()) {
			this.out.printf("Not held, nothing to release: %s%n", notHeld);
		}
		return 0;
	}

	int holds(String orgId) {
		List<Map<String, Object>> holds = this.reviews.holds(orgId);
		this.out.printf("%d contacts of org %s are held%n", holds.size(), orgId);
		holds.forEach((hold) -> this.out.printf("  %-30s by %-12s at %s: %s%n", hold.get("contact_id"),
				hold.get("held_by"), hold.get("held_at"), hold.get("reason")));
		return 0;
	}

	/**
	 * The groups in these statuses that the keys name, by group key; null (and a message) when there
	 * is no such run or a key names none.
	 */
	private Map<String, AuditRecord> groups(long executionId, Optional<Long> run, List<String> keys,
			List<AuditStatus> statuses) {
		if (run.isEmpty()) {
			refuse("No run has job execution " + executionId + ": --report lists the runs");
			return null;
		}
		long planInstanceId = run.get();
		Map<String, AuditRecord> groups = new LinkedHashMap<>();
		List<String> unmatched = new ArrayList<>();
		for (String key : keys) {
			List<AuditRecord> found = this.audit.findGroups(planInstanceId, statuses, key);
			if (found.isEmpty()) {
				unmatched.add(key);
			}
			found.forEach((row) -> groups.put(row.groupKey(), row));
		}
		if (!unmatched.isEmpty()) {
			refuse("These keys match no group of run " + planInstanceId + " in status "
					+ String.join(" or ", statuses.stream().map(AuditStatus::name).toList())
					+ " (a key is a group_key or the id of a contact in such a row): " + unmatched);
			return null;
		}
		return groups;
	}

	private boolean validIds(String orgId, List<String> contactIds) {
		for (String id : contactIds) {
			if (id.isBlank() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
				refuse("'" + id.replaceAll("\\p{Cntrl}", "?") + "' cannot be a contact id (empty, longer than "
						+ MAX_ID_LENGTH + " characters, or with control characters)");
				return false;
			}
		}
		if (orgId.isBlank() || orgId.length() > 100 || !orgId.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
			refuse("'" + orgId.replaceAll("\\p{Cntrl}", "?") + "' cannot be an Invent org id");
			return false;
		}
		return true;
	}

	private int refuse(String message) {
		this.err.println(message + "; nothing was changed");
		return 2;
	}

}
