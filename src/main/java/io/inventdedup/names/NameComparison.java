package io.inventdedup.names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What two names say of their contacts, weighed as evidence: {@link Verdict#SAME} (one person's),
 * {@link Verdict#UNSURE} (a person decides) or {@link Verdict#DIFFERENT} (two people's), with the
 * evidence in words ({@code Bob ≈ Robert: a short form}, {@code Green = Green, but Maria ≠ Mitchell}).
 * <p>
 * The names are read as Unicode text ({@link NameText}: case, width, accents, decorations, titles,
 * generation markers, patronymics, names written without spaces), and their words aligned one to one
 * in the order that fits best (the order is free: {@code Smith, Anna} = {@code Anna Smith}; two
 * neighbouring words of the longer name may be one word of the shorter: {@code Mary Ann} =
 * {@code Maryann}). Each pair of aligned words takes a level of evidence ({@link WordMatch}), which
 * weighs some bits: the same word {@value #EXACT_BITS}, a short form 6, the same name in another
 * script up to 5, a swap or a close typo 7, a phonetic match 7, a resemblance or an initial 1. The
 * weights are fixed: the same two names get the same verdict in every org and every run, whatever
 * the listing holds. The alignment with the fewest contradictions, then the fewest doubts, then the
 * most bits, decides, in this order:
 * <ol>
 * <li>a pair of words that speak against (an unlike word, two given names, a man's and a woman's
 * form of a name, two parts of a name): {@code DIFFERENT};</li>
 * <li>two generation markers that differ ({@code Jr} / {@code Sr}): {@code DIFFERENT}; one on one
 * name only ({@code João Silva} / {@code João Silva Filho}): at most {@code UNSURE};</li>
 * <li>two names the list pairs but spelt a letter apart ({@code Marian} / {@code Marion}), a family
 * name's forms for a man and a woman: {@code UNSURE};</li>
 * <li>the given name (the longer name's first word) missing from the shorter, or only an initial:
 * what a family shares ({@code Berry} / {@code Harry Berry}): {@code UNSURE};</li>
 * <li>less than {@value #SAME_BITS} bits (a lone given name read across scripts): {@code UNSURE};</li>
 * <li>else {@code SAME}, a missing part no contradiction ({@code Anna} / {@code Anna Smith}).</li>
 * </ol>
 * Names in Chinese characters, kana or Hangul are compared whole, character by character (a
 * character apart is another name: {@code 佐藤健} / {@code 佐藤健太}). Every doubt falls on the side of
 * a person: a name longer than {@value #MAX_LENGTH} letters or of more than {@value #MAX_WORDS}
 * words, a name in kanji beside one in Latin letters, is {@code UNSURE} with every other.
 */
public final class NameComparison {

	/** The most letters of a name that are compared; a longer name is unsure with every other. */
	public static final int MAX_LENGTH = 120;

	/** The most words of a name that are compared; a name of more is unsure with every other. */
	public static final int MAX_WORDS = 6;

	/** The evidence two names must carry to be one person's. */
	static final double SAME_BITS = 7;

	/** What the same word weighs. */
	static final double EXACT_BITS = 10;

	/** What a typo takes from the evidence of the word it misspells. */
	static final double TYPO_COST_BITS = 3;

	/** What a name too long to compare says beside any other. */
	public static final Result TOO_LONG = new Result(Verdict.UNSURE,
			"a name of more than " + MAX_LENGTH + " letters is not compared", false);

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
	 * The words of a name as they are compared ({@link NameText}). Empty for a name that is null,
	 * blank, punctuation or emoji only: such a contact has no name to check.
	 */
	public static List<String> words(@Nullable String name) {
		return NameText.parse(name).words();
	}

	/**
	 * What tells two names apart before any comparison: the words as compared with the part of the
	 * name each is ({@code Jánosné} is not {@code János}) and the generation markers ({@code Filho}).
	 * Two names of one spelling are one name.
	 */
	public static List<String> spelling(@Nullable String name) {
		NameText.Parsed parsed = NameText.parse(name);
		List<String> spelling = new ArrayList<>();
		parsed.tokens().forEach((token) -> spelling.add(token.role() + ":" + token.text()));
		parsed.generations().forEach((generation) -> spelling.add("generation:" + generation));
		return spelling;
	}

	/** Whether a name is short enough to be compared at all. */
	public static boolean comparable(@Nullable String name) {
		return name == null || comparable(NameText.parse(name));
	}

	private static boolean comparable(NameText.Parsed name) {
		return name.tokens().stream().mapToInt((token) -> token.text().length()).sum() <= MAX_LENGTH;
	}

	/** Two names compared. */
	public static Result compare(@Nullable String one, @Nullable String other) {
		NameText.Parsed a = NameText.parse(one);
		NameText.Parsed b = NameText.parse(other);
		if (a.tokens().isEmpty() || b.tokens().isEmpty()) {
			return new Result(Verdict.UNSURE, "a contact without a name", false);
		}
		if (!comparable(a) || !comparable(b)) {
			return TOO_LONG;
		}
		if (a.tokens().size() > MAX_WORDS || b.tokens().size() > MAX_WORDS) {
			return new Result(Verdict.UNSURE, "a name of more than " + MAX_WORDS + " words is not compared", false);
		}
		Result names = generations(a, b, words(a, b));
		List<String> setAside = new ArrayList<>(a.setAside());
		setAside.addAll(b.setAside());
		return setAside.isEmpty() ? names : new Result(names.verdict(), names.evidence() + " ("
				+ String.join(", ", setAside.stream().distinct().map(NameText::title).toList()) + " set aside: a title)",
				names.partial());
	}

	/** The verdict of the words, then what the generation markers say. */
	private static Result generations(NameText.Parsed a, NameText.Parsed b, Result names) {
		if (a.generations().equals(b.generations()) || names.verdict() == Verdict.DIFFERENT) {
			return names;
		}
		String one = a.generations().isEmpty() ? "none" : String.join(" ", a.generations().stream().map(NameText::title).toList());
		String other = b.generations().isEmpty() ? "none" : String.join(" ", b.generations().stream().map(NameText::title).toList());
		if (!a.generations().isEmpty() && !b.generations().isEmpty()) {
			return new Result(Verdict.DIFFERENT, names.evidence() + ", but " + one + " ≠ " + other
					+ ": two generations of a family", names.partial());
		}
		return new Result(Verdict.UNSURE, names.evidence() + ", but " + (a.generations().isEmpty() ? other : one)
				+ " on one name only: a parent and a child may differ by it alone", names.partial());
	}

	private static Result words(NameText.Parsed a, NameText.Parsed b) {
		Scripts script = a.script();
		if (script == b.script() && script.writesNamesAsOneWord()) {
			return characters(a, b);
		}
		List<NameAlignment.Word> one = words(a);
		List<NameAlignment.Word> other = words(b);
		if (!Scripts.isLatin(String.join("", a.words())) || !Scripts.isLatin(String.join("", b.words()))) {
			if (hasOtherScript(one, other)) {
				one = readAcross(a, one);
				other = readAcross(b, other);
				if (one == null || other == null) {
					return new Result(Verdict.UNSURE,
							"a name in kanji has no reading the check can trust (Japanese or Chinese?): a person decides",
							false);
				}
			}
		}
		Map<String, WordMatch> matches = new HashMap<>();
		NameAlignment best = null;
		for (List<NameAlignment.Word> x : joinings(one, other.size())) {
			for (List<NameAlignment.Word> y : joinings(other, one.size())) {
				NameAlignment alignment = NameAlignment.best(x, y, matches);
				if (best == null || alignment.compareTo(best) < 0) {
					best = alignment;
				}
			}
		}
		return best.result();
	}

	/** Names in Chinese characters, kana or Hangul, compared whole. */
	private static Result characters(NameText.Parsed a, NameText.Parsed b) {
		String one = String.join("", a.words());
		String other = String.join("", b.words());
		if (one.equals(other)) {
			return new Result(Verdict.SAME, one + " = " + other, false);
		}
		if (a.script() == Scripts.HAN && Romanised.of(one, Scripts.HAN, false).equals(Romanised.of(other, Scripts.HAN, false))) {
			return new Result(Verdict.UNSURE, one + " ? " + other + ": read alike, written with other characters",
					false);
		}
		return new Result(Verdict.DIFFERENT, one + " ≠ " + other + ": names in characters a character apart are two",
				false);
	}

	private static boolean hasOtherScript(List<NameAlignment.Word> one, List<NameAlignment.Word> other) {
		return one.stream().anyMatch((x) -> other.stream().anyMatch((y) -> x.script() != y.script()));
	}

	/**
	 * The words with their Latin readings ({@link Romanised}), or null when the name is in kanji
	 * that cannot be read as a Chinese name (its family name not one character or a compound).
	 */
	private static @Nullable List<NameAlignment.Word> readAcross(NameText.Parsed name, List<NameAlignment.Word> words) {
		List<NameAlignment.Word> read = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			NameAlignment.Word word = words.get(i);
			if (word.script() == Scripts.HAN && (words.size() != 2 || !(words.get(0).text().codePointCount(0,
					words.get(0).text().length()) == 1 || Conventions.isCompoundSurname(words.get(0).text())))) {
				return null;
			}
			read.add(word.readAcross(Romanised.of(word.text(), word.script(), i == 0)));
		}
		return read;
	}

	private static List<NameAlignment.Word> words(NameText.Parsed name) {
		List<NameAlignment.Word> words = new ArrayList<>();
		List<NameText.Token> tokens = name.tokens();
		int given = givenWord(tokens);
		for (int i = 0; i < tokens.size(); i++) {
			NameText.Token token = tokens.get(i);
			words.add(new NameAlignment.Word(token.text(), NameText.title(token.text()), false, i == given,
					token.role(), token.script(), token.text()));
		}
		return words;
	}

	/**
	 * Which word is the given name: the first, or the second where the first is a family name written
	 * first by its convention ({@code Nagy Anna}, {@code Wang Wei}; Chinese, Korean, Japanese in their
	 * scripts).
	 */
	private static int givenWord(List<NameText.Token> tokens) {
		if (tokens.size() < 2 || tokens.get(0).role() != NameText.Role.NAME) {
			return 0;
		}
		NameText.Token first = tokens.get(0);
		boolean familyFirst = first.script().writesNamesAsOneWord() || Conventions.isFamilyFirst(first.text());
		return familyFirst ? 1 : 0;
	}

	/**
	 * The name as it is and, when it has more words than the other, with two neighbouring words
	 * written as one, in either order ({@code Kelly, Mary Ann} / {@code Maryann Kelly}).
	 */
	private static List<List<NameAlignment.Word>> joinings(List<NameAlignment.Word> plain, int otherSize) {
		List<List<NameAlignment.Word>> joinings = new ArrayList<>();
		joinings.add(plain);
		if (plain.size() <= otherSize) {
			return joinings;
		}
		for (int i = 0; i + 1 < plain.size(); i++) {
			for (boolean reversed : new boolean[] { false, true }) {
				NameAlignment.Word first = plain.get(reversed ? i + 1 : i);
				NameAlignment.Word second = plain.get(reversed ? i : i + 1);
				if (first.role() != second.role() || first.script() != second.script()) {
					continue;
				}
				List<NameAlignment.Word> joined = new ArrayList<>(plain.subList(0, i));
				joined.add(new NameAlignment.Word(first.text() + second.text(), first.shown() + " " + second.shown(), true,
						first.given() || second.given(), first.role(), first.script(),
						first.nativeText() + second.nativeText()));
				joined.addAll(plain.subList(i + 2, plain.size()));
				joinings.add(joined);
			}
		}
		return joinings;
	}

}
