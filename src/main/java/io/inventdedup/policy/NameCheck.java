package io.inventdedup.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.inventdedup.names.NameComparison;

/**
 * Whether the eligible members of a group can be one person by their names, each pair weighed as
 * evidence ({@link NameComparison}: same, unsure, different). A member without a name is weighed by
 * what its channels call it ({@link ChannelName}: a channel's name, a personal email's
 * {@code robert.smith@}); with neither, it neither confirms nor contradicts.
 * <ul>
 * <li>every pair of named members the same person (or fewer than two have a name): one person, as
 * far as names tell;</li>
 * <li>every pair different (no two names the same person, none unsure): different people; the
 * group is left alone ({@link Verdict.Differ}, recorded {@code names-differ});</li>
 * <li>else the largest set of named members whose names are pairwise the same person (the agreeing
 * core, at least two) is one person, and every other member is left out: the named ones because
 * their names differ or leave a doubt, the nameless because nobody can tell whose they are. In a
 * group that shows different people (a pair different), a missing part is no proof:
 * {@code Alexandra} beside {@code Alexandra Kim} and {@code Catherine Walsh} may be another
 * Alexandra;</li>
 * <li>where two cores are as large, the members in both are the core (two {@code Jon Kim} beside
 * a {@code Jonathan Kim} and a {@code Jonathon Kim}, each a long form of {@code Jon} but in doubt
 * with the other: the two {@code Jon Kim});</li>
 * <li>no core (only doubts, or two cores of the same size with fewer than two members in common):
 * a person decides.</li>
 * </ul>
 * The names of the members the policy excludes (an admin, a blocked contact) are evidence too: when
 * one of them is a different person from an eligible member, the group joins different people, and
 * its nameless members cannot be told apart: they are left out ({@code name-unknown}), and when one
 * named member is left, a person decides.
 * <p>
 * Names spelt alike (after normalising) are compared once, and are one person's if their words
 * carry the evidence ({@code Smith} twice, in an org of many Smiths, is a doubt). The search for
 * the core is bounded ({@value #MAX_NAMED} distinct names, {@value #MAX_STEPS} steps): past the
 * bound there is no core, and a person decides.
 */
final class NameCheck {

	/** The most distinct names of one group that are compared pairwise. */
	static final int MAX_NAMED = 100;

	/** The most steps the search for the agreeing core may take. */
	static final int MAX_STEPS = 100_000;

	/** The most comparisons a detail spells out. */
	private static final int MAX_EVIDENCE = 6;

	private NameCheck() {
	}

	/** What the names of {@code eligible} say, without other members. */
	public static Verdict of(List<Contact> eligible) {
		return of(eligible, List.of());
	}

	/**
	 * What the names of {@code eligible} say.
	 * @param excluded the group's members the policy leaves out (admins, blocked, held, ...)
	 */
	public static Verdict of(List<Contact> eligible, List<Contact> excluded) {
		List<Contact> named = new ArrayList<>();
		List<Contact> nameless = new ArrayList<>();
		Map<List<String>, List<Contact>> byName = new LinkedHashMap<>();
		List<Contact> sorted = new ArrayList<>(eligible);
		sorted.sort(Comparator.comparing(Contact::id));
		for (Contact member : sorted) {
			List<String> words = NameComparison.words(member.nameToCompare());
			if (words.isEmpty()) {
				nameless.add(member);
				continue;
			}
			named.add(member);
			// A name too long to compare agrees with none, not even its twin: a spelling of its own,
			// which no word of a name can spell (a word is letters and digits).
			List<String> key = NameComparison.comparable(member.nameToCompare())
					? NameComparison.spelling(member.nameToCompare()) : List.of(" ", member.id());
			byName.computeIfAbsent(key, (k) -> new ArrayList<>()).add(member);
		}
		boolean differentPeople = excluded.stream()
			.filter((other) -> !NameComparison.words(other.nameToCompare()).isEmpty())
			.anyMatch((other) -> named.stream()
				.anyMatch((member) -> NameComparison.compare(other.nameToCompare(), member.nameToCompare())
					.verdict() == NameComparison.Verdict.DIFFERENT));
		if (named.size() < 2) {
			return (named.size() == 1 && !nameless.isEmpty() && differentPeople)
					? new Verdict.NoCore("a member left out names another person than " + describe(named)
							+ ", and the others have no name: whose are they?")
					: new Verdict.Agree(null);
		}
		List<List<String>> spellings = new ArrayList<>(byName.keySet());
		// Each spelling compared as its first member writes it.
		List<String> spelt = spellings.stream().map((spelling) -> byName.get(spelling).get(0).nameToCompare()).toList();
		int n = spellings.size();
		if (n > MAX_NAMED) {
			return new Verdict.NoCore(n + " different names: too many to compare, a person decides");
		}
		int[] weights = new int[n];
		BitSet[] same = new BitSet[n];
		BitSet[] sameInFull = new BitSet[n];
		List<String> evidence = new ArrayList<>();
		List<String> twinsAgree = new ArrayList<>();
		boolean unsure = false;
		boolean different = false;
		for (int i = 0; i < n; i++) {
			weights[i] = byName.get(spellings.get(i)).size();
			same[i] = new BitSet(n);
			sameInFull[i] = new BitSet(n);
			if (weights[i] > 1 && !uncompared(spellings.get(i))) {
				NameComparison.Result twins = NameComparison.compare(spelt.get(i), spelt.get(i));
				if (twins.verdict() != NameComparison.Verdict.SAME) {
					// Twins whose shared words prove nothing: not one person for that, a core of one.
					weights[i] = 1;
					unsure = true;
					evidence.add(twins.evidence());
				}
				else {
					twinsAgree.add(twins.evidence());
				}
			}
		}
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				// A name too long to compare is unsure with every other: NameComparison says so.
				NameComparison.Result result = NameComparison.compare(spelt.get(i), spelt.get(j));
				evidence.add(result.evidence());
				switch (result.verdict()) {
					case SAME -> {
						same[i].set(j);
						same[j].set(i);
						if (!result.partial()) {
							sameInFull[i].set(j);
							sameInFull[j].set(i);
						}
					}
					case UNSURE -> unsure = true;
					case DIFFERENT -> different = true;
				}
			}
		}
		String names = describe(named) + ": " + evidence(evidence);
		if (!unsure && !different) {
			return (differentPeople && !nameless.isEmpty())
					? new Verdict.Core(named.stream().map(Contact::id).toList(), leftOut(List.of(), nameless),
							"a member left out names another person: the members without a name are left out too; "
									+ names)
					: new Verdict.Agree("names agree: " + describe(named) + ": "
							+ evidence(concat(evidence, twinsAgree)));
		}
		if (!unsure && named.size() == n && Arrays.stream(same).allMatch(BitSet::isEmpty)) {
			return new Verdict.Differ("names differ: " + names);
		}
		Cores cores = new Cores(different ? sameInFull : same, weights);
		BitSet everyone = new BitSet(n);
		everyone.set(0, n);
		cores.search(new BitSet(n), everyone, new BitSet(n));
		if (cores.steps > MAX_STEPS || cores.largest < 2 || cores.weight(cores.best) < 2) {
			String why = (cores.steps > MAX_STEPS) ? "too many ways to group them"
					: (cores.largest < 2) ? "no two of them surely one person"
							: "two sets of agreeing names are as large";
			return new Verdict.NoCore("names leave a doubt (" + why + "): " + names);
		}
		List<String> core = new ArrayList<>();
		List<Contact> differing = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			for (Contact member : byName.get(spellings.get(i))) {
				if (cores.best.get(i)) {
					core.add(member.id());
				}
				else {
					differing.add(member);
				}
			}
		}
		return new Verdict.Core(core, leftOut(differing, nameless),
				"names disagree: merged only the members whose names are one person's; " + names);
	}

	/** Whether this spelling stands for a name too long to compare. */
	private static boolean uncompared(List<String> spelling) {
		return spelling.get(0).equals(" ");
	}

	private static List<String> concat(List<String> one, List<String> other) {
		List<String> both = new ArrayList<>(one);
		both.addAll(other);
		return both;
	}

	/** At most {@value #MAX_EVIDENCE} comparisons, one per pair of spellings, in their order. */
	private static String evidence(List<String> evidence) {
		String said = String.join("; ", evidence.subList(0, Math.min(MAX_EVIDENCE, evidence.size())));
		return (evidence.size() > MAX_EVIDENCE) ? said + "; …" : said;
	}

	/** The members left out of a core: {@code name-differs} and {@code name-unknown}, by id. */
	private static List<Exclusion> leftOut(List<Contact> differing, List<Contact> nameless) {
		List<Exclusion> leftOut = new ArrayList<>();
		differing.forEach((member) -> leftOut.add(new Exclusion(member.id(), ExclusionReason.NAME_DIFFERS)));
		nameless.forEach((member) -> leftOut.add(new Exclusion(member.id(), ExclusionReason.NAME_UNKNOWN)));
		leftOut.sort(Comparator.comparing(Exclusion::contactId));
		return leftOut;
	}

	/** Each named member as {@code id "name"}, the name cut and made printable. */
	private static String describe(List<Contact> named) {
		List<String> described = new ArrayList<>();
		for (Contact member : named) {
			boolean standIn = NameComparison.words(member.name()).isEmpty();
			described.add(member.id() + " " + (standIn ? "(no name; its channel: " + quoted(member.channelName()) + ")"
					: quoted(member.name())));
		}
		return String.join(", ", described);
	}

	/** A name as the audit's detail shows it: quoted, at most 60 characters, no control characters. */
	static String quoted(String name) {
		String cut = (name.length() > 60) ? name.substring(0, 60) + "…" : name;
		return "\"" + cut.replaceAll("\\p{Cntrl}", "?") + "\"";
	}

	/**
	 * The members that every largest set of pairwise agreeing names holds (the maximum cliques of the
	 * agreement graph of the distinct spellings, each weighing as many members as spell it so, by
	 * Bron–Kerbosch with a pivot, and their intersection).
	 */
	private static final class Cores {

		private final BitSet[] agrees;

		private final int[] weights;

		private BitSet best = new BitSet();

		private int largest;

		private int steps;

		Cores(BitSet[] agrees, int[] weights) {
			this.agrees = agrees;
			this.weights = weights;
		}

		private int weight(BitSet members) {
			int weight = 0;
			for (int i = members.nextSetBit(0); i >= 0; i = members.nextSetBit(i + 1)) {
				weight += this.weights[i];
			}
			return weight;
		}

		void search(BitSet clique, BitSet candidates, BitSet excluded) {
			if (++this.steps > MAX_STEPS) {
				return;
			}
			if (candidates.isEmpty() && excluded.isEmpty()) {
				int size = weight(clique);
				if (size > this.largest) {
					this.largest = size;
					this.best = (BitSet) clique.clone();
				}
				else if (size == this.largest) {
					// Two cores as large: only the members in both are surely one person.
					this.best.and(clique);
				}
				return;
			}
			if (weight(clique) + weight(candidates) < this.largest) {
				return;
			}
			BitSet pivotPool = (BitSet) candidates.clone();
			pivotPool.or(excluded);
			int pivot = pivotPool.nextSetBit(0);
			BitSet toTry = (BitSet) candidates.clone();
			toTry.andNot(this.agrees[pivot]);
			for (int v = toTry.nextSetBit(0); v >= 0; v = toTry.nextSetBit(v + 1)) {
				BitSet nextClique = (BitSet) clique.clone();
				nextClique.set(v);
				BitSet nextCandidates = (BitSet) candidates.clone();
				nextCandidates.and(this.agrees[v]);
				BitSet nextExcluded = (BitSet) excluded.clone();
				nextExcluded.and(this.agrees[v]);
				search(nextClique, nextCandidates, nextExcluded);
				candidates.clear(v);
				excluded.set(v);
			}
		}

	}

	/** What the names of a group's eligible members say. */
	public sealed interface Verdict {

		/**
		 * Every named member is one person with every other, or fewer than two have a name.
		 *
		 * @param detail the names and the evidence that they are one person's, for the audit; null
		 * when fewer than two members have a name
		 */
		record Agree(@Nullable String detail) implements Verdict {
		}

		/**
		 * Some names disagree: {@code core} is one person; {@code leftOut} are the others.
		 *
		 * @param core the ids of the agreeing core, at least two
		 * @param leftOut the other eligible members, {@code name-differs} or {@code name-unknown}
		 * @param detail the names, for the audit
		 */
		record Core(List<String> core, List<Exclusion> leftOut, String detail) implements Verdict {
		}

		/**
		 * No agreeing core: a person decides.
		 *
		 * @param detail the names, for the audit
		 */
		record NoCore(String detail) implements Verdict {
		}

		/**
		 * Every pair of names is two people's: the group joins different people and is left alone.
		 *
		 * @param detail the names and the evidence, for the audit
		 */
		record Differ(String detail) implements Verdict {
		}

	}

}
