package io.inventdedup.policy;

/**
 * What looking for one contact in Invent found, after a merge whose answer was lost.
 *
 * @param presence whether the contact was found, is gone, or cannot be told
 * @param how how it was looked for, or why it could not be (for the audit's {@code detail})
 */
public record Sighting(Presence presence, String how) {

	/** Whether a contact was found. */
	public enum Presence {

		/** Found: by its id, or under one of its own channels. */
		FOUND,

		/** Looked for, and not there: not by its id, or under none of its channels. */
		GONE,

		/** Cannot be told: nothing to search by, or the API would not answer. */
		UNKNOWN

	}

	public static Sighting found(String how) {
		return new Sighting(Presence.FOUND, how);
	}

	public static Sighting gone(String how) {
		return new Sighting(Presence.GONE, how);
	}

	public static Sighting unknown(String why) {
		return new Sighting(Presence.UNKNOWN, why);
	}

}
