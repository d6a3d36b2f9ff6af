package io.inventdedup.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Fills a simulated organization with a realistic, seeded population: duplicate groups of 2 to 70
 * contacts sharing an email identity (some also a phone), a few admins, blocked and unsubscribed
 * contacts, nameless contacts, ties on {@code created_at}, and contacts that have no duplicate.
 * The same seed gives the same organization.
 */
public final class OrgGenerator {

	private static final Instant EPOCH = Instant.parse("2021-01-01T00:00:00Z");

	private final Random random;

	private final Set<String> usedIds = new HashSet<>();

	private double adminShare = 0.03;

	private double blockedShare = 0.04;

	private double unsubscribedShare = 0.08;

	private int maxGroupSize = 70;

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

	/** No admin, blocked or unsubscribed contact: every group is eligible whole. */
	public OrgGenerator plainContacts() {
		this.adminShare = 0;
		this.blockedShare = 0;
		this.unsubscribedShare = 0;
		return this;
	}

	/** Adds {@code groups} duplicate groups and {@code singles} contacts without duplicates. */
	public List<List<SimContact>> populate(SimOrg org, int groups, int singles) {
		List<List<SimContact>> created = new ArrayList<>();
		for (int g = 0; g < groups; g++) {
			int size = groupSize();
			Instant base = EPOCH.plus(this.random.nextInt(3 * 365 * 24 * 60), ChronoUnit.MINUTES);
			String email = "email:person-" + org.id + "-" + g + "@example.test";
			List<SimContact> members = new ArrayList<>();
			Instant previous = base;
			for (int m = 0; m < size; m++) {
				Instant createdAt = (m > 0 && this.random.nextDouble() < 0.15) ? previous
						: base.plus(this.random.nextInt(500 * 24 * 60), ChronoUnit.MINUTES);
				previous = createdAt;
				String[] identities = (this.random.nextDouble() < 0.3)
						? new String[] { email, "whatsapp:+1555-" + g + "-" + m } : new String[] { email };
				members.add(org.addContact(newId(), name(), createdAt, draw(this.adminShare),
						draw(this.blockedShare), draw(this.unsubscribedShare), identities));
			}
			created.add(members);
		}
		for (int s = 0; s < singles; s++) {
			org.addContact(newId(), name(), EPOCH.plus(this.random.nextInt(1_000_000), ChronoUnit.MINUTES), false,
					false, false, "email:single-" + org.id + "-" + s + "@example.test");
		}
		return created;
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

	private String name() {
		return (this.random.nextDouble() < 0.2) ? null : "Person " + this.random.nextInt(100_000);
	}

	private boolean draw(double share) {
		return this.random.nextDouble() < share;
	}

}
