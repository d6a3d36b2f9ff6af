package io.inventdedup.invent;

/**
 * A filter of {@code GET /orgs/{org}/contacts} that finds a contact by one of its channels.
 *
 * @param name the query parameter: {@code email}, {@code user_id} or {@code username}
 * @param value what the channel holds
 */
public record ContactFilter(String name, String value) {

	/** The channel fields the vendor's pages document as filters of the contact listing. */
	static final String[] NAMES = { "email", "user_id", "username" };

	@Override
	public String toString() {
		return this.name + " " + this.value;
	}

}
