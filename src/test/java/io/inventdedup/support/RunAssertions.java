package io.inventdedup.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.inventdedup.policy.Contact;
import io.inventdedup.policy.DuplicateGroup;
import io.inventdedup.policy.Exclusion;
import io.inventdedup.policy.MergePlan;
import io.inventdedup.policy.MergePlanner;
import io.inventdedup.policy.MergePolicy;
import io.inventdedup.policy.SkipReason;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.MergeRecord;
import io.inventdedup.simulator.SimContact;
import io.inventdedup.simulator.SimOrg;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every run must leave behind, checked against the simulator: the state the policy
 * prescribes, and an audit that agrees with the API's merge log.
 */
public final class RunAssertions {

	private final InventSimulator simulator;

	private final JdbcTemplate jdbc;

	public RunAssertions(InventSimulator simulator, JdbcTemplate jdbc) {
		this.simulator = simulator;
		this.jdbc = jdbc;
	}

	/**
	 * The plan of a group of the generated org as generated, independent of how the API lists it and
	 * of what else the org holds.
	 */
	public static MergePlan expectedPlan(List<List<SimContact>> org, List<SimContact> members, MergePolicy policy) {
		return new MergePlanner(policy).plan(group(members));
	}

	/** Whether a plan queues its group for a person ({@code NEEDS_REVIEW}): a doubt, not names that differ. */
	public static boolean isQueued(MergePlan plan) {
		return plan instanceof MergePlan.Review review && review.reason() != SkipReason.NAMES_DIFFER;
	}

	private static DuplicateGroup group(List<SimContact> members) {
		List<Contact> contacts = new ArrayList<>();
		for (SimContact member : members) {
			contacts.add(new Contact(member.id(), member.createdAt(), member.admin(), member.blocked(),
					member.unsubscribed(), member.channels().size(), member.nameAsMade()));
		}
		return new DuplicateGroup(contacts.get(0), contacts.subList(1, contacts.size()));
	}

	/** Whether the merge takes in a contact of another person than its survivor's (the generator's truth). */
	public static boolean joinsPeople(List<SimContact> members, MergePlan.Merge merge) {
		Map<String, String> person = new HashMap<>();
		members.forEach((member) -> person.put(member.id(), member.person()));
		return merge.sources().stream().anyMatch((id) -> !person.get(id).equals(person.get(merge.survivorId())));
	}

	/** The members as {@code id person "name"}, for a failure message. */
	public static String describe(List<SimContact> members) {
		return members.stream().map((member) -> member.id() + " " + member.person() + " \"" + member.name() + "\"").toList()
			.toString();
	}

	/**
	 * No merge the API applied for this org joined contacts of different people: each merged source
	 * is the same person as its survivor (the generator's truth), but in the merges into
	 * {@code approved} survivors, which a person decided.
	 */
	public void assertNoMergeJoinsTwoPeople(String orgId, List<List<SimContact>> groups, Set<String> approved) {
		Map<String, String> person = new HashMap<>();
		groups.forEach((members) -> members.forEach((member) -> person.put(member.id(), member.person())));
		for (MergeRecord merge : this.simulator.mergeLog(orgId)) {
			if (approved.contains(merge.survivorId())) {
				continue;
			}
			for (String source : merge.sourceIds()) {
				assertThat(person.get(source)).as("%s merged into %s", source, merge.survivorId())
					.isEqualTo(person.get(merge.survivorId()));
			}
		}
	}

	/**
	 * Every planned merge applied, every other contact still there, and every survivor carrying
	 * the opt-outs and the name its policy carries.
	 */
	public void assertFinalState(SimOrg org, List<List<SimContact>> groups, MergePolicy policy) {
		Set<String> alive = org.contactIds();
		for (List<SimContact> members : groups) {
			MergePlan plan = expectedPlan(groups, members, policy);
			if (plan instanceof MergePlan.Merge merge) {
				assertThat(alive).contains(merge.survivorId()).doesNotContainAnyElementsOf(merge.sources());
				assertThat(alive).containsAll(merge.excluded().stream().map(Exclusion::contactId).toList());
				SimContact survivor = org.contact(merge.survivorId());
				if (merge.followUp().unsubscribe()) {
					assertThat(survivor.unsubscribed()).as("%s carries its sources' opt-out", survivor.id()).isTrue();
				}
				if (merge.followUp().name() != null) {
					assertThat(survivor.name()).as("%s gets a name", survivor.id()).isNotBlank();
				}
			}
			else {
				assertThat(alive).containsAll(members.stream().map(SimContact::id).toList());
			}
		}
	}

	/** Each contact merged once, and the audit's merged ids are exactly the merge log's. */
	public void assertAuditAgreesWithMergeLog(String orgId) {
		Map<String, Set<String>> logged = new HashMap<>();
		for (MergeRecord merge : this.simulator.mergeLog(orgId)) {
			Set<String> sources = logged.computeIfAbsent(merge.survivorId(), (id) -> new HashSet<>());
			for (String source : merge.sourceIds()) {
				assertThat(sources.add(source)).as("%s merged once", source).isTrue();
			}
		}
		Map<String, Set<String>> audited = new HashMap<>();
		this.jdbc.query("SELECT survivor_contact_id, merged_contact_ids FROM dedup_audit WHERE org_id = ? "
				+ "AND cardinality(merged_contact_ids) > 0", (rs) -> {
					Set<String> merged = new HashSet<>(List.of((String[]) rs.getArray(2).getArray()));
					assertThat(audited.put(rs.getString(1), merged)).as("one audit row per survivor").isNull();
				}, orgId);
		assertThat(audited).isEqualTo(logged);
	}

	/** The org's audit rows in this status, or all of them when {@code status} is null. */
	public long count(String orgId, String status) {
		return (status != null)
				? this.jdbc.queryForObject("SELECT count(*) FROM dedup_audit WHERE org_id = ? AND status = ?",
						Long.class, orgId, status)
				: this.jdbc.queryForObject("SELECT count(*) FROM dedup_audit WHERE org_id = ?", Long.class, orgId);
	}

	/** The job execution of the org's last run, failed or not (what {@code --report} and {@code plan=} take). */
	public long lastExecution(String orgId) {
		return lastExecution(this.jdbc, orgId);
	}

	/** The job execution of the org's last run, failed or not, read with this {@code jdbc}. */
	public static long lastExecution(JdbcTemplate jdbc, String orgId) {
		return jdbc.queryForObject("SELECT max(job_execution_id) FROM batch_job_execution_params "
				+ "WHERE parameter_name = 'orgId' AND parameter_value = ?", Long.class, orgId);
	}

	/** How many groups of the generated org the policy merges. */
	public static long expectedMerges(List<List<SimContact>> groups, MergePolicy policy) {
		return groups.stream().filter((members) -> expectedPlan(groups, members, policy) instanceof MergePlan.Merge).count();
	}

}
