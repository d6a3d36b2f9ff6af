package io.inventdedup.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A group of contacts that Invent detected as duplicates: its recommended primary and the
 * duplicates that would be merged into it.
 *
 * @param primary the contact Invent recommends as the survivor
 * @param duplicates the other contacts of the group
 */
public record DuplicateGroup(Contact primary, List<Contact> duplicates) {

	public DuplicateGroup {
		Objects.requireNonNull(primary, "primary");
		duplicates = List.copyOf(duplicates);
	}

	/**
	 * The primary and the duplicates, each contact once: a contact listed more than once is
	 * folded into one entry (see {@link Contact#foldedWith}).
	 */
	public List<Contact> members() {
		Map<String, Contact> byId = new LinkedHashMap<>();
		byId.put(this.primary.id(), this.primary);
		for (Contact duplicate : this.duplicates) {
			byId.merge(duplicate.id(), duplicate, Contact::foldedWith);
		}
		return new ArrayList<>(byId.values());
	}

}
