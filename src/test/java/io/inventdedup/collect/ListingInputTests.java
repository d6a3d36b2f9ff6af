package io.inventdedup.collect;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.MergeRecord;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the API lists, read as the policy needs it: unusable groups are recorded and skipped,
 * contact ids travel as one encoded path segment, unknown fields are ignored.
 */
@IntegrationTest
class ListingInputTests {

	private static final Instant T0 = Instant.parse("2022-01-01T00:00:00Z");

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void skipsUnusableGroupsAsInvalidAndMergesTheRest() {
		String orgId = "listing-invalid";
		SimOrg org = this.simulator.org(orgId);
		org.newContact("good-1").named("A").createdAt(T0).channels("email:a").add();
		org.newContact("good-2").named("A").createdAt(T0.plusSeconds(60)).channels("email:a").add();
		org.answerListingWith("""
				[
				  {"primary": %s, "duplicates": [%s], "matched_on": [], "detected_at": null, "new_field": {"x": 1}},
				  {"primary": %s, "duplicates": [%s], "matched_on": [], "detected_at": null},
				  {"primary": %s, "duplicates": [%s], "matched_on": [], "detected_at": null},
				  {"primary": %s, "duplicates": [], "matched_on": [], "detected_at": null},
				  {"primary": %s, "duplicates": [%s], "matched_on": [], "detected_at": null},
				  "not a group"
				]
				""".formatted(contact("good-1", "2022-01-01T00:00:00Z"), contact("good-2", "2022-01-01T00:01:00Z"),
				contact("no-date-1", null), contact("no-date-2", "2022-01-01T00:00:00Z"),
				contact(null, "2022-01-01T00:00:00Z"), contact("id-2", "2022-01-01T00:00:00Z"),
				contact("alone", "2022-01-01T00:00:00Z"), contact("bad-date", "yesterday"),
				contact("bad-date-2", "2022-01-01T00:00:00Z")));

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false"))).isZero();

		assertThat(this.simulator.mergeLog(orgId))
			.containsExactly(new MergeRecord(orgId, "good-1", List.of("good-2")));
		List<Map<String, Object>> skipped = this.jdbc.queryForList(
				"SELECT detail FROM dedup_audit WHERE org_id = ? AND reason = 'invalid-group' ORDER BY id", orgId);
		assertThat(skipped).extracting((row) -> (String) row.get("detail"))
			.containsExactly("primary (no-date-1) has no created_at", "primary has no id",
					"the group has no duplicates", "primary (bad-date) has an unreadable created_at",
					"the group is not a JSON object");
	}

	@Test
	void sendsContactIdsAsOneEncodedPathSegment() {
		String orgId = "listing-ids";
		SimOrg org = this.simulator.org(orgId);
		org.newContact("a/b").named(null).createdAt(T0).channels("email:1").add();
		org.newContact("x?y#z").named(null).createdAt(T0.plusSeconds(1)).channels("email:1").add();
		org.newContact("50% off").named(null).createdAt(T0.plusSeconds(2)).channels("email:1").add();
		org.newContact("..").named(null).createdAt(T0).channels("email:2").add();
		org.newContact("dot-dot-twin").named(null).createdAt(T0.plusSeconds(1)).channels("email:2").add();

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false"))).isZero();

		assertThat(this.simulator.mergeLog(orgId))
			.containsExactly(new MergeRecord(orgId, "a/b", List.of("x?y#z", "50% off")));
		assertThat(org.contactIds()).containsExactlyInAnyOrder("a/b", "..", "dot-dot-twin");
		assertThat(this.jdbc.queryForObject(
				"SELECT detail FROM dedup_audit WHERE org_id = ? AND reason = 'invalid-group'", String.class, orgId))
			.isEqualTo("primary has an id that cannot be a contact id");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "not JSON at all", "<html><body>Gateway error</body></html>", "{\"groups\": []}",
			"[{\"primary\": " })
	void retriesAnUnreadablePageThenFailsWithoutMergingAnything(String body) {
		String orgId = "listing-unreadable-" + Math.abs(body.hashCode());
		SimOrg org = this.simulator.org(orgId);
		org.newContact("u-1").named("A").createdAt(T0).channels("email:u").add();
		org.newContact("u-2").named("A").createdAt(T0.plusSeconds(60)).channels("email:u").add();
		org.answerListingWith(body);

		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "dryRun=false"))).isEqualTo(1);

		assertThat(this.simulator.requests(orgId, "GET")).as("retried").isGreaterThan(1);
		assertThat(this.simulator.requests(orgId, "POST")).isZero();
		assertThat(org.contactIds()).containsExactlyInAnyOrder("u-1", "u-2");
	}

	private static String contact(String id, String createdAt) {
		return """
				{"id": %s, "name": null, "blocked": false, "unsubscribed": false, "is_admin": false,
				 "channels": [{"id": "ch", "type": "telepathy", "user_id": "u", "platform_data": {}}],
				 "segments": [{"id": "s", "name": "s", "color": "ultraviolet"}],
				 "created_at": %s, "updated_at": "2022-01-01T00:00:00Z"}
				""".formatted(quoted(id), quoted(createdAt));
	}

	private static String quoted(String value) {
		return (value != null) ? "\"" + value + "\"" : "null";
	}

}
