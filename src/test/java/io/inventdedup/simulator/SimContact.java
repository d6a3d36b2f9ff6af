package io.inventdedup.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A contact of the simulator. Mutable: merges move channels and segments onto the survivor.
 */
public final class SimContact {

	final String id;

	String name;

	final Instant createdAt;

	Instant updatedAt;

	boolean admin;

	boolean blocked;

	boolean unsubscribed;

	final List<SimChannel> channels = new ArrayList<>();

	final List<String> segments = new ArrayList<>();

	/** Who this contact really is (the generator's truth; never sent by the API), or null. */
	String person;

	/** Whether an update through the API set the name, and the name before the first such update. */
	private boolean renamed;

	private String nameBeforeUpdates;

	SimContact(String id, String name, Instant createdAt, boolean admin, boolean blocked, boolean unsubscribed) {
		this.id = id;
		this.name = name;
		this.createdAt = createdAt;
		this.updatedAt = createdAt;
		this.admin = admin;
		this.blocked = blocked;
		this.unsubscribed = unsubscribed;
	}

	public String id() {
		return this.id;
	}

	public String name() {
		return this.name;
	}

	/**
	 * The name as the org was made, before any update through the API (a follow-up gives a survivor
	 * its source's name): what a test computes the plan it expects from, before or after a run.
	 */
	public String nameAsMade() {
		return this.renamed ? this.nameBeforeUpdates : this.name;
	}

	/** Sets the name, as an update through the API does. */
	void rename(String name) {
		if (!this.renamed) {
			this.nameBeforeUpdates = this.name;
			this.renamed = true;
		}
		this.name = name;
	}

	/** Who this contact really is, as the generator made it: contacts of one person share it. */
	public String person() {
		return this.person;
	}

	public boolean admin() {
		return this.admin;
	}

	public boolean blocked() {
		return this.blocked;
	}

	public boolean unsubscribed() {
		return this.unsubscribed;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	/** Blocks the contact, or unblocks it. */
	public void blocked(boolean blocked) {
		this.blocked = blocked;
	}

	/** Makes the contact an admin of the org, or not. */
	public void admin(boolean admin) {
		this.admin = admin;
	}

	/** Makes the contact unsubscribed, or not. */
	public void unsubscribed(boolean unsubscribed) {
		this.unsubscribed = unsubscribed;
	}

	public List<SimChannel> channels() {
		return List.copyOf(this.channels);
	}

	/** A channel: an external identity ({@code type} + {@code userId}) that duplicates share. */
	public record SimChannel(String id, String type, String userId) {

		String identity() {
			return this.type + "\u0000" + this.userId;
		}

		/** {@code user_id}; {@code email} for an email channel, {@code username} for an Instagram one; or null. */
		String field(String name) {
			return switch (name) {
				case "user_id" -> this.userId;
				case "email" -> this.type.equals("email") ? this.userId : null;
				case "username" -> this.type.equals("instagram") ? this.userId : null;
				default -> null;
			};
		}

	}

}
