package io.inventdedup.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the policy over many random groups and policies (seeded, so a failure is
 * repeatable: the message names the seed): the survivor is eligible, no excluded contact is a
 * source, every call carries 1 to 50 ids, and the plan is deterministic and does not depend on the
 * order of the duplicates.
 */
class MergePlannerPropertiesTests {

	private static final int CASES = 3_000;

	@Test
	void plansHoldTheirInvariantsForRandomGroupsAndPolicies() {
		for (long seed = 0; seed < CASES; seed++) {
			Random random = new Random(seed);
			MergePolicy policy = randomPolicy(random);
			List<Contact> members = randomMembers(random);
			DuplicateGroup group = new DuplicateGroup(members.get(0), members.subList(1, members.size()));
			MergePlanner planner = new MergePlanner(policy);
			MergePlan plan = planner.plan(group);
			String context = "seed " + seed + ", " + policy;

			List<Contact> shuffled = new ArrayList<>(members.subList(1, members.size()));
			Collections.shuffle(shuffled, random);
			assertThat(planner.plan(new DuplicateGroup(members.get(0), shuffled)))
				.as("independent of the order of the duplicates, %s", context)
				.isEqualTo(plan);
			assertThat(planner.plan(group)).as("deterministic, %s", context).isEqualTo(plan);

			Set<String> ids = new HashSet<>();
			group.members().forEach((member) -> ids.add(member.id()));
			if (plan instanceof MergePlan.Merge merge) {
				assertThat(ids.size()).as(context).isLessThanOrEqualTo(policy.maxGroupSize());
				Contact survivor = find(group, merge.survivorId());
				assertThat(policy.exclusionOf(survivor)).as("the survivor is eligible, %s", context).isNull();
				for (String source : merge.sources()) {
					assertThat(policy.exclusionOf(find(group, source))).as("%s is eligible, %s", source, context)
						.isNull();
				}
				assertThat(merge.excluded()).extracting(Exclusion::contactId)
					.as("no excluded contact is a source or the survivor, %s", context)
					.doesNotContainAnyElementsOf(merge.sources())
					.doesNotContain(merge.survivorId());
				assertThat(new HashSet<>(merge.sources())).as("each source once, %s", context)
					.hasSize(merge.sources().size());
				assertThat(merge.calls()).allSatisfy((call) -> assertThat(call).as(context).hasSizeBetween(1, 50));
				assertThat(merge.sources().size() + 1 + merge.excluded().size()).as("every member accounted for")
					.isEqualTo(ids.size());
			}
		}
	}

	private static Contact find(DuplicateGroup group, String id) {
		return group.members().stream().filter((member) -> member.id().equals(id)).findFirst().orElseThrow();
	}

	private static MergePolicy randomPolicy(Random random) {
		SurvivorRule[] rules = SurvivorRule.values();
		return new MergePolicy(rules[random.nextInt(rules.length)], random.nextBoolean(), random.nextBoolean(),
				random.nextBoolean(), 2 + random.nextInt(120), random.nextBoolean(), random.nextBoolean(),
				random.nextBoolean());
	}

	private static List<Contact> randomMembers(Random random) {
		int size = 1 + random.nextInt(random.nextInt(10) < 8 ? 6 : 130);
		List<Contact> members = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			String id = "c" + random.nextInt(size * 2);
			Instant createdAt = Instant.parse("2022-01-01T00:00:00Z").plusSeconds(random.nextInt(5) * 3600L);
			members.add(new Contact(id, createdAt, random.nextInt(10) == 0, random.nextInt(8) == 0,
					random.nextInt(6) == 0, random.nextInt(4), random.nextInt(3) == 0 ? null : "name " + i));
		}
		return members;
	}

}
