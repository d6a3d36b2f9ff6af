package io.inventdedup.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.inventdedup.policy.Exclusion;
import io.inventdedup.policy.SurvivorRule;

/**
 * What each decision on a queued group will do, in words a reviewer reads before deciding: which
 * contacts merge into which (and why that one survives), by which run, what the survivor then
 * carries; what a rejection keeps; that skipping records nothing.
 */
public final class DecisionEffects {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DecisionEffects() {
	}

	/**
	 * The words of each action on a group waiting for a person.
	 * @param approve what an approval does
	 * @param reject what a rejection does
	 * @param skip what skipping does
	 */
	public record Effects(String approve, String reject, String skip) {

	}

	/**
	 * The effects of each decision on a queued group, its contacts named.
	 * @param names the group's members' names, by contact id
	 */
	public static Effects of(DecisionRepository.QueuedGroup group, Map<String, String> names) {
		Function<String, String> person = (id) -> person(names, id);
		String merge = (group.survivorId() == null || group.sources().isEmpty()) ? "nothing is merged"
				: String.join(", ", group.sources().stream().map(person).toList()) + " will be merged into "
						+ person.apply(group.survivorId()) + survivorWhy(group.policy()) + " by the next real run of org "
						+ group.orgId() + excluded(group.excluded(), person) + followUp(group.plannedUpdate());
		return new Effects(merge + ", while the group stays as it is now (one that changes waits for a person again)",
				"No run of org " + group.orgId() + " merges these contacts while the group stays as it is now; "
						+ "undo takes the rejection back",
				"Nothing is recorded: the group stays in the queue for later or for someone else");
	}

	/** {@code  (the oldest)}: why that contact survives, from the run's survivor rule. */
	static String survivorWhy(@Nullable String policy) {
		String code = (policy != null) ? JSON.readTree(policy).path("survivor").asString("") : "";
		for (SurvivorRule rule : SurvivorRule.values()) {
			if (rule.code().equals(code)) {
				return switch (rule) {
					case OLDEST -> " (the oldest)";
					case NEWEST -> " (the newest)";
					case RECOMMENDED -> " (Invent's recommended primary)";
					case MOST_CHANNELS -> " (the one with the most channels)";
				};
			}
		}
		return "";
	}

	/** {@code "Ann Lee" (ct_1)}: a contact by its name, its id beside it; {@code (no name) (ct_1)} without one. */
	static String person(Map<String, String> names, String id) {
		String name = names.get(id);
		if (name == null || name.isBlank()) {
			return "(no name) (" + id + ")";
		}
		return "\"" + ((name.length() > 80) ? name.substring(0, 80) + "…" : name) + "\" (" + id + ")";
	}

	private static String excluded(List<Exclusion> excluded, Function<String, String> person) {
		if (excluded.isEmpty()) {
			return "";
		}
		return "; left out: " + String.join(", ", excluded.stream()
			.map((exclusion) -> person.apply(exclusion.contactId()) + " (" + exclusion.reason().code() + ")")
			.toList());
	}

	/** {@code ; then the survivor is unsubscribed and named "Ann Lee"}, or nothing. */
	static String followUp(@Nullable String plannedUpdate) {
		if (plannedUpdate == null) {
			return "";
		}
		JsonNode update = JSON.readTree(plannedUpdate);
		List<String> carries = new ArrayList<>();
		if (update.path("unsubscribed").asBoolean(false)) {
			carries.add("unsubscribed (a source had opted out)");
		}
		if (update.path("blocked").asBoolean(false)) {
			carries.add("blocked (a source was)");
		}
		if (update.hasNonNull("name")) {
			carries.add("named \"" + update.get("name").asString() + "\" (it had no name)");
		}
		return carries.isEmpty() ? "" : "; then the survivor is " + String.join(" and ", carries);
	}

}
