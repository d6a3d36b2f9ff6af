package io.inventdedup.policy;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

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
 */
public record Contact(String id, Instant createdAt, boolean admin, boolean blocked, boolean unsubscribed,
		int channelCount, @Nullable String name) {

	public Contact {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(createdAt, "createdAt");
	}

	/**
	 * Folds two listings of the same contact into one, keeping the more cautious reading of
	 * each flag, so that a contact listed twice counts once whatever the order of the listing.
	 */
	Contact foldedWith(Contact other) {
		return new Contact(this.id, this.createdAt.isBefore(other.createdAt) ? this.createdAt : other.createdAt,
				this.admin || other.admin, this.blocked || other.blocked, this.unsubscribed || other.unsubscribed,
				Math.max(this.channelCount, other.channelCount), firstName(this.name, other.name));
	}

	/** Of two readings of a name, the one that is set; of two set ones, the first in sort order. */
	private static @Nullable String firstName(@Nullable String one, @Nullable String other) {
		if (FollowUp.isBlank(one)) {
			return FollowUp.isBlank(other) ? one : other;
		}
		return (FollowUp.isBlank(other) || one.compareTo(other) <= 0) ? one : other;
	}

}
