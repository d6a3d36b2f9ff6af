package io.inventdedup.policy;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.inventdedup.names.NameComparison;

/**
 * What the merge policy needs to know about one contact of a duplicate group.
 *
 * @param id the contact's opaque id
 * @param createdAt when the contact was created
 * @param admin whether the contact is an admin of the organization
 * @param blocked whether the contact is blocked
 * @param unsubscribed whether the contact is unsubscribed
 * @param channelCount how many channels the contact has
 * @param name the contact's name, or null
 * @param channelName what its channels call it ({@link ChannelName}), or null: the name check's
 * stand-in for a contact without a name
 */
public record Contact(String id, Instant createdAt, boolean admin, boolean blocked, boolean unsubscribed,
		int channelCount, @Nullable String name, @Nullable String channelName) {

	public Contact {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(createdAt, "createdAt");
	}

	/** A contact whose channels say nothing of its name. */
	public Contact(String id, Instant createdAt, boolean admin, boolean blocked, boolean unsubscribed, int channelCount,
			@Nullable String name) {
		this(id, createdAt, admin, blocked, unsubscribed, channelCount, name, null);
	}

	/**
	 * The name the name check compares: the contact's own, or, when it has none, what its channels
	 * call it.
	 */
	@Nullable String nameToCompare() {
		return NameComparison.words(this.name).isEmpty() ? this.channelName : this.name;
	}

	/**
	 * Folds two listings of the same contact into one, keeping the more cautious reading of
	 * each flag, so that a contact listed twice counts once whatever the order of the listing.
	 */
	Contact foldedWith(Contact other) {
		return new Contact(this.id, this.createdAt.isBefore(other.createdAt) ? this.createdAt : other.createdAt,
				this.admin || other.admin, this.blocked || other.blocked, this.unsubscribed || other.unsubscribed,
				Math.max(this.channelCount, other.channelCount), firstName(this.name, other.name),
				firstName(this.channelName, other.channelName));
	}

	/** Of two readings of a name, the one that is set; of two set ones, the first in sort order. */
	private static @Nullable String firstName(@Nullable String one, @Nullable String other) {
		if (FollowUp.isBlank(one)) {
			return FollowUp.isBlank(other) ? one : other;
		}
		return (FollowUp.isBlank(other) || one.compareTo(other) <= 0) ? one : other;
	}

}
