package io.inventdedup.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A contact of a simulated org being described, with readable defaults (a name of its id, created
 * 2022-01-01, not admin, not blocked, subscribed, no channel); {@link #add} adds it:
 * {@code org.newContact("ct_1").named("Ann Lee").createdAt("2023-05-01").email("ann@example.test").add()}.
 */
public final class NewContact {

	private final SimOrg org;


	private final String id;

	private String name;

	private Instant createdAt = Instant.parse("2022-01-01T00:00:00Z");

	private boolean admin;

	private boolean blocked;

	private boolean unsubscribed;

	private final List<String> identities = new ArrayList<>();

	NewContact(SimOrg org, String id) {
		this.org = org;
		this.id = id;
		this.name = id;
	}

	/** Its name, or null for a contact without one. */
	public NewContact named(String name) {
		this.name = name;
		return this;
	}

	public NewContact createdAt(Instant createdAt) {
		this.createdAt = createdAt;
		return this;
	}

	/** {@code 2023-05-01}, at midnight UTC. */
	public NewContact createdAt(String date) {
		return createdAt(Instant.parse(date + "T00:00:00Z"));
	}

	public NewContact admin(boolean admin) {
		this.admin = admin;
		return this;
	}

	public NewContact admin() {
		return admin(true);
	}

	public NewContact blocked(boolean blocked) {
		this.blocked = blocked;
		return this;
	}

	public NewContact blocked() {
		return blocked(true);
	}

	public NewContact unsubscribed(boolean unsubscribed) {
		this.unsubscribed = unsubscribed;
		return this;
	}

	public NewContact unsubscribed() {
		return unsubscribed(true);
	}

	/** Channels, one per identity given as {@code type:userId} ({@code email:ann@example.test}). */
	public NewContact channels(String... identities) {
		this.identities.addAll(List.of(identities));
		return this;
	}

	public NewContact email(String email) {
		return channels("email:" + email);
	}

	public NewContact phone(String phone) {
		return channels("phone:" + phone);
	}

	public SimContact add() {
		SimContact contact = new SimContact(this.id, this.name, this.createdAt, this.admin, this.blocked,
				this.unsubscribed);
		for (String identity : this.identities) {
			int colon = identity.indexOf(':');
			contact.channels.add(new SimContact.SimChannel("ch_" + this.id + "_" + contact.channels.size(),
					identity.substring(0, colon), identity.substring(colon + 1)));
		}
		return this.org.add(contact);
	}


}
