package io.inventdedup.merge;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.simulator.Faults;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consent survives the merge: the simulator's merge keeps the survivor's own flags and name and
 * drops the sources' (the worst case the vendor's pages allow), and the job carries opt-outs and
 * names to the survivor with a follow-up update.
 */
@IntegrationTest
class ConsentTests {

	private static final Instant T0 = Instant.parse("2022-01-01T00:00:00Z");

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void mergingAnUnsubscribedContactLeavesTheSurvivorOptedOut() {
		SimOrg org = orgWithOneGroup("consent-unsub", "Ann", false, false, "Ann B", false, true);

		assertThat(this.launcher.launch(List.of("orgId=consent-unsub", "dryRun=false"))).isZero();

		assertThat(org.contact("s").unsubscribed()).isTrue();
		assertThat(org.contact("s").name()).isEqualTo("Ann");
		assertThat(followUp("consent-unsub")).containsEntry("update_status", "SENT")
			.containsEntry("sent_update", "{\"unsubscribed\": true}");
		assertThat(this.simulator.requests("consent-unsub", "PATCH")).isEqualTo(1);
	}

	@Test
	void mergingABlockedContactLeavesTheSurvivorBlockedWhenBlockedContactsAreMerged() {
		SimOrg org = orgWithOneGroup("consent-blocked", "Ann", false, false, "Ann B", true, false);

		assertThat(this.launcher.launch(List.of("orgId=consent-blocked", "dryRun=false", "skipBlocked=false")))
			.isZero();

		assertThat(org.contact("s").blocked()).isTrue();
		assertThat(org.contact("s").unsubscribed()).isFalse();
	}

	@Test
	void givesANamelessSurvivorTheNameOfAMergedContact() {
		SimOrg org = orgWithOneGroup("consent-name", null, false, false, "Bea", false, false);

		assertThat(this.launcher.launch(List.of("orgId=consent-name", "dryRun=false"))).isZero();

		assertThat(org.contact("s").name()).isEqualTo("Bea");
		assertThat(followUp("consent-name")).containsEntry("sent_update", "{\"name\": \"Bea\"}");
	}

	@Test
	void sendsNoUpdateWhenNothingWouldChangeOrTheRulesAreOff() {
		orgWithOneGroup("consent-none", "Ann", false, false, "Ann B", false, false);
		SimOrg off = orgWithOneGroup("consent-off", null, false, false, "Bea", false, true);

		assertThat(this.launcher.launch(List.of("orgId=consent-none", "dryRun=false"))).isZero();
		assertThat(this.launcher.launch(List.of("orgId=consent-off", "dryRun=false", "carryOptOut=false",
				"fillName=false"))).isZero();

		assertThat(this.simulator.requests("consent-none", "PATCH")).isZero();
		assertThat(this.simulator.requests("consent-off", "PATCH")).isZero();
		assertThat(off.contact("s").unsubscribed()).isFalse();
		assertThat(off.contact("s").name()).isNull();
		assertThat(followUp("consent-none")).containsEntry("planned_update", null);
	}

	@Test
	void aDryRunRecordsTheUpdatesItWouldSend() {
		orgWithOneGroup("consent-dry", null, false, false, "Bea", false, true);

		assertThat(this.launcher.launch(List.of("orgId=consent-dry"))).isZero();

		assertThat(this.simulator.requests("consent-dry", "PATCH")).isZero();
		assertThat(followUp("consent-dry")).containsEntry("status", "PLANNED")
			.containsEntry("planned_update", "{\"name\": \"Bea\", \"unsubscribed\": true}")
			.containsEntry("update_status", null);
	}

	@Test
	void sendsTheUpdateOfAMergeWhoseAnswerWasLost() {
		SimOrg org = orgWithOneGroup("consent-lost", "Ann", false, false, "Ann B", false, true);
		org.setFaults(Faults.NONE.withLostMergeAnswers(0, 1.0));

		assertThat(this.launcher.launch(List.of("orgId=consent-lost", "dryRun=false"))).isZero();

		assertThat(org.contactIds()).containsExactly("s");
		assertThat(org.contact("s").unsubscribed()).isTrue();
		assertThat(followUp("consent-lost")).containsEntry("status", "MERGED").containsEntry("update_status", "SENT");
	}

	@Test
	void sendsNoUpdateOnAGuessWhenTheSurvivorsLookupLacksItsFlags() {
		SimOrg org = orgWithOneGroup("consent-unreadable", "Ann", false, false, null, false, true);
		org.setFaults(Faults.NONE.withLostMergeAnswers(0, 1.0));
		org.answerLookupsWith("{\"id\": \"s\", \"name\": null}");
		List<String> command = List.of("orgId=consent-unreadable", "dryRun=false");

		assertThat(this.launcher.launch(command)).isEqualTo(1);
		assertThat(this.simulator.requests("consent-unreadable", "PATCH")).isZero();
		assertThat(followUp("consent-unreadable")).containsEntry("status", "MERGED")
			.containsEntry("update_status", "FAILED");

		org.answerLookupsWith(null);
		org.setFaults(Faults.NONE);
		assertThat(this.launcher.launch(command)).isZero();
		assertThat(org.contact("s").unsubscribed()).isTrue();
		assertThat(org.contact("s").name()).isEqualTo("Ann");
	}

	@Test
	void aFailedUpdateFailsTheRunAndTheSameCommandSendsIt() {
		SimOrg org = orgWithOneGroup("consent-retry", "Ann", false, false, "Ann B", false, true);
		org.setFaults(Faults.NONE.withUpdatesUnavailable());
		List<String> command = List.of("orgId=consent-retry", "dryRun=false");

		assertThat(this.launcher.launch(command)).isEqualTo(1);
		assertThat(org.contactIds()).containsExactly("s");
		assertThat(org.contact("s").unsubscribed()).isFalse();
		assertThat(followUp("consent-retry")).containsEntry("update_status", "FAILED")
			.containsEntry("update_http_status", 503);

		org.setFaults(Faults.NONE);
		assertThat(this.launcher.launch(command)).isZero();
		assertThat(org.contact("s").unsubscribed()).isTrue();
		assertThat(followUp("consent-retry")).containsEntry("update_status", "SENT");
		assertThat(this.simulator.mergeLog("consent-retry")).hasSize(1);
	}

	/** One group: the survivor {@code s} (older) and the source {@code d}. */
	private SimOrg orgWithOneGroup(String orgId, String survivorName, boolean survivorBlocked,
			boolean survivorUnsubscribed, String sourceName, boolean sourceBlocked, boolean sourceUnsubscribed) {
		SimOrg org = this.simulator.org(orgId);
		org.newContact("s")
			.named(survivorName)
			.createdAt(T0)
			.blocked(survivorBlocked)
			.unsubscribed(survivorUnsubscribed)
			.channels("email:x")
			.add();
		org.newContact("d")
			.named(sourceName)
			.createdAt(T0.plusSeconds(60))
			.blocked(sourceBlocked)
			.unsubscribed(sourceUnsubscribed)
			.channels("email:x")
			.add();
		return org;
	}

	private Map<String, Object> followUp(String orgId) {
		return this.jdbc.queryForMap("""
				SELECT status, planned_update::text AS planned_update, update_status, sent_update::text AS sent_update,
				       update_http_status
				FROM dedup_audit WHERE org_id = ?
				""", orgId);
	}

}
