package io.inventdedup.invent;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import io.inventdedup.policy.Sighting;

/**
 * Finds out whether a contact still exists, through documented calls when it must:
 * <ol>
 * <li>{@code GET /orgs/{org}/contacts/{id}}, while the API answers it (the vendor's pages document
 * that path for PATCH only: once it is refused with 405 or 501, it is not asked again);</li>
 * <li>else {@code GET /orgs/{org}/contacts} filtered by each {@code email}, {@code user_id} and
 * {@code username} its channels had when the group was listed: found when one of those listings
 * holds its id, gone when none does. A contact with no such channel cannot be looked for.</li>
 * </ol>
 * A refused token stops the run as everywhere; any other failure leaves the contact unknown.
 */
public class ContactLocator {

	private static final Logger log = LoggerFactory.getLogger(ContactLocator.class);

	private final InventClient client;

	/** The orgs for which the lookup by id was refused (or shown wrong): not asked again. */
	private final Set<String> lookupsRefused = ConcurrentHashMap.newKeySet();

	public ContactLocator(InventClient client) {
		this.client = client;
	}

	/**
	 * Looks the contact up.
	 * @param filters the filters of the contact listing that find it (see
	 * {@link GroupDecoder#searchFilters})
	 */
	public Located locate(String orgId, String contactId, List<ContactFilter> filters) {
		if (!this.lookupsRefused.contains(orgId)) {
			try {
				Optional<JsonNode> contact = this.client.lookUp(orgId, contactId);
				return contact.map((found) -> new Located(Sighting.found("by id"), found))
					.orElseGet(() -> new Located(Sighting.gone("not found by id"), null));
			}
			catch (InventApiException ex) {
				if (ex.status() != 405 && ex.status() != 501) {
					return unknown("the lookup by id answered " + ex.status());
				}
				if (this.lookupsRefused.add(orgId)) {
					log.atInfo()
						.addKeyValue("orgId", orgId)
						.addKeyValue("status", ex.status())
						.log("Invent refuses to look contacts up by id: looking for them in the contact listing instead");
				}
			}
			catch (InventUnavailableException | MalformedAnswerException ex) {
				return unknown("the lookup by id failed: " + ex.getMessage());
			}
		}
		return search(orgId, contactId, filters);
	}

	/** Looks for the contact under each of its channels in the contact listing. */
	public Located search(String orgId, String contactId, List<ContactFilter> filters) {
		if (filters.isEmpty()) {
			return unknown("no email, user_id or username to search by");
		}
		for (ContactFilter filter : filters) {
			try {
				for (JsonNode contact : this.client.findContacts(orgId, filter)) {
					JsonNode id = contact.get("id");
					if (id != null && id.isString() && id.stringValue().equals(contactId)) {
						return new Located(Sighting.found("under its " + filter.name()), contact);
					}
				}
			}
			catch (InventApiException ex) {
				return unknown("the contact listing filtered by " + filter.name() + " answered " + ex.status());
			}
			catch (InventUnavailableException | MalformedAnswerException ex) {
				return unknown("the contact listing filtered by " + filter.name() + " failed: " + ex.getMessage());
			}
		}
		return new Located(Sighting.gone("under none of its " + filters.size() + " channel filters"), null);
	}

	/** Whether the org's lookup by id was refused and its contacts are looked for in the listing instead. */
	public boolean lookupsRefused(String orgId) {
		return this.lookupsRefused.contains(orgId);
	}

	/** Stops using the org's lookup by id: its answers were shown wrong (see the settling of lost merges). */
	public void distrustLookups(String orgId) {
		this.lookupsRefused.add(orgId);
	}

	private static Located unknown(String why) {
		return new Located(Sighting.unknown(why), null);
	}

	/**
	 * What looking for a contact found.
	 *
	 * @param sighting found, gone or unknown, and how
	 * @param contact the contact as the API answered it, when found
	 */
	public record Located(Sighting sighting, @Nullable JsonNode contact) {
	}

}
