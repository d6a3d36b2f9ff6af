package io.inventdedup.merge;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.inventdedup.audit.AuditRecord;
import io.inventdedup.audit.FollowUpStatus;
import io.inventdedup.invent.ContactLocator;
import io.inventdedup.invent.GroupDecoder;
import io.inventdedup.invent.InventApiException;
import io.inventdedup.invent.InventClient;
import io.inventdedup.invent.InventUnavailableException;
import io.inventdedup.invent.MalformedAnswerException;
import io.inventdedup.policy.FollowUp;
import io.inventdedup.policy.Sighting;

/**
 * Sends the follow-up update of a merged group (an opt-out, a name carried to the survivor) and
 * says what became of it. Only the fields the merged survivor lacks are sent; nothing is sent when
 * it lacks none.
 */
class FollowUpSender {

	private final InventClient client;

	private final ContactLocator locator;

	private final JsonMapper jsonMapper;

	FollowUpSender(InventClient client, ContactLocator locator, JsonMapper jsonMapper) {
		this.client = client;
		this.locator = locator;
		this.jsonMapper = jsonMapper;
	}

	/** The planned update as recorded in {@code dedup_audit.planned_update}, or null when there is none. */
	@Nullable String plannedUpdate(FollowUp followUp) {
		return followUp.isEmpty() ? null : this.jsonMapper.writeValueAsString(followUp.planned().body());
	}

	/** The follow-up that a recorded {@code planned_update} stands for; none when it is null. */
	FollowUp recorded(@Nullable String plannedUpdate) {
		if (plannedUpdate == null) {
			return FollowUp.NONE;
		}
		JsonNode planned = this.jsonMapper.readTree(plannedUpdate);
		return FollowUp.of(new FollowUp.Update(planned.path("unsubscribed").asBoolean(false),
				planned.path("blocked").asBoolean(false),
				planned.hasNonNull("name") ? planned.get("name").asString() : null));
	}

	/**
	 * Sends what the survivor lacks of the row's planned update.
	 * @param survivor the survivor as the merge answered it, or null to look it up now (by id, or
	 * in the contact listing under the channels it was listed with)
	 */
	AuditRecord.FollowUpRecord send(AuditRecord row, FollowUp.@Nullable SurvivorState survivor) {
		FollowUp followUp = recorded(row.plan().plannedUpdate());
		try {
			FollowUp.SurvivorState state = survivor;
			if (state == null) {
				ContactLocator.Located located = this.locator.locate(row.plan().orgId(), row.plan().survivorId(),
						GroupDecoder.searchFilters(row.plan().listedGroup())
							.getOrDefault(row.plan().survivorId(), List.of()));
				if (located.sighting().presence() == Sighting.Presence.GONE) {
					return new AuditRecord.FollowUpRecord(FollowUpStatus.FAILED, null, 404,
							"the survivor " + row.plan().survivorId() + " no longer exists");
				}
				if (located.sighting().presence() == Sighting.Presence.UNKNOWN) {
					return new AuditRecord.FollowUpRecord(FollowUpStatus.FAILED, null, null,
							"cannot look the survivor " + row.plan().survivorId() + " up: " + located.sighting().how());
				}
				state = InventClient.survivorState(located.contact());
				if (state == null) {
					return new AuditRecord.FollowUpRecord(FollowUpStatus.FAILED, null, null, "the survivor " + row.plan().survivorId()
							+ " was answered without boolean blocked and unsubscribed: nothing is sent on a guess");
				}
			}
			FollowUp.Update update = followUp.updateFor(state);
			if (update.isEmpty()) {
				return new AuditRecord.FollowUpRecord(FollowUpStatus.NOT_NEEDED, null, null, null);
			}
			this.client.update(row.plan().orgId(), row.plan().survivorId(), update);
			return new AuditRecord.FollowUpRecord(FollowUpStatus.SENT, this.jsonMapper.writeValueAsString(update.body()), null,
					null);
		}
		catch (InventApiException ex) {
			return new AuditRecord.FollowUpRecord(FollowUpStatus.FAILED, null, ex.status(), ex.getMessage());
		}
		catch (InventUnavailableException | MalformedAnswerException ex) {
			return new AuditRecord.FollowUpRecord(FollowUpStatus.FAILED, null, null, ex.getMessage());
		}
	}

}
