package io.inventdedup.policy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.jspecify.annotations.Nullable;

/**
 * Whether two names can be one person's. Invent groups contacts that share a channel, and a shared
 * phone or inbox is not always one person: the name check keeps a family's phone or a shop's
 * inbox from merging different people. The rules, on names normalised for case, accents
 * ({@code Zoë} = {@code Zoe}), punctuation and spacing, with the order of the words free
 * ({@code Smith, Anna} = {@code Anna Smith}): every word of the shorter name matches its own word
 * of the longer one, where a word matches
 * <ul>
 * <li>the same word;</li>
 * <li>an initial of it ({@code J.} / {@code John}), as long as some other word of the shorter
 * name matches in full: initials alone prove nothing;</li>
 * <li>a nickname or short form of it, as the published list pairs them ({@link Nicknames}:
 * {@code Bob} / {@code Robert}, {@code Peggy} / {@code Margaret}), never chained;</li>
 * <li>the same word with a typo: two letters swapped ({@code Jhon} / {@code John}), or, in words of
 * five letters or more, a Jaro–Winkler similarity (Apache Commons Text) of at least
 * {@value #TYPO_SIMILARITY} ({@code Mcarthy} / {@code McCarthy}, {@code Wiseman} / {@code Wisemann}),
 * provided both words begin and end with the same letter: a
 * different ending is a different name ({@code Mario} / {@code Maria}, {@code Paul} /
 * {@code Paula}), and words of four letters or fewer must be exact ({@code John} / {@code Joan});
 * and never when both words are given names in their own right (both in the list of
 * {@link Nicknames}): a typo makes a name into a non-name, not into another name
 * ({@code Christian} / {@code Christina}, {@code Francis} / {@code Frances} are two people's names,
 * and a family shares a phone);</li>
 * </ul>
 * and two words of one name may stand for one word of the other ({@code Mary Ann} /
 * {@code Maryann}). A missing part is no contradiction ({@code Anna} / {@code Anna Smith}), but a
 * missing first word leaves only what a family shares ({@code Berry} / {@code Harry Berry}): weak
 * evidence, like an initial ({@link Strength#FAMILY}).
 * <p>
 * Every doubt falls on the side of "disagree", which sends a group to a person rather than into a
 * merge: a name longer than {@value #MAX_LENGTH} characters or of more than {@value #MAX_WORDS}
 * words cannot be compared and agrees with no other name.
 */
public final class NameAgreement {

	/** The most characters of a name that are compared; a longer name agrees with none. */
	static final int MAX_LENGTH = 120;

	/** The most words of a name that are compared; a name of more agrees with none. */
	static final int MAX_WORDS = 6;

	private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

	/** The Jaro–Winkler similarity from which a word is the other with a typo. */
	static final double TYPO_SIMILARITY = 0.88;

	private NameAgreement() {
	}

	/**
	 * The words of a name as they are compared: accents stripped, lower case, split at anything
	 * that is not a letter or a digit (apostrophes join: {@code O'Brien} = {@code OBrien}). Empty
	 * for a name that is null, blank or punctuation only: such a contact has no name to check.
	 */
	public static List<String> words(@Nullable String name) {
		if (name == null) {
			return List.of();
		}
		String folded = Normalizer.normalize(name, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT)
			.replace("ß", "ss")
			.replace("æ", "ae")
			.replace("œ", "oe")
			.replace("ø", "o")
			.replace("ł", "l")
			.replace("đ", "d")
			.replaceAll("['’`]", "");
		List<String> words = new ArrayList<>();
		for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

	/** Whether the names can be one person's; a name without words agrees with none. */
	public static boolean agree(@Nullable String one, @Nullable String other) {
		return strength(one, other) != Strength.NONE;
	}

	/** How strongly the names say that they are one person's. */
	public static Strength strength(@Nullable String one, @Nullable String other) {
		return strength(words(one), words(other), comparable(one) && comparable(other));
	}

	/** How strongly these normalised names (see {@link #words}) say that they are one person's. */
	static Strength strength(List<String> one, List<String> other, boolean comparable) {
		if (!comparable || one.isEmpty() || other.isEmpty() || one.size() > MAX_WORDS || other.size() > MAX_WORDS) {
			return Strength.NONE;
		}
		Strength best = Strength.NONE;
		for (List<Word> a : joinings(one)) {
			for (List<Word> b : joinings(other)) {
				boolean aShorter = a.size() <= b.size();
				List<Word> shorter = aShorter ? a : b;
				List<Word> longer = aShorter ? b : a;
				boolean[] used = new boolean[longer.size()];
				if (assign(shorter, longer, 0, used, false, false)) {
					// Without the longer name's first word (its given name, as names are mostly written),
					// what agrees is what a family shares: Berry / Harry Berry.
					return (shorter.size() == longer.size()) ? Strength.FULL : used[0] ? Strength.PART : Strength.FAMILY;
				}
				if (best == Strength.NONE && assign(shorter, longer, 0, new boolean[longer.size()], true, false)) {
					best = Strength.INITIAL;
				}
			}
		}
		return best;
	}

	/**
	 * How strongly two names say that they are one person's, weakest first. Two names that agree
	 * only through an initial, or only because one lacks a part the other has, are weaker evidence
	 * than two names that match word for word: {@link NameCheck} asks for more in a group whose
	 * names show different people.
	 */
	public enum Strength {

		/** They disagree: not one person's. */
		NONE,

		/** They agree only if an initial stands for a word ({@code J. Smith} / {@code John Smith}). */
		INITIAL,

		/**
		 * They agree only on what the longer name has after its first word, the shorter lacking
		 * that word ({@code Berry} / {@code Harry Berry}): what a family's members share, on a
		 * family's phone.
		 */
		FAMILY,

		/** They agree, one lacking a part of the other ({@code Anna} / {@code Anna Smith}). */
		PART,

		/** They match word for word, typos, order, case and accents aside. */
		FULL

	}

	/** Whether a name is short enough to be compared at all. */
	static boolean comparable(@Nullable String name) {
		return name == null || name.length() <= MAX_LENGTH;
	}

	/**
	 * The name as it is, and with each pair of its words written as one, in either order (the order
	 * of the words is free: {@code Kelly, Mary Ann} / {@code Maryann Kelly}). A word written as
	 * one matches only itself: a typo allowed in a long joined word would let two short names that
	 * differ by a letter agree ({@code Mario Green} / {@code Maria Green}).
	 */
	private static List<List<Word>> joinings(List<String> words) {
		List<Word> plain = words.stream().map((word) -> new Word(word, false)).toList();
		List<List<Word>> joinings = new ArrayList<>();
		joinings.add(plain);
		for (int i = 0; i < words.size(); i++) {
			for (int j = 0; j < words.size(); j++) {
				if (i != j) {
					List<Word> joined = new ArrayList<>();
					joined.add(new Word(words.get(i) + words.get(j), true));
					for (int k = 0; k < words.size(); k++) {
						if (k != i && k != j) {
							joined.add(plain.get(k));
						}
					}
					joinings.add(joined);
				}
			}
		}
		return joinings;
	}

	/** A word of a name, or two of its words written as one ({@code joined}). */
	private record Word(String text, boolean joined) {
	}

	/**
	 * Whether every word of {@code shorter} from {@code next} on matches a word of its own in
	 * {@code longer}, with at least one full match; initials count only when {@code initials}.
	 */
	private static boolean assign(List<Word> shorter, List<Word> longer, int next, boolean[] used, boolean initials,
			boolean fullMatch) {
		if (next == shorter.size()) {
			return fullMatch;
		}
		Word word = shorter.get(next);
		for (int j = 0; j < longer.size(); j++) {
			if (used[j]) {
				continue;
			}
			Match match = match(word, longer.get(j));
			if (match == Match.NONE || (match == Match.INITIAL && !initials)) {
				continue;
			}
			used[j] = true;
			if (assign(shorter, longer, next + 1, used, initials, fullMatch || match == Match.FULL)) {
				return true;
			}
			used[j] = false;
		}
		return false;
	}

	private enum Match {

		NONE, INITIAL, FULL

	}

	private static Match match(Word oneWord, Word otherWord) {
		String one = oneWord.text();
		String other = otherWord.text();
		if (one.equals(other)) {
			return Match.FULL;
		}
		if (oneWord.joined() || otherWord.joined()) {
			return Match.NONE;
		}
		if (one.length() == 1 || other.length() == 1) {
			return (one.charAt(0) == other.charAt(0)) ? Match.INITIAL : Match.NONE;
		}
		if (Nicknames.areShortForms(one, other)) {
			return Match.FULL;
		}
		return isTypo(one, other) ? Match.FULL : Match.NONE;
	}

	/** Whether one word is the other with a typo (see the class's rules). */
	static boolean isTypo(String one, String other) {
		if (Nicknames.isGivenName(one) && Nicknames.isGivenName(other)) {
			return false;
		}
		int shortest = Math.min(one.length(), other.length());
		if (shortest >= 4 && isSwap(one, other)) {
			return true;
		}
		return shortest >= 5 && one.charAt(0) == other.charAt(0)
				&& one.charAt(one.length() - 1) == other.charAt(other.length() - 1)
				&& JARO_WINKLER.apply(one, other) >= TYPO_SIMILARITY;
	}

	/** Two neighbouring letters swapped, the rest the same. */
	private static boolean isSwap(String one, String other) {
		if (one.length() != other.length()) {
			return false;
		}
		int first = 0;
		while (first < one.length() && one.charAt(first) == other.charAt(first)) {
			first++;
		}
		return first + 1 < one.length() && one.charAt(first) == other.charAt(first + 1)
				&& one.charAt(first + 1) == other.charAt(first)
				&& one.substring(first + 2).equals(other.substring(first + 2));
	}

}
