package io.inventdedup.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoublePredicate;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's writes: {@code POST /orgs/{org}/contacts/{id}/merge} validated as the vendor's
 * pages say (1 to 50 sources, 404 for an unknown contact, 400 for a survivor among its sources),
 * with its faults (a conflict, an answer lost after the merge was applied), and the log of every
 * applied merge; {@code PATCH /orgs/{org}/contacts/{id}} of a name, {@code blocked} or
 * {@code unsubscribed}.
 */
final class SimWrites {

	private final JsonMapper json;

	/** Whether a fault of this share happens to this request. */
	private final DoublePredicate draw;

	private final List<MergeRecord> mergeLog = new CopyOnWriteArrayList<>();

	private final Map<MergeRecord, Long> mergedAt = new ConcurrentHashMap<>();

	SimWrites(JsonMapper json, DoublePredicate draw) {
		this.json = json;
		this.draw = draw;
	}

	/** Every merge applied to this org so far, in order. */
	List<MergeRecord> mergeLog(String orgId) {
		return this.mergeLog.stream().filter((merge) -> merge.orgId().equals(orgId)).toList();
	}

	/** When the simulator applied this merge ({@link System#nanoTime()}). */
	long mergedAt(MergeRecord merge) {
		return this.mergedAt.get(merge);
	}

	void merge(HttpExchange exchange, SimOrg org, String survivorId, Faults faults) throws IOException {
		JsonNode body;
		try (InputStream in = exchange.getRequestBody()) {
			body = this.json.readTree(in);
		}
		catch (RuntimeException ex) {
			SimWire.send(exchange, 400, "{\"message\":\"body is not JSON\"}");
			return;
		}
		if (this.draw.test(faults.conflictShare())) {
			SimWire.send(exchange, 409, "{\"message\":\"contact is being modified\"}");
			return;
		}
		SimContact merged;
		List<String> sources = new ArrayList<>();
		synchronized (org) {
			if (org.contact(survivorId) == null) {
				SimWire.send(exchange, 404, "{\"message\":\"contact " + survivorId + " not found\"}");
				return;
			}
			JsonNode ids = body.get("source_contact_ids");
			if (ids == null) {
				org.groups()
					.stream()
					.filter((group) -> group.members().stream().anyMatch((c) -> c.id.equals(survivorId)))
					.flatMap((group) -> group.members().stream())
					.map(SimContact::id)
					.filter((id) -> !id.equals(survivorId))
					.forEach(sources::add);
			}
			else {
				ids.forEach((id) -> sources.add(id.asString()));
				if (sources.isEmpty() || sources.size() > 50) {
					SimWire.send(exchange, 400, "{\"message\":\"source_contact_ids must hold 1 to 50 ids\"}");
					return;
				}
			}
			if (sources.contains(survivorId)) {
				SimWire.send(exchange, 400, "{\"message\":\"a contact cannot be merged into itself\"}");
				return;
			}
			if (new HashSet<>(sources).size() != sources.size()) {
				SimWire.send(exchange, 400, "{\"message\":\"source_contact_ids holds an id twice\"}");
				return;
			}
			for (String source : List.copyOf(sources)) {
				if (org.deletedBeforeMerge.remove(source)) {
					// Deleted by a person a moment before: the API merges the rest and leaves it out.
					org.delete(source);
					sources.remove(source);
				}
			}
			for (String source : sources) {
				if (org.contact(source) == null) {
					SimWire.send(exchange, 404, "{\"message\":\"contact " + source + " not found\"}");
					return;
				}
			}
			merged = org.merge(survivorId, sources);
			MergeRecord record = new MergeRecord(org.id, survivorId, List.copyOf(sources));
			this.mergedAt.put(record, System.nanoTime());
			this.mergeLog.add(record);
			if (org.revokeKeyAfterMerges > 0 && mergeLog(org.id).size() >= org.revokeKeyAfterMerges) {
				org.setFaults(Faults.NONE.withKeyRevoked());
			}
		}
		if (org.lostAnswerSurvivors.contains(survivorId) || this.draw.test(faults.appliedThenBadGatewayShare())) {
			SimWire.send(exchange, 502, "<html><body>Bad Gateway</body></html>");
			return;
		}
		if (this.draw.test(faults.appliedThenDropShare())) {
			SimWire.drop(exchange);
			return;
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("merged", SimWire.contactJson(merged));
		answer.put("merged_contact_ids", sources);
		SimWire.send(exchange, 200, this.json.writeValueAsString(answer));
	}

	void update(HttpExchange exchange, SimOrg org, String contactId) throws IOException {
		JsonNode body;
		try (InputStream in = exchange.getRequestBody()) {
			body = this.json.readTree(in);
		}
		SimContact contact;
		synchronized (org) {
			contact = org.contact(contactId);
			if (contact == null) {
				SimWire.send(exchange, 404, "{\"message\":\"contact not found\"}");
				return;
			}
			if (body.has("name")) {
				contact.rename(body.get("name").isNull() ? null : body.get("name").asString());
			}
			if (body.has("blocked")) {
				contact.blocked = body.get("blocked").asBoolean();
			}
			if (body.has("unsubscribed")) {
				contact.unsubscribed = body.get("unsubscribed").asBoolean();
			}
			org.changed();
		}
		SimWire.send(exchange, 200, this.json.writeValueAsString(SimWire.contactJson(contact)));
	}

}
