package io.inventdedup.policy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What two names say of their contacts, weighed as evidence: {@link Verdict#SAME} (one person's),
 * {@link Verdict#UNSURE} (a person decides) or {@link Verdict#DIFFERENT} (two people's), with the
 * evidence in words ({@code Bob ≈ Robert: a short form}, {@code Green = Green, but Maria ≠ Mitchell}).
 * <p>
 * The names are normalised for case, accents ({@code Zoë} = {@code Zoe}), punctuation and spacing
 * ({@link #words}), and their words aligned one to one in the order that fits best (the order is
 * free: {@code Smith, Anna} = {@code Anna Smith}; two neighbouring words of the longer name may be
 * one word of the shorter: {@code Mary Ann} = {@code Maryann}). Each pair of aligned words takes a
 * level of evidence ({@link WordMatch}: the same word, a short form from the published list, letters
 * swapped, a typo by Jaro–Winkler, a phonetic match, an initial; or the levels that speak against:
 * two given names of their own, nothing alike), and each level weighs some bits: the same word as
 * much as it is rare in the org's listing ({@link NameFrequencies}: up to 11), a short form 6, a
 * swap or a close typo 5, a typo 4, a phonetic match 3, a resemblance or an initial 1
 * ({@link WordMatch#bits}).
 * The alignment with the fewest contradictions, then the fewest doubts, then
 * the most bits, decides, in this order:
 * <ol>
 * <li>a pair of words that speak against (an unlike word, two given names): {@code DIFFERENT};</li>
 * <li>two names the list pairs but spelt a letter apart ({@code Marian} / {@code Marion}):
 * {@code UNSURE};</li>
 * <li>the given name (the longer name's first word) missing from the shorter, or only an initial:
 * what a family shares ({@code Berry} / {@code Harry Berry}, {@code J. Smith} / {@code John Smith}):
 * {@code UNSURE};</li>
 * <li>less than {@value #SAME_BITS} bits (a shared common word alone, {@code Smith} / {@code Smith}
 * in an org full of Smiths): {@code UNSURE}; the given name itself, the longer name's first word,
 * where the shorter lacks a part, weighs at least that ({@code Anna} / {@code Anna Smith}), since on
 * a shared channel it is what tells a family's members apart;</li>
 * <li>else {@code SAME}, a missing part no contradiction ({@code Anna} / {@code Anna Smith}).</li>
 * </ol>
 * Every doubt falls on the side of a person: a name longer than {@value #MAX_LENGTH} characters or
 * of more than {@value #MAX_WORDS} words, or without words, is {@code UNSURE} with every other.
 */
final class NameComparison {

	/** The most characters of a name that are compared; a longer name is unsure with every other. */
	static final int MAX_LENGTH = 120;

	/** The most words of a name that are compared; a name of more is unsure with every other. */
	static final int MAX_WORDS = 6;

	/** The evidence two names must carry to be one person's. */
	static final double SAME_BITS = 7;

	/** What a typo takes from the evidence of the word it misspells. */
	static final double TYPO_COST_BITS = 3;

	/** What a name too long to compare says beside any other. */
	static final Result TOO_LONG = new Result(Verdict.UNSURE,
			"a name of more than " + MAX_LENGTH + " characters is not compared", false);

	private NameComparison() {
	}

	/** What two names say of their contacts. */
	public enum Verdict {

		/** One person's. */
		SAME,

		/** Neither: a person decides. */
		UNSURE,

		/** Two people's. */
		DIFFERENT

	}

	/**
	 * A comparison's outcome.
	 *
	 * @param verdict what the names say
	 * @param evidence why, in words, the words title-cased and safe to print
	 * @param partial whether one name lacks a part of the other ({@code Anna} / {@code Anna Smith}):
	 * weaker, in a group that shows different people
	 */
	public record Result(Verdict verdict, String evidence, boolean partial) {
	}

	/**
	 * The words of a name as they are compared: accents stripped, lower case, split at anything
	 * that is not a letter or a digit (apostrophes join: {@code O'Brien} = {@code OBrien}), the
	 * words after a single comma first ({@code Smith, Anna} is {@code anna smith}). Empty for a name
	 * that is null, blank or punctuation only: such a contact has no name to check.
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
		String[] parts = folded.split(",", -1);
		if (parts.length == 2) {
			// "Smith, Anna": the family name first, as a comma says; compared as "Anna Smith", so
			// that the given name is the first word.
			List<String> family = split(parts[0]);
			List<String> given = split(parts[1]);
			if (!family.isEmpty() && !given.isEmpty()) {
				List<String> words = new ArrayList<>(given);
				words.addAll(family);
				return words;
			}
		}
		return split(folded);
	}

	private static List<String> split(String folded) {
		List<String> words = new ArrayList<>();
		for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

	/** Whether a name is short enough to be compared at all. */
	static boolean comparable(@Nullable String name) {
		return name == null || name.length() <= MAX_LENGTH;
	}

	/** Two names compared, every word as rare as in a small org. */
	public static Result compare(@Nullable String one, @Nullable String other) {
		return compare(one, other, NameFrequencies.NONE);
	}

	/** Two names compared, their words weighed by how common they are in the org. */
	public static Result compare(@Nullable String one, @Nullable String other, NameFrequencies frequencies) {
		if (!comparable(one) || !comparable(other)) {
			return TOO_LONG;
		}
		return compare(words(one), words(other), frequencies);
	}

	/** Two normalised names ({@link #words}) compared. */
	static Result compare(List<String> one, List<String> other, NameFrequencies frequencies) {
		if (one.isEmpty() || other.isEmpty()) {
			return new Result(Verdict.UNSURE, "a contact without a name", false);
		}
		if (one.size() > MAX_WORDS || other.size() > MAX_WORDS) {
			return new Result(Verdict.UNSURE, "a name of more than " + MAX_WORDS + " words is not compared", false);
		}
		Map<String, WordMatch> matches = new HashMap<>();
		NameAlignment best = null;
		for (List<NameAlignment.Word> a : joinings(one, other.size())) {
			for (List<NameAlignment.Word> b : joinings(other, one.size())) {
				NameAlignment alignment = NameAlignment.best(a, b, frequencies, matches);
				if (best == null || alignment.compareTo(best) < 0) {
					best = alignment;
				}
			}
		}
		return best.result();
	}

	/**
	 * The name as it is and, when it has more words than the other, with two neighbouring words
	 * written as one, in either order ({@code Kelly, Mary Ann} / {@code Maryann Kelly}).
	 */
	private static List<List<NameAlignment.Word>> joinings(List<String> words, int otherSize) {
		List<NameAlignment.Word> plain = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			plain.add(new NameAlignment.Word(words.get(i), title(words.get(i)), false, i == 0));
		}
		List<List<NameAlignment.Word>> joinings = new ArrayList<>();
		joinings.add(plain);
		if (words.size() <= otherSize) {
			return joinings;
		}
		for (int i = 0; i + 1 < words.size(); i++) {
			for (boolean reversed : new boolean[] { false, true }) {
				NameAlignment.Word first = plain.get(reversed ? i + 1 : i);
				NameAlignment.Word second = plain.get(reversed ? i : i + 1);
				List<NameAlignment.Word> joined = new ArrayList<>(plain.subList(0, i));
				joined.add(new NameAlignment.Word(first.text() + second.text(), first.shown() + " " + second.shown(), true, i == 0));
				joined.addAll(plain.subList(i + 2, plain.size()));
				joinings.add(joined);
			}
		}
		return joinings;
	}

	private static String title(String word) {
		return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
	}

}
