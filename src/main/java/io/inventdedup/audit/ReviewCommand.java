package io.inventdedup.audit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The review commands, on the database alone: {@code --reject ID KEY... --reason=TEXT} and
 * {@code --unreject ID KEY...} on the planned groups of a dry run (a KEY is a {@code group_key}, or
 * a contact id standing for every planned group that holds it), {@code --hold ORG CONTACT...
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

	int reject(long planExecutionId, List<String> keys, String reason, String by) {
		Optional<Long> plan = this.audit.instanceOf(planExecutionId);
		Map<String, AuditRecord> groups = planned(planExecutionId, plan, keys);
		if (groups == null) {
			return 2;
		}
		this.reviews.reject(plan.get(), groups.keySet(), reason, by);
		this.out.printf("Rejected %d planned groups of plan %d (run %d), by %s: %s%n", groups.size(), planExecutionId,
				plan.get(), by, reason);
		groups.values()
			.forEach((row) -> this.out.printf("  %s  survivor %s, sources %s%n", row.groupKey(), row.survivorId(),
					row.sourceIds()));
		this.out.println("An apply run of this plan (plan=" + planExecutionId + ") skips them: rejected-in-review");
		return 0;
	}

	int unreject(long planExecutionId, List<String> keys) {
		Optional<Long> plan = this.audit.instanceOf(planExecutionId);
		Map<String, AuditRecord> groups = planned(planExecutionId, plan, keys);
		if (groups == null) {
			return 2;
		}
		List<String> unrejected = this.reviews.unreject(plan.get(), groups.keySet());
		this.out.printf("Took back the rejection of %d groups of plan %d: %s%n", unrejected.size(), planExecutionId,
				unrejected);
		return 0;
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
	 * The planned groups the keys name, by group key; null (and a message) when there is no such
	 * run or a key names none.
	 */
	private Map<String, AuditRecord> planned(long planExecutionId, Optional<Long> plan, List<String> keys) {
		if (plan.isEmpty()) {
			refuse("No run has job execution " + planExecutionId + ": --report lists the runs");
			return null;
		}
		long planInstanceId = plan.get();
		Map<String, AuditRecord> groups = new LinkedHashMap<>();
		List<String> unmatched = new ArrayList<>();
		for (String key : keys) {
			List<AuditRecord> found = this.audit.findPlannedGroups(planInstanceId, key);
			if (found.isEmpty()) {
				unmatched.add(key);
			}
			found.forEach((row) -> groups.put(row.groupKey(), row));
		}
		if (!unmatched.isEmpty()) {
			refuse("These keys match no planned group of run " + planInstanceId + " (a key is a group_key or the id "
					+ "of a contact in a PLANNED row of that dry run): " + unmatched);
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
