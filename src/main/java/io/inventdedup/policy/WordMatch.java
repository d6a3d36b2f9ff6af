package io.inventdedup.policy;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * How one word of a name compares with one word of another, as a level of evidence, strongest
 * first (the comparison levels of record linkage: exact, a known variant, two grades of typo, a
 * phonetic match, an initial, and the levels that speak against). Every measure is a kept
 * library's: Jaro–Winkler from Apache Commons Text, Double Metaphone from Apache Commons Codec,
 * nicknames from a published list ({@link Nicknames}).
 * <p>
 * A typo makes a name into a non-name; it does not make one name into another. Two words that are
 * each a name of its own, a given name of the published lists ({@link GivenNames}) or, first in
 * both names, a word that {@value #NAME_COUNT} or more of the org's names hold, not {@value #NAME_SHARE} times more rarely
 * than the other ({@link NameFrequencies}: a typo is rare, a name is not), are never one another's typo ({@code Paul} / {@code Paula}, {@code Christian} /
 * {@code Christina}: {@link #OTHER_NAME}); only the nickname list's pairs join them, and
 * those spelt a letter or an ending apart ({@code Marian} / {@code Marion}) only leave a doubt
 * ({@link #NAME_VARIANT}). Any other
 * pair takes the graded levels of Jaro–Winkler and Double Metaphone, from four letters (three for
 * a swap, {@code Sma} / {@code Sam}, or where the shorter is the longer without one letter:
 * {@code Emm} / {@code Emma}, {@code Lke} / {@code Luke}), and one letter added, dropped or
 * replaced (Levenshtein, Apache Commons Text) in words of five letters or more is a typo.
 */
enum WordMatch {

	/** The same word. */
	EXACT("=", "", 0),

	/** One is a nickname or short form of the other, as the list pairs them ({@code Bob} / {@code Robert}). */
	SHORT_FORM("≈", "a short form", 6),

	/** Two neighbouring letters swapped ({@code Jhon} / {@code John}). */
	SWAPPED("≈", "letters swapped", 5),

	/** A typo, Jaro–Winkler ≥ {@value #CLOSE_SIMILARITY} ({@code Wiseman} / {@code Wisemann}). */
	CLOSE_TYPO("≈", "a typo", 5),

	/** A typo, Jaro–Winkler ≥ {@value #TYPO_SIMILARITY} ({@code Mcarthy} / {@code McCarthy}). */
	TYPO("≈", "a typo", 4),

	/** They sound alike (Double Metaphone), no typo closer: supporting evidence. */
	SOUNDS_ALIKE("~", "sounds alike", 3),

	/** One is an initial of the other ({@code J.} / {@code John}): never evidence alone. */
	INITIAL("~", "an initial", 1),

	/** Alike, but not enough to call it a typo: weak support, never enough alone. */
	RESEMBLES("?", "alike, too little to tell", 1),

	/**
	 * Two names the list pairs but spelt a letter or an ending apart, each a name of its own
	 * ({@code Marian} / {@code Marion}, {@code Jonathan} / {@code Jonathon}): a variant or a family's two
	 * members; a doubt, a person decides.
	 */
	NAME_VARIANT("?", "paired as variants, yet each a name of its own", 0),

	/** Two names alike in spelling, each a name of its own, not one another's short form: two people's. */
	OTHER_NAME("≠", "two names of their own", 0),

	/** Nothing alike. */
	UNLIKE("≠", "", 0);

	/** The Jaro–Winkler similarity from which a word is the other with a close typo. */
	static final double CLOSE_SIMILARITY = 0.92;

	/** The Jaro–Winkler similarity from which a word is the other with a typo. */
	static final double TYPO_SIMILARITY = 0.88;

	/** The Jaro–Winkler similarity from which two words resemble each other. */
	static final double RESEMBLANCE_SIMILARITY = 0.80;

	private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

	private static final LevenshteinDistance NEAR = new LevenshteinDistance(1);

	/** How many of the org's names must hold a word for it to be a name of its own, not a typo. */
	static final int NAME_COUNT = 3;

	/**
	 * How many times rarer than the other a word outside the lists may be and still be a name of its
	 * own.
	 */
	static final int NAME_SHARE = 5;

	private final String sign;

	private final String what;

	private final double bits;

	WordMatch(String sign, String what, double bits) {
		this.sign = sign;
		this.what = what;
		this.bits = bits;
	}

	/**
	 * What the level weighs as evidence of one person, in bits; the same word weighs as much as it
	 * is rare in the org ({@link NameFrequencies#bits}), and is 0 here.
	 */
	double bits() {
		return this.bits;
	}

	/** What the level is, in words ({@code a short form}), or empty where the sign says it. */
	String what() {
		return this.what;
	}

	/** How the sign between two words reads in the evidence: {@code =}, {@code ≈}, {@code ~}, {@code ?}, {@code ≠}. */
	String sign() {
		return this.sign;
	}

	/** Whether the level is a misspelling: {@link #SWAPPED}, {@link #CLOSE_TYPO}, {@link #TYPO}, {@link #SOUNDS_ALIKE}. */
	boolean isTypo() {
		return this == SWAPPED || this == CLOSE_TYPO || this == TYPO || this == SOUNDS_ALIKE;
	}

	/**
	 * Whether the level says the same given name, written alike or nearly so: {@link #EXACT},
	 * {@link #SHORT_FORM}, {@link #SWAPPED}, {@link #CLOSE_TYPO}.
	 */
	boolean isGivenName() {
		return this == EXACT || this == SHORT_FORM || this == SWAPPED || this == CLOSE_TYPO;
	}

	/** Whether the two words leave a doubt that only a person can settle: {@link #NAME_VARIANT}. */
	boolean doubts() {
		return this == NAME_VARIANT;
	}

	/** Whether the two words speak against one person: {@link #OTHER_NAME}, {@link #UNLIKE}. */
	boolean contradicts() {
		return compareTo(NAME_VARIANT) > 0;
	}

	/**
	 * The level of two normalised words ({@link NameComparison#words}). A word written as one of two
	 * ({@code joined}) matches only itself; {@code given} when both stand where a given name does
	 * (the first word of each name), where a word the org's names hold often is a name of its own.
	 */
	static WordMatch of(String one, String other, boolean joined, boolean given, NameFrequencies frequencies) {
		if (one.equals(other)) {
			return EXACT;
		}
		if (joined) {
			return UNLIKE;
		}
		if (one.length() == 1 || other.length() == 1) {
			return (one.charAt(0) == other.charAt(0)) ? INITIAL : UNLIKE;
		}
		String shorter = (one.length() <= other.length()) ? one : other;
		String longer = (shorter == one) ? other : one;
		double similarity = JARO_WINKLER.apply(one, other);
		boolean soundAlike = shorter.length() >= 3 && soundAlike(one, other);
		if (isName(one, other, given, frequencies) && isName(other, one, given, frequencies)) {
			boolean near = areNearSpellings(one, other);
			if (Nicknames.areShortForms(one, other)) {
				// Names the list pairs but spelt a letter or an ending apart (Marian / Marion) may
				// be a family's two members as well as one name's variants.
				return near ? NAME_VARIANT : SHORT_FORM;
			}
			return (near || soundAlike || similarity >= RESEMBLANCE_SIMILARITY) ? OTHER_NAME : UNLIKE;
		}
		if (shorter.length() >= 3 && isSwap(one, other)) {
			return SWAPPED;
		}
		if (shorter.length() == 3 && longer.length() == 4 && NEAR.apply(shorter, longer) != -1) {
			return TYPO;
		}
		if (shorter.length() >= 4 && similarity >= CLOSE_SIMILARITY) {
			return CLOSE_TYPO;
		}
		if (shorter.length() >= 4 && similarity >= TYPO_SIMILARITY) {
			return TYPO;
		}
		if (shorter.length() >= 5 && NEAR.apply(one, other) != -1) {
			// One letter added, dropped or replaced in a long word (Tanaka / Tmnaka), which
			// Jaro-Winkler scores low when the letter is near the start.
			return TYPO;
		}
		if (shorter.length() >= 4 && soundAlike && similarity >= RESEMBLANCE_SIMILARITY) {
			return SOUNDS_ALIKE;
		}
		return (similarity >= RESEMBLANCE_SIMILARITY || soundAlike) ? RESEMBLES : UNLIKE;
	}

	/**
	 * Whether a word is a name of its own beside another: a given name of the lists, or, where a
	 * given name stands, a word that the org's names hold often, and not far more rarely than the
	 * other (a typo that a data entry repeats is still rarer than the name it misspells:
	 * {@code Whiet} / {@code White}). A family name a letter apart from another ({@code Joly} /
	 * {@code Jolly}) is a typo: a family shares its family name, not its given names.
	 */
	static boolean isName(String word, String other, boolean given, NameFrequencies frequencies) {
		if (GivenNames.contains(word)) {
			return true;
		}
		if (!given) {
			return false;
		}
		long count = frequencies.count(word);
		return count >= NAME_COUNT && count * NAME_SHARE >= frequencies.count(other);
	}

	/**
	 * Whether two words are a letter apart (Levenshtein distance 1, Apache Commons Text) or one is
	 * the other with an ending of one or two letters ({@code Julian} / {@code Juliana}).
	 */
	static boolean areNearSpellings(String one, String other) {
		String shorter = (one.length() <= other.length()) ? one : other;
		String longer = (shorter == one) ? other : one;
		return NEAR.apply(one, other) != -1 || (longer.startsWith(shorter) && longer.length() - shorter.length() <= 2);
	}

	/**
	 * Whether the words have the same Double Metaphone code, primary or alternate. A new encoder
	 * each time: Commons Codec's encoders are not thread-safe.
	 */
	private static boolean soundAlike(String one, String other) {
		DoubleMetaphone encoder = new DoubleMetaphone();
		return encoder.isDoubleMetaphoneEqual(one, other) || encoder.isDoubleMetaphoneEqual(one, other, true);
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
