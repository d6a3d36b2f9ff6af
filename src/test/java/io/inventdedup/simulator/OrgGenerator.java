package io.inventdedup.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Fills a simulated organization with a realistic, seeded population, the way a real org looks:
 * <ul>
 * <li>duplicate groups of 2 to 70 contacts of <em>one person</em>, sharing an email identity (some
 * also a phone), each contact carrying a variant of the person's name: as given, in another case,
 * surname first, with a typo, an initial, the surname missing, a double first name written as one
 * word, accents dropped, or no name at all;</li>
 * <li>groups of <em>different people</em> who share one channel ({@link #sharedChannels}): a
 * family's phone (one surname, different first names), a shop's inbox (different names), a stranger
 * who shares a real person's phone;</li>
 * <li>a few admins, blocked and unsubscribed contacts, ties on {@code created_at}, and contacts
 * that have no duplicate.</li>
 * </ul>
 * Each contact knows who it really is ({@link SimContact#person()}), so that a test can tell a merge
 * of one person from a merge of two. The same seed gives the same organization.
 */
public final class OrgGenerator {

	private static final Instant EPOCH = Instant.parse("2021-01-01T00:00:00Z");

	/** First names, some of them one letter or one ending apart (Maria / Mario, Daniel / Daniela). */
	private static final List<String> FIRST = List.of("Anna", "Maria", "Mario", "Mitchell", "John", "Joan",
			"Jonathan", "Zoë", "José", "Mary Ann", "Peter", "Sofia", "Liam", "Olivia", "Noah", "Emma", "Lucas",
			"Daniel", "Daniela", "Paul", "Paula", "Isabella", "Mateo", "Chloé", "Hannah", "Grace", "Samuel", "Aisha",
			"Mohammed", "Wei", "Yuki", "Priya", "Arjun", "Fatima", "Omar", "Elena", "Ivan", "Katarzyna", "Łukasz",
			"Søren", "Björn", "Anaïs", "François", "Siobhán", "Kwame", "Amara", "Giulia", "Matteo", "Lucía",
			"Joaquín", "Catherine", "Katherine", "Christopher", "Alexandra", "Benjamin", "Victoria", "Gabriel",
			"Gabriela", "Louis", "Louise", "Nikolai", "Ingrid", "Rosa", "Tomás", "Hiroshi", "Mei", "Ahmed",
			"Leila", "Thandiwe", "Oluwaseun");

	private static final List<String> LAST = List.of("Smith", "Jones", "Green", "McCarthy", "O'Brien", "Müller",
			"García", "Nguyen", "Kowalski", "Johansson", "Rossi", "Dubois", "Silva", "Okafor", "Patel", "Kim",
			"Tanaka", "Ivanova", "Schmidt", "van der Berg", "De la Cruz", "Hernández", "Novak", "Andersen", "Murphy",
			"Kelly", "Walsh", "Chen", "Li", "Wang", "Fitzgerald", "Abernathy", "Castellanos", "Wojciechowski");

	private final Random random;

	private final Set<String> usedIds = new HashSet<>();

	private double adminShare = 0.03;

	private double blockedShare = 0.04;

	private double unsubscribedShare = 0.08;

	private double namelessShare = 0.15;

	private double sharedChannels = 0.08;

	private int maxGroupSize = 70;

	private boolean variants = true;

	private int people;

	private OrgGenerator(long seed) {
		this.random = new Random(seed);
	}

	public static OrgGenerator seeded(long seed) {
		return new OrgGenerator(seed);
	}

	/** Groups of at most this many contacts (at least 2). */
	public OrgGenerator maxGroupSize(int maxGroupSize) {
		this.maxGroupSize = maxGroupSize;
		return this;
	}

	/**
	 * No admin, blocked or unsubscribed contact, every group one person's, and each contact spelling
	 * the name alike (or without one): every group is merged whole, for the tests of what the job
	 * does with the merges rather than of whom it merges.
	 */
	public OrgGenerator plainContacts() {
		this.adminShare = 0;
		this.blockedShare = 0;
		this.unsubscribedShare = 0;
		this.sharedChannels = 0;
		this.variants = false;
		return this;
	}

	/** The share of groups that join different people through one shared channel (default 0.08). */
	public OrgGenerator sharedChannels(double share) {
		this.sharedChannels = share;
		return this;
	}

	/** Adds {@code groups} duplicate groups and {@code singles} contacts without duplicates. */
	public List<List<SimContact>> populate(SimOrg org, int groups, int singles) {
		List<List<SimContact>> created = new ArrayList<>();
		for (int g = 0; g < groups; g++) {
			String email = "email:person-" + org.id + "-" + g + "@example.test";
			created.add((this.random.nextDouble() < this.sharedChannels) ? sharedGroup(org, g, email)
					: onePerson(org, g, email, groupSize(), newPerson()));
		}
		for (int s = 0; s < singles; s++) {
			String[] person = newPerson();
			add(org, person, variant(person), EPOCH.plus(this.random.nextInt(1_000_000), ChronoUnit.MINUTES),
					"email:single-" + org.id + "-" + s + "@example.test");
		}
		return created;
	}

	/** {@code size} contacts of one person sharing {@code email} (some also a phone of their own). */
	private List<SimContact> onePerson(SimOrg org, int g, String email, int size, String[] person) {
		Instant base = EPOCH.plus(this.random.nextInt(3 * 365 * 24 * 60), ChronoUnit.MINUTES);
		List<SimContact> members = new ArrayList<>();
		Instant previous = base;
		for (int m = 0; m < size; m++) {
			Instant createdAt = (m > 0 && this.random.nextDouble() < 0.15) ? previous
					: base.plus(this.random.nextInt(500 * 24 * 60), ChronoUnit.MINUTES);
			previous = createdAt;
			String[] identities = (this.random.nextDouble() < 0.3)
					? new String[] { email, "whatsapp:+1555-" + g + "-" + m } : new String[] { email };
			members.add(add(org, person, (this.random.nextDouble() < this.namelessShare) ? null : variant(person),
					createdAt, identities));
		}
		return members;
	}

	/**
	 * Different people who share one channel: a family's phone (one surname), a shop's inbox, or a
	 * stranger who shares a real person's phone. Each of them has at least one contact with a name: a
	 * person all of whose contacts are nameless beside one named stranger looks exactly like one
	 * person's contacts, to the name check and to anybody reading what the API lists.
	 */
	private List<SimContact> sharedGroup(SimOrg org, int g, String shared) {
		double kind = this.random.nextDouble();
		List<SimContact> members = new ArrayList<>();
		if (kind < 0.2) {
			String[] person = newPerson();
			List<SimContact> own = onePerson(org, g, shared, 2 + this.random.nextInt(3), person);
			if (own.stream().allMatch((contact) -> contact.name() == null)) {
				own.get(0).name = person[0] + " " + person[1];
			}
			members.addAll(own);
			String[] stranger = newPerson();
			members.add(add(org, stranger, variant(stranger), EPOCH.plus(this.random.nextInt(1_000_000),
					ChronoUnit.MINUTES), shared));
			return members;
		}
		int count = 2 + this.random.nextInt(2);
		String surname = LAST.get(this.random.nextInt(LAST.size()));
		List<String> firstNames = new ArrayList<>();
		for (int p = 0; p < count; p++) {
			String first;
			do {
				first = FIRST.get(this.random.nextInt(FIRST.size()));
			}
			while (firstNames.contains(first));
			firstNames.add(first);
			String[] person = (kind < 0.65) ? newPerson(first, surname) : newPerson();
			int contacts = 1 + ((this.random.nextDouble() < 0.3) ? 1 : 0);
			for (int c = 0; c < contacts; c++) {
				members.add(add(org, person, variant(person),
						EPOCH.plus(this.random.nextInt(1_000_000), ChronoUnit.MINUTES), shared,
						"email:own-" + org.id + "-" + g + "-" + p + "@example.test"));
			}
		}
		return members;
	}

	private SimContact add(SimOrg org, String[] person, String name, Instant createdAt, String... identities) {
		SimContact contact = org.newContact(newId())
			.named(name)
			.createdAt(createdAt)
			.admin(draw(this.adminShare))
			.blocked(draw(this.blockedShare))
			.unsubscribed(draw(this.unsubscribedShare))
			.channels(identities)
			.add();
		contact.person = person[2];
		return contact;
	}

	private String[] newPerson() {
		return newPerson(FIRST.get(this.random.nextInt(FIRST.size())), LAST.get(this.random.nextInt(LAST.size())));
	}

	private String[] newPerson(String first, String last) {
		return new String[] { first, last, "person-" + (this.people++) };
	}

	/** One contact's spelling of a person's name. */
	private String variant(String[] person) {
		String first = person[0];
		String last = person[1];
		double roll = this.random.nextDouble();
		if (roll < 0.38 || !this.variants) {
			return first + " " + last;
		}
		if (roll < 0.46) {
			return (first + " " + last).toLowerCase(Locale.ROOT);
		}
		if (roll < 0.50) {
			return (first + " " + last).toUpperCase(Locale.ROOT);
		}
		if (roll < 0.60) {
			return last + ", " + first;
		}
		if (roll < 0.74) {
			return this.random.nextBoolean() ? typo(first) + " " + last : first + " " + typo(last);
		}
		if (roll < 0.80) {
			return first.charAt(0) + ". " + last;
		}
		if (roll < 0.88) {
			return first;
		}
		if (roll < 0.93) {
			return first.replace(" ", "") + " " + last;
		}
		return java.text.Normalizer.normalize(first + "  " + last, java.text.Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "");
	}

	/** One typing mistake inside a word: a letter swapped with the next, doubled, dropped or replaced. */
	private String typo(String word) {
		if (word.length() < 4) {
			return word;
		}
		int at = this.random.nextInt(word.length() - 1);
		char[] letters = word.toCharArray();
		return switch (this.random.nextInt(4)) {
			case 0 -> {
				char swap = letters[at];
				letters[at] = letters[at + 1];
				letters[at + 1] = swap;
				yield new String(letters);
			}
			case 1 -> word.substring(0, at) + word.charAt(at) + word.substring(at);
			case 2 -> word.substring(0, at) + word.substring(at + 1);
			default -> word.substring(0, at) + (char) ('a' + this.random.nextInt(26)) + word.substring(at + 1);
		};
	}

	private int groupSize() {
		double roll = this.random.nextDouble();
		int size;
		if (roll < 0.70) {
			size = 2;
		}
		else if (roll < 0.85) {
			size = 3;
		}
		else if (roll < 0.93) {
			size = 4 + this.random.nextInt(2);
		}
		else if (roll < 0.98) {
			size = 6 + this.random.nextInt(15);
		}
		else {
			size = 21 + this.random.nextInt(50);
		}
		return Math.min(size, this.maxGroupSize);
	}

	private String newId() {
		String id;
		do {
			id = "ct_" + Long.toString(Math.abs(this.random.nextLong()) % 2_176_782_336L, 36);
		}
		while (!this.usedIds.add(id));
		return id;
	}

	private boolean draw(double share) {
		return this.random.nextDouble() < share;
	}

}
