package io.inventdedup.invent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.inventdedup.policy.MergePlan;
import io.inventdedup.policy.MergePlanner;
import io.inventdedup.policy.MergePolicy;
import io.inventdedup.policy.SurvivorRule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random mutations of a valid group (fields removed, nulled, retyped, contacts duplicated or
 * renamed, unknown fields added), seeded so that a failure names its seed: whatever decodes never
 * merges a contact the group does not list, and never merges a contact whose flags were not
 * readable as false.
 */
class GroupDecoderPropertiesTests {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private static final String[] FIELDS = { "id", "created_at", "is_admin", "blocked", "unsubscribed", "channels",
			"name" };

	@Test
	void mutatedGroupsNeverMergeAnUnlistedOrUnreadableContact() {
		JsonMapper json = JsonMapper.builder().build();
		MergePlanner planner = new MergePlanner(new MergePolicy(SurvivorRule.OLDEST, true, true, false, 100));
		int decoded = 0;
		for (long seed = 0; seed < 5_000; seed++) {
			Random random = new Random(seed);
			ObjectNode group = validGroup(random);
			for (int m = 1 + random.nextInt(4); m > 0; m--) {
				mutate(group, random);
			}
			JsonNode listed = json.readTree(group.toString());
			MergePlan plan;
			try {
				plan = planner.plan(GroupDecoder.decode(listed));
				decoded++;
			}
			catch (InvalidGroupException ex) {
				continue;
			}
			if (plan instanceof MergePlan.Merge merge) {
				Set<String> mergeable = mergeableIds(listed);
				assertThat(mergeable).as("seed %d: %s", seed, group).contains(merge.survivorId());
				assertThat(mergeable).as("seed %d: %s", seed, group).containsAll(merge.sources());
			}
		}
		assertThat(decoded).as("some mutations still decode").isGreaterThan(500);
	}

	/** The ids of the listed contacts whose id and flags are all readable, and none of which is set. */
	private static Set<String> mergeableIds(JsonNode group) {
		List<JsonNode> contacts = new ArrayList<>();
		contacts.add(group.get("primary"));
		group.get("duplicates").forEach(contacts::add);
		Set<String> ids = new HashSet<>();
		Set<String> flagged = new HashSet<>();
		for (JsonNode contact : contacts) {
			String id = contact.get("id").stringValue();
			boolean readable = contact.path("is_admin").isBoolean() && contact.path("blocked").isBoolean();
			if (readable && !contact.get("is_admin").booleanValue() && !contact.get("blocked").booleanValue()) {
				ids.add(id);
			}
			else {
				flagged.add(id);
			}
		}
		ids.removeAll(flagged);
		return ids;
	}

	private static ObjectNode validGroup(Random random) {
		ObjectNode group = nodes.objectNode();
		group.set("primary", contact("p", random));
		ArrayNode duplicates = group.putArray("duplicates");
		for (int i = 0; i < 1 + random.nextInt(5); i++) {
			duplicates.add(contact("d" + i, random));
		}
		group.putArray("matched_on");
		group.putNull("detected_at");
		return group;
	}

	private static ObjectNode contact(String id, Random random) {
		ObjectNode contact = nodes.objectNode();
		contact.put("id", id);
		contact.put("name", random.nextBoolean() ? "Name " + id : null);
		contact.put("blocked", random.nextInt(6) == 0);
		contact.put("unsubscribed", random.nextInt(6) == 0);
		contact.put("is_admin", random.nextInt(8) == 0);
		contact.putArray("channels").addObject().put("type", "email").put("user_id", "x");
		contact.put("created_at", "2022-01-0" + (1 + random.nextInt(9)) + "T00:00:00Z");
		return contact;
	}

	private static void mutate(ObjectNode group, Random random) {
		ArrayNode duplicates = (ArrayNode) group.get("duplicates");
		ObjectNode target = (random.nextInt(4) == 0 || duplicates.isEmpty()) ? (ObjectNode) group.get("primary")
				: (ObjectNode) duplicates.get(random.nextInt(duplicates.size()));
		String field = FIELDS[random.nextInt(FIELDS.length)];
		switch (random.nextInt(8)) {
			case 0 -> target.remove(field);
			case 1 -> target.putNull(field);
			case 2 -> target.put(field, "true");
			case 3 -> target.put(field, 1);
			case 4 -> duplicates.add(target.deepCopy());
			case 5 -> target.put("id", "d" + random.nextInt(6));
			case 6 -> target.put("new_" + field, random.nextInt());
			default -> target.putArray(field).add(random.nextBoolean());
		}
	}

}
