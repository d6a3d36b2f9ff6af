package io.inventdedup.policy;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The policy tests' contacts and groups, with readable defaults: not admin, not blocked,
 * subscribed, one channel, created 2022-01-01, named "A name"
 * ({@code contact("b").createdAt("2023-01-01").admin()}).
 */
final class TestContacts {

	private TestContacts() {
	}

	static TestContact contact(String id) {
		return new TestContact(id);
	}

	static DuplicateGroup group(TestContact primary, TestContact... duplicates) {
		return new DuplicateGroup(primary.build(), List.of(duplicates).stream().map(TestContact::build).toList());
	}

	/** A contact being described; {@link #build} makes it. */
	static final class TestContact {

		private final String id;

		private Instant createdAt = Instant.parse("2022-01-01T00:00:00Z");

		private boolean admin;

		private boolean blocked;

		private boolean unsubscribed;

		private int channels = 1;

		private @Nullable String name = "A name";

		private @Nullable String channelName;

		TestContact(String id) {
			this.id = id;
		}

		TestContact createdAt(String date) {
			this.createdAt = Instant.parse(date + "T00:00:00Z");
			return this;
		}

		TestContact admin() {
			this.admin = true;
			return this;
		}

		TestContact blocked() {
			this.blocked = true;
			return this;
		}

		TestContact unsubscribed() {
			this.unsubscribed = true;
			return this;
		}

		TestContact named(@Nullable String name) {
			this.name = name;
			return this;
		}

		/** What the contact's channels call it (a channel's own name, an email's local part). */
		TestContact channelName(@Nullable String channelName) {
			this.channelName = channelName;
			return this;
		}

		TestContact channels(int channels) {
			this.channels = channels;
			return this;
		}

		Contact build() {
			return new Contact(this.id, this.createdAt, this.admin, this.blocked, this.unsubscribed, this.channels,
					this.name, this.channelName);
		}

	}

}
