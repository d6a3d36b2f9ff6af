package io.inventdedup.merge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import io.inventdedup.audit.AuditRecord;
import io.inventdedup.invent.ContactFilter;
import io.inventdedup.invent.ContactLocator;
import io.inventdedup.invent.GroupDecoder;
import io.inventdedup.policy.Settlement;
import io.inventdedup.policy.Sighting;

/**
 * Settles a merge call whose answer was lost by looking its contacts up ({@link ContactLocator}:
 * by id while the API answers that, else in the contact listing under the channels the group was
 * listed with), and leaves the verdict to the policy ({@link Settlement}).
 * <p>
 * A merge never deletes its survivor: when the lookup by id says the survivor is gone but the
 * contact listing finds it, the lookup by id is not to be trusted (an API that answers 404 for a
 * path it does not serve), so the sources are looked for in the listing too.
 */
class MergeSettler {

	private final ContactLocator locator;

	MergeSettler(ContactLocator locator) {
		this.locator = locator;
	}

	/** Settles the call of {@code row} that merged {@code sources} into its survivor. */
	Settlement settle(AuditRecord row, List<String> sources) {
		Map<String, List<ContactFilter>> filters = filters(row);
		String orgId = row.plan().orgId();
		String survivorId = row.plan().survivorId();
		List<ContactFilter> survivorFilters = filters.getOrDefault(survivorId, List.of());
		boolean byId = !this.locator.lookupsRefused(orgId);
		Sighting survivor = this.locator.locate(orgId, survivorId, survivorFilters).sighting();
		if (byId && survivor.presence() == Sighting.Presence.GONE) {
			Sighting searched = this.locator.search(orgId, survivorId, survivorFilters).sighting();
			if (searched.presence() == Sighting.Presence.FOUND) {
				this.locator.distrustLookups(orgId);
				survivor = searched;
			}
		}
		Map<String, Sighting> sighted = new LinkedHashMap<>();
		for (String source : sources) {
			sighted.put(source, this.locator.locate(orgId, source, filters.getOrDefault(source, List.of())).sighting());
		}
		return Settlement.of(survivorId, survivor, sighted);
	}

	/** Where each of these contacts of the row's group is now: found, gone, or cannot be told. */
	Map<String, Sighting> sight(AuditRecord row, List<String> contactIds) {
		Map<String, List<ContactFilter>> filters = filters(row);
		Map<String, Sighting> sighted = new LinkedHashMap<>();
		for (String contactId : contactIds) {
			sighted.put(contactId,
					this.locator.locate(row.plan().orgId(), contactId, filters.getOrDefault(contactId, List.of())).sighting());
		}
		return sighted;
	}

	/** The filters of the contact listing that find each member of the row's group. */
	Map<String, List<ContactFilter>> filters(AuditRecord row) {
		return GroupDecoder.searchFilters(row.plan().listedGroup());
	}

}
