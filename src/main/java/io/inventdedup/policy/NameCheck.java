package io.inventdedup.policy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the eligible members of a group can be one person by their names
 * ({@link NameAgreement}). A member without a name neither confirms nor contradicts.
 * <ul>
 * <li>every named member agrees with every other (or fewer than two have a name): one person, as
 * far as names tell;</li>
 * <li>some disagree: the largest set of named members whose names all agree with each other word
 * for word (the agreeing core, at least two) is one person, and every other member is left out:
 * the named ones because their names differ, the nameless because nobody can tell whose they are.
 * In a group that shows different people, an initial or a missing part is no proof:
 * {@code Alexandra} beside {@code Alexandra Kim} and {@code Catherine Walsh} may be another
 * Alexandra;</li>
 * <li>no core (nobody agrees with anybody, or two cores of the same size): a person decides.</li>
 * </ul>
 * Two rules go further than names that agree, because a merge cannot be undone:
 * <ul>
 * <li>names that agree only through initials ({@code L. Green} / {@code Łukasz Green}) or a family
 * name ({@code Green} / {@code Maria Green}), and no other pair of names word for word or with a
 * missing part, may be a family's two members: a person decides;</li>
 * <li>the names of the members the policy excludes (an admin, a blocked contact) are evidence
 * too: when one of them disagrees with an eligible member's name, the group joins different people,
 * and its nameless members cannot be told apart: they are left out ({@code name-unknown}), and when
 * one named member is left, a person decides.</li>
 * </ul>
 * Names spelt alike (after normalising) are compared once. The search for the core is bounded
 * ({@value #MAX_NAMED} distinct names, {@value #MAX_STEPS} steps): past the bound there is no core,
 * and a person decides.
 */
public final class NameCheck {

	/** The most distinct names of one group that are compared pairwise. */
	static final int MAX_NAMED = 100;

	/** The most steps the search for the agreeing core may take. */
	static final int MAX_STEPS = 100_000;

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
			List<String> words = NameAgreement.words(member.name());
			if (words.isEmpty()) {
				nameless.add(member);
				continue;
			}
			named.add(member);
			// A name too long to compare agrees with none, not even its twin: a spelling of its own.
			List<String> key = NameAgreement.comparable(member.name()) ? words : List.of("\0" + member.id());
			byName.computeIfAbsent(key, (k) -> new ArrayList<>()).add(member);
		}
		boolean differentPeople = excluded.stream()
			.anyMatch((other) -> named.stream()
				.anyMatch((member) -> !NameAgreement.words(other.name()).isEmpty()
						&& NameAgreement.strength(other.name(), member.name()) == NameAgreement.Strength.NONE));
		if (named.size() < 2) {
			return (named.size() == 1 && !nameless.isEmpty() && differentPeople)
					? new Verdict.NoCore("a member left out names another person than " + describe(named)
							+ ", and the others have no name: whose are they?")
					: new Verdict.Agree();
		}
		List<List<String>> spellings = new ArrayList<>(byName.keySet());
		int n = spellings.size();
		if (n > MAX_NAMED) {
			return new Verdict.NoCore(n + " different names: too many to compare, a person decides");
		}
		int[] weights = new int[n];
		BitSet[] agrees = new BitSet[n];
		boolean all = true;
		boolean beyondInitials = false;
		for (int i = 0; i < n; i++) {
			weights[i] = byName.get(spellings.get(i)).size();
			beyondInitials |= weights[i] > 1;
			agrees[i] = new BitSet(n);
		}
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				NameAgreement.Strength strength = NameAgreement.strength(spellings.get(i), spellings.get(j), true);
				all &= strength != NameAgreement.Strength.NONE;
				beyondInitials |= strength.compareTo(NameAgreement.Strength.PART) >= 0;
				if (strength == NameAgreement.Strength.FULL) {
					agrees[i].set(j);
					agrees[j].set(i);
				}
			}
		}
		if (all && !beyondInitials) {
			return new Verdict.NoCore("names agree only through initials or a family name (a family's members may): "
					+ describe(named));
		}
		if (all && (!differentPeople || nameless.isEmpty())) {
			return new Verdict.Agree();
		}
		if (all) {
			return new Verdict.Core(named.stream().map(Contact::id).toList(), leftOut(List.of(), nameless),
					"a member left out names another person: the members without a name are left out too; "
							+ describe(named));
		}
		Cores cores = new Cores(agrees, weights);
		BitSet everyone = new BitSet(n);
		everyone.set(0, n);
		cores.search(new BitSet(n), everyone, new BitSet(n));
		String names = describe(named);
		if (cores.steps > MAX_STEPS || cores.largest < 2 || cores.countOfLargest > 1) {
			String why = (cores.steps > MAX_STEPS) ? "too many ways to group them"
					: (cores.largest < 2) ? "no two of them agree word for word"
							: "two sets of agreeing names are as large";
			return new Verdict.NoCore("names disagree (" + why + "): " + names);
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
				"names disagree: merged only the members whose names agree; " + names);
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
			described.add(member.id() + " " + quoted(member.name()));
		}
		return String.join(", ", described);
	}

	/** A name as the audit's detail shows it: quoted, at most 60 characters, no control characters. */
	static String quoted(String name) {
		String cut = (name.length() > 60) ? name.substring(0, 60) + "…" : name;
		return "\"" + cut.replaceAll("\\p{Cntrl}", "?") + "\"";
	}

	/**
	 * The largest sets of members whose names all agree word for word (maximum cliques of the
	 * agreement graph of the distinct spellings, each weighing as many members as spell it so, by
	 * Bron–Kerbosch with a pivot), and how many there are of that weight.
	 */
	private static final class Cores {

		private final BitSet[] agrees;

		private final int[] weights;

		private BitSet best = new BitSet();

		private int largest;

		private int countOfLargest;

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
					this.countOfLargest = 1;
					this.best = (BitSet) clique.clone();
				}
				else if (size == this.largest) {
					this.countOfLargest++;
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

		/** Every named member agrees with every other, or fewer than two have a name. */
		record Agree() implements Verdict {
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

	}

}
