package io.inventdedup.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A listed group of a test org of people ({@link FebrlOrg}, {@link MultilingualOrg},
 * {@link ConventionCases}): its members, who each really is, and what the group is made of.
 *
 * @param kind what the group is made of, for the figures
 * @param locale the locale of its names
 * @param members its members, the first listed as the primary
 */
record OrgGroup(String kind, String locale, List<Member> members) {

	private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

	OrgGroup {
		members = List.copyOf(members);
	}

	/** Whether the group's members are one person. */
	boolean onePerson() {
		return this.members.stream().map(Member::person).distinct().count() == 1;
	}

	/** The group as the API would list it: each member a contact, created a second after the one before. */
	DuplicateGroup listed() {
		List<Contact> contacts = new ArrayList<>();
		for (int i = 0; i < this.members.size(); i++) {
			contacts.add(this.members.get(i).contact(i));
		}
		return new DuplicateGroup(contacts.get(0), contacts.subList(1, contacts.size()));
	}

	/**
	 * A member of a group.
	 * @param id its contact id
	 * @param person who it really is
	 * @param name the name it carries
	 */
	record Member(String id, String person, String name) {

		Contact contact(int order) {
			return new Contact(this.id, T0.plusSeconds(order), false, false, false, 1, this.name);
		}

	}

}
