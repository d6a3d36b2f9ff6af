package io.inventdedup.invent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A duplicate group as the API listed it, for people to read: every member and every match as much
 * of it as can be read, nothing guessed, nothing refused (a group the policy would refuse is shown
 * all the same). The policy reads the same text strictly, through {@link GroupDecoder#decode(String)}.
 *
 * @param members the primary, then each duplicate, as listed (a member that is no object is left out)
 * @param matchedOn what Invent says the members share
 */
public record GroupAsListed(List<Member> members, List<Match> matchedOn) {

	public GroupAsListed {
		members = List.copyOf(members);
		matchedOn = List.copyOf(matchedOn);
	}

	/** The group stored with an audit row ({@code listed_group}), read once. */
	public static GroupAsListed read(String stored) {
		JsonNode group = GroupDecoder.parse(stored);
		List<Member> members = new ArrayList<>();
		for (JsonNode contact : GroupDecoder.listedContacts(group)) {
			if (contact != null && contact.isObject()) {
				members.add(Member.of(contact));
			}
		}
		List<Match> matches = new ArrayList<>();
		for (JsonNode matched : group.path("matched_on")) {
			matches.add(new Match(text(matched.get("type")), text(matched.get("user_id"))));
		}
		return new GroupAsListed(members, matches);
	}

	/** This group with every text longer than {@code max} cut there (a page shows a part, the CSV all). */
	public GroupAsListed cut(int max) {
		UnaryOperator<@Nullable String> cut = (text) -> (text == null || text.length() <= max) ? text
				: text.substring(0, max) + "…";
		return new GroupAsListed(this.members.stream().map((member) -> member.cut(cut)).toList(),
				this.matchedOn.stream().map((match) -> new Match(cut.apply(match.type()), cut.apply(match.userId()))).toList());
	}

	/**
	 * This group as a page shows it: every text longer than {@code max} cut, and each member's
	 * {@code created_at} in the pages' time format ({@code time}) when it is a time (as listed when not).
	 */
	public GroupAsListed shown(int max, Function<Instant, String> time) {
		GroupAsListed cut = cut(max);
		return new GroupAsListed(cut.members.stream().map((member) -> {
			try {
				String at = (member.createdAt() != null) ? time.apply(OffsetDateTime.parse(member.createdAt()).toInstant())
						: null;
				return new Member(member.id(), member.name(), at, member.admin(), member.blocked(), member.unsubscribed(),
						member.channels(), member.segments());
			}
			catch (DateTimeParseException ex) {
				return member;
			}
		}).toList(), cut.matchedOn);
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && (node.isString() || node.isNumber())) ? node.asString() : null;
	}

	/**
	 * A listed contact.
	 *
	 * @param id its id, or null when it has none that can be read
	 * @param name its name
	 * @param createdAt when it was created, as listed
	 * @param admin whether it is an admin (false when not said)
	 * @param blocked whether it is blocked
	 * @param unsubscribed whether it unsubscribed
	 * @param channels its channels
	 * @param segments the names of its segments
	 */
	public record Member(@Nullable String id, @Nullable String name, @Nullable String createdAt, boolean admin,
			boolean blocked, boolean unsubscribed, List<Channel> channels, List<String> segments) {

		public Member {
			channels = List.copyOf(channels);
			segments = List.copyOf(segments);
		}

		static Member of(JsonNode contact) {
			List<Channel> channels = new ArrayList<>();
			for (JsonNode channel : contact.path("channels")) {
				String value = null;
				for (String field : List.of("email", "phone", "username", "user_id")) {
					value = (value != null) ? value : text(channel.get(field));
				}
				channels.add(new Channel(text(channel.get("type")), value, text(channel.get("user_id")),
						channel.path("email").isString() ? channel.path("email").stringValue() : null));
			}
			List<String> segments = new ArrayList<>();
			for (JsonNode segment : contact.path("segments")) {
				String name = text(segment.get("name"));
				if (name != null) {
					segments.add(name);
				}
			}
			return new Member(text(contact.get("id")), text(contact.get("name")), text(contact.get("created_at")), contact.path("is_admin").asBoolean(false),
					contact.path("blocked").asBoolean(false), contact.path("unsubscribed").asBoolean(false), channels,
					segments);
		}

		/** Its first email, or null. */
		public @Nullable String email() {
			return this.channels.stream().map(Channel::email).filter((email) -> email != null).findFirst().orElse(null);
		}

		private Member cut(UnaryOperator<@Nullable String> cut) {
			return new Member(cut.apply(this.id), cut.apply(this.name), cut.apply(this.createdAt), this.admin,
					this.blocked, this.unsubscribed,
					this.channels.stream()
						.map((channel) -> new Channel(cut.apply(channel.type()), cut.apply(channel.value()),
								cut.apply(channel.userId()), cut.apply(channel.email())))
						.toList(),
					this.segments.stream().map(cut).toList());
		}

	}

	/**
	 * A channel of a listed contact.
	 *
	 * @param type its type ({@code whatsapp}, {@code email}, ...)
	 * @param value what reaches the contact there: its email, phone, username or user id, the first listed
	 * @param userId its user id
	 * @param email its email, or null
	 */
	public record Channel(@Nullable String type, @Nullable String value, @Nullable String userId,
			@Nullable String email) {
	}

	/**
	 * What two members share, as Invent says.
	 *
	 * @param type the channel's type
	 * @param userId the shared user id
	 */
	public record Match(@Nullable String type, @Nullable String userId) {
	}

}
