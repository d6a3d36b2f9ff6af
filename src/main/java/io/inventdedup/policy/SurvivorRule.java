package io.inventdedup.policy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * How the survivor of a group is chosen among its eligible contacts. Every rule ends with the
 * smallest id, so that a plan never depends on the order in which the API listed the group.
 */
public enum SurvivorRule {

	/** The contact created first. */
	OLDEST("oldest"),

	/** The contact created last. */
	NEWEST("newest"),

	/** The API's recommended primary when it is eligible, else the oldest. */
	RECOMMENDED("recommended"),

	/** The contact with the most channels; ties go to the oldest. */
	MOST_CHANNELS("most-channels");

	private static final Comparator<Contact> BY_ID = Comparator.comparing(Contact::id);

	private static final Comparator<Contact> OLDEST_FIRST = Comparator.comparing(Contact::createdAt).thenComparing(BY_ID);

	private final String code;

	SurvivorRule(String code) {
		this.code = code;
	}

	/** The name an operator types, e.g. {@code most-channels}. */
	public String code() {
		return this.code;
	}

	/**
	 * Orders contacts from the best survivor to the worst.
	 * @param recommendedId the id of the group's recommended primary
	 */
	Comparator<Contact> preference(String recommendedId) {
		return switch (this) {
			case OLDEST -> OLDEST_FIRST;
			case NEWEST -> Comparator.comparing(Contact::createdAt).reversed().thenComparing(BY_ID);
			case RECOMMENDED -> Comparator.comparing((Contact contact) -> !contact.id().equals(recommendedId))
				.thenComparing(OLDEST_FIRST);
			case MOST_CHANNELS -> Comparator.comparingInt(Contact::channelCount).reversed().thenComparing(OLDEST_FIRST);
		};
	}

	/**
	 * The rule an operator named.
	 * @throws IllegalArgumentException naming the valid codes when there is no such rule
	 */
	public static SurvivorRule fromCode(String code) {
		return Arrays.stream(values())
			.filter((rule) -> rule.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown survivor rule '" + code + "'; valid rules: "
					+ Arrays.stream(values()).map(SurvivorRule::code).collect(Collectors.joining(", "))));
	}

}
