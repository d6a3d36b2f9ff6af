package io.inventdedup.invent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.inventdedup.policy.ChannelName;
import io.inventdedup.policy.Contact;
import io.inventdedup.policy.DuplicateGroup;

/**
 * Reads a duplicate group as the API listed it. Strict about what the policy relies on (ids,
 * {@code created_at}, the admin, blocked and unsubscribed flags), silent about everything else, so
 * that a new field or a new channel type never stops the job but a doubtful group is never merged.
 */
public final class GroupDecoder {

	static final int MAX_ID_LENGTH = 200;

	/** A channel value longer than this is no email, user id or username to search by. */
	static final int MAX_FILTER_LENGTH = 500;

	/** Reads the text of a group stored with its audit row; the only parser of that text. */
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private GroupDecoder() {
	}

	/**
	 * Decodes a group stored with its audit row ({@code listed_group}), as {@link #decode(JsonNode)}.
	 * @throws InvalidGroupException saying what is wrong when the group cannot be used
	 */
	public static DuplicateGroup decode(String stored) {
		return decode(parse(stored));
	}

	/** {@link #searchFilters(JsonNode)} of a group stored with its audit row. */
	public static Map<String, List<ContactFilter>> searchFilters(String stored) {
		return searchFilters(parse(stored));
	}

	/** The stored text of a group as JSON; {@link InvalidGroupException} when it is no JSON (it is never stored so). */
	static JsonNode parse(String stored) {
		try {
			return JSON.readTree(stored);
		}
		catch (JacksonException ex) {
			throw new InvalidGroupException("the stored group is not JSON");
		}
	}

	/**
	 * Decodes one group.
	 * @throws InvalidGroupException saying what is wrong when the group cannot be used
	 */
	public static DuplicateGroup decode(JsonNode group) {
		if (group == null || !group.isObject()) {
			throw new InvalidGroupException("the group is not a JSON object");
		}
		Contact primary = contact(group.get("primary"), "primary");
		JsonNode duplicates = group.get("duplicates");
		if (duplicates == null || !duplicates.isArray() || duplicates.isEmpty()) {
			throw new InvalidGroupException("the group has no duplicates");
		}
		List<Contact> contacts = new ArrayList<>(duplicates.size());
		for (int i = 0; i < duplicates.size(); i++) {
			contacts.add(contact(duplicates.get(i), "duplicates[" + i + "]"));
		}
		DuplicateGroup decoded = new DuplicateGroup(primary, contacts);
		if (decoded.members().size() < 2) {
			throw new InvalidGroupException("the group lists only its primary " + primary.id());
		}
		return decoded;
	}

	/**
	 * The ids of the group's members that can be read, sorted and each once: what the group's key
	 * is made of. Empty when none can be read.
	 */
	public static List<String> memberIds(JsonNode group) {
		TreeSet<String> ids = new TreeSet<>();
		listedContacts(group).forEach((contact) -> addId(ids, contact));
		return new ArrayList<>(ids);
	}

	/** The primary and the duplicates of a listed group as listed, whatever they are; none when it is no object. */
	static List<JsonNode> listedContacts(JsonNode group) {
		List<JsonNode> contacts = new ArrayList<>();
		if (group != null && group.isObject()) {
			contacts.add(group.get("primary"));
			JsonNode duplicates = group.get("duplicates");
			if (duplicates != null && duplicates.isArray()) {
				duplicates.forEach(contacts::add);
			}
		}
		return contacts;
	}

	/**
	 * For each member of the group whose id can be read, the filters that find it in the contact
	 * listing: the {@code email}, {@code user_id} and {@code username} of each of its channels as
	 * listed, each once. A member with none has an empty list.
	 */
	public static Map<String, List<ContactFilter>> searchFilters(JsonNode group) {
		Map<String, List<ContactFilter>> filters = new LinkedHashMap<>();
		for (JsonNode member : listedContacts(group)) {
			JsonNode id = (member != null && member.isObject()) ? member.get("id") : null;
			if (id == null || !id.isString()) {
				continue;
			}
			Set<ContactFilter> found = new LinkedHashSet<>(filters.getOrDefault(id.stringValue(), List.of()));
			JsonNode channels = member.get("channels");
			if (channels != null && channels.isArray()) {
				for (JsonNode channel : channels) {
					for (String name : ContactFilter.NAMES) {
						JsonNode value = channel.isObject() ? channel.get(name) : null;
						if (value != null && value.isString() && !value.stringValue().isBlank()
								&& value.stringValue().length() <= MAX_FILTER_LENGTH) {
							found.add(new ContactFilter(name, value.stringValue()));
						}
					}
				}
			}
			filters.put(id.stringValue(), List.copyOf(found));
		}
		return filters;
	}

	private static void addId(TreeSet<String> ids, JsonNode contact) {
		JsonNode id = (contact != null && contact.isObject()) ? contact.get("id") : null;
		if (id != null && id.isString()) {
			ids.add(id.stringValue());
		}
	}

	private static Contact contact(JsonNode node, String where) {
		if (node == null || !node.isObject()) {
			throw new InvalidGroupException(where + " is not a contact object");
		}
		String id = id(node.get("id"), where);
		where = where + " (" + id + ")";
		JsonNode channels = node.get("channels");
		if (channels != null && !channels.isNull() && !channels.isArray()) {
			throw new InvalidGroupException(where + " has channels that are not an array");
		}
		return new Contact(id, createdAt(node.get("created_at"), where), flag(node, "is_admin", where),
				flag(node, "blocked", where), flag(node, "unsubscribed", where),
				(channels == null || channels.isNull()) ? 0 : channels.size(), name(node.get("name")),
				channelName(channels));
	}

	/** What the first channel that says anything calls the contact ({@link ChannelName}), or null. */
	private static String channelName(JsonNode channels) {
		if (channels == null || !channels.isArray()) {
			return null;
		}
		for (JsonNode channel : channels) {
			if (channel != null && channel.isObject()) {
				String name = ChannelName.of(name(channel.get("name")), name(channel.get("username")),
						name(channel.get("email")));
				if (name != null) {
					return name;
				}
			}
		}
		return null;
	}

	private static String id(JsonNode node, String where) {
		if (node == null || !node.isString() || node.stringValue().isBlank()) {
			throw new InvalidGroupException(where + " has no id");
		}
		String id = node.stringValue();
		if (id.length() > MAX_ID_LENGTH || id.equals(".") || id.equals("..")
				|| id.chars().anyMatch((c) -> Character.isISOControl(c) || c == StoredText.REPLACEMENT)) {
			throw new InvalidGroupException(where + " has an id that cannot be a contact id");
		}
		return id;
	}

	private static String name(JsonNode node) {
		return (node != null && node.isString()) ? node.stringValue() : null;
	}

	private static Instant createdAt(JsonNode node, String where) {
		if (node == null || !node.isString()) {
			throw new InvalidGroupException(where + " has no created_at");
		}
		try {
			return OffsetDateTime.parse(node.stringValue()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidGroupException(where + " has an unreadable created_at");
		}
	}

	private static boolean flag(JsonNode contact, String name, String where) {
		JsonNode flag = contact.get(name);
		if (flag == null || !flag.isBoolean()) {
			throw new InvalidGroupException(where + " has no boolean " + name);
		}
		return flag.booleanValue();
	}

}
