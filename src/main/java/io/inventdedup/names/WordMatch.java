package io.inventdedup.names;

import java.util.regex.Pattern;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * How one word of a name compares with one word of another, as a level of evidence, strongest
 * first (the comparison levels of record linkage: exact, a known variant, the same name in another
 * script, two grades of typo, a phonetic match, an initial, and the levels that speak against).
 * Every measure is a kept library's or a published list's: Jaro–Winkler and Levenshtein from Apache
 * Commons Text, Double Metaphone from Apache Commons Codec, transliteration from ICU4J
 * ({@link Romanised}), nicknames and given names from published lists ({@link Nicknames},
 * {@link GivenNames}), the forms of names by convention ({@link Conventions}).
 * <p>
 * A measure speaks only of the scripts it covers; where it has nothing to say, it says nothing:
 * <ul>
 * <li>typos (Jaro–Winkler, Levenshtein, swapped letters) are measured in alphabets, abjads and
 * abugidas (Latin, Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai), never in Chinese characters,
 * kana or Hangul, where a character apart is another name ({@code 健} / {@code 健太});</li>
 * <li>Double Metaphone only between two words of Latin letters that both have a code;</li>
 * <li>two words of different scripts only by their Latin readings ({@link #ROMANISED}).</li>
 * </ul>
 * A typo makes a name into a non-name; it does not make one name into another. Two words that are
 * each a given name of the published lists are never one another's typo ({@code Paul} /
 * {@code Paula}: {@link #OTHER_NAME}); only the nickname lists' pairs join them, and those spelt a
 * letter or an ending apart ({@code Marian} / {@code Marion}) only leave a doubt. A man's and a
 * woman's form of one name ({@code Manuel} / {@code Manuela}, {@code Александр} /
 * {@code Александра}, {@code Jónsson} / {@code Jónsdóttir}) are two people ({@link #OTHER_GENDER});
 * a family name's two forms ({@code Смирнов} / {@code Смирнова}) are one family's, a doubt
 * ({@link #FAMILY_FORMS}). Words of two parts of a name (a patronymic beside a family name, a
 * father's name after {@code bin} beside a given name) never pair ({@link #OTHER_PART}).
 */
enum WordMatch {

	/** The same word. */
	EXACT("=", "", 0),

	/** One is a nickname or short form of the other, as the list pairs them ({@code Bob} / {@code Robert}). */
	SHORT_FORM("≈", "a short form", 6),

	/** The same name written in two scripts, by its Latin reading ({@code Александр} / {@code Aleksandr}). */
	ROMANISED("≈", "the same name in another script", 5),

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
	 * One family name's forms for a man and a woman ({@code Смирнов} / {@code Смирнова},
	 * {@code Kowalski} / {@code Kowalska}): one family's, never a person's; a doubt.
	 */
	FAMILY_FORMS("?", "a family name's forms for a man and a woman", 0),

	/**
	 * Given names a man's and a woman's ending apart of which the lists know one or none as a name
	 * ({@code Lena} / {@code Lenn}, {@code Kayla} / {@code Kayl}): another person, or a typo; a doubt.
	 */
	GENDER_DOUBT("?", "a man's and a woman's form of one name, or a typo", 0),

	/**
	 * A word of Arabic, Hebrew, a Brahmic script or Hangul whose Latin reading is not the other
	 * word's: another name, or a romanisation the check does not know; a doubt.
	 */
	READ_OTHERWISE("?", "read otherwise in Latin letters: another name, or another spelling of it", 0),

	/**
	 * Two names the list pairs but spelt a letter or an ending apart, each a name of its own
	 * ({@code Marian} / {@code Marion}, {@code Jonathan} / {@code Jonathon}): a variant or a family's two
	 * members; a doubt, a person decides.
	 */
	NAME_VARIANT("?", "paired as variants, yet each a name of its own", 0),

	/** Two names alike in spelling, each a name of its own, not one another's short form: two people's. */
	OTHER_NAME("≠", "two names of their own", 0),

	/** A man's and a woman's form of one name ({@code Kamil} / {@code Kamila}): two people's. */
	OTHER_GENDER("≠", "a man's and a woman's form of one name", 0),

	/** Two parts of a name that never pair: a patronymic or a father's name beside a name. */
	OTHER_PART("≠", "not the same part of a name", 0),

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

	/** A word Double Metaphone can encode: Latin letters only. */
	private static final Pattern LATIN_WORD = Pattern.compile("[a-z]+");

	/** The most letters added, dropped or replaced in a typo that Jaro–Winkler finds. */
	private static final LevenshteinDistance FEW = new LevenshteinDistance(2);

	private final String sign;

	private final String what;

	private final double bits;

	WordMatch(String sign, String what, double bits) {
		this.sign = sign;
		this.what = what;
		this.bits = bits;
	}

	/**
	 * What the level weighs as evidence of one person, in bits; the same word weighs
	 * {@link NameComparison#EXACT_BITS}, and is 0 here.
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
		return this == EXACT || this == SHORT_FORM || this == ROMANISED || this == SWAPPED || this == CLOSE_TYPO;
	}

	/** Whether the two words leave a doubt that only a person can settle: {@link #NAME_VARIANT}, {@link #FAMILY_FORMS}, {@link #READ_OTHERWISE}, {@link #GENDER_DOUBT}. */
	boolean doubts() {
		return this == NAME_VARIANT || this == FAMILY_FORMS || this == READ_OTHERWISE || this == GENDER_DOUBT;
	}

	/** Whether the two words speak against one person: {@link #OTHER_NAME}, {@link #UNLIKE}. */
	boolean contradicts() {
		return compareTo(NAME_VARIANT) > 0;
	}

	/**
	 * The level of two words of names ({@link NameAlignment.Word}). A word written as one of two
	 * ({@code joined}) matches only itself; words of two scripts are compared by their Latin readings.
	 */
	static WordMatch of(NameAlignment.Word a, NameAlignment.Word b) {
		if (a.role() != b.role()) {
			return OTHER_PART;
		}
		if (a.script() != b.script()) {
			return romanised(a, b);
		}
		// Two words of one script compared in it, whatever the rest of their names is written in.
		String one = a.nativeText();
		String other = b.nativeText();
		if (one.equals(other)) {
			return EXACT;
		}
		if (a.joined() || b.joined() || !a.script().hasTypos()) {
			return UNLIKE;
		}
		if (one.length() == 1 || other.length() == 1) {
			return (one.charAt(0) == other.charAt(0)) ? INITIAL : UNLIKE;
		}
		String[] compound = Conventions.withoutSharedPrefix(one, other);
		if (compound != null) {
			// Abd al-Muhsin and Abd al-Samad are told apart by what follows their shared start.
			one = compound[0];
			other = compound[1];
		}
		boolean near = areNearSpellings(one, other);
		if (Nicknames.areShortForms(one, other)) {
			// Names the list pairs but spelt a letter or an ending apart (Marian / Marion) may
			// be a family's two members as well as one name's variants.
			return near ? NAME_VARIANT : SHORT_FORM;
		}
		boolean given = a.given() && b.given();
		boolean names = GivenNames.areNames(one, other, given);
		Conventions.Gendered gendered = Conventions.gendered(one, other);
		if (gendered == Conventions.Gendered.FAMILY) {
			return FAMILY_FORMS;
		}
		if (gendered == Conventions.Gendered.PERSON && !isSwap(one, other)) {
			// Wherever the given name stands (Kelemen Ulrik, family name first): two names of the
			// lists are two people; Kamila beside Kamil, or Kayla beside a typo Kayl, what the lists
			// cannot tell, a person does.
			return GivenNames.areNames(one, other, true) ? OTHER_GENDER : GENDER_DOUBT;
		}
		String shorter = (one.length() <= other.length()) ? one : other;
		String longer = (shorter == one) ? other : one;
		double similarity = JARO_WINKLER.apply(one, other);
		boolean soundAlike = shorter.length() >= 3 && soundAlike(one, other);
		if (names) {
			return (near || soundAlike || similarity >= RESEMBLANCE_SIMILARITY) ? OTHER_NAME : UNLIKE;
		}
		if (shorter.length() >= 3 && isSwap(one, other)) {
			return SWAPPED;
		}
		if (shorter.length() == 3 && longer.length() == 4 && NEAR.apply(shorter, longer) != -1) {
			return TYPO;
		}
		// Jaro-Winkler favours a long shared start: a typo is also a few letters apart (Δράκος /
		// Δρακούλης share five letters, and are two names).
		boolean fewEdits = FEW.apply(one, other) != -1;
		if (shorter.length() >= 4 && similarity >= CLOSE_SIMILARITY && fewEdits) {
			return CLOSE_TYPO;
		}
		if (shorter.length() >= 4 && similarity >= TYPO_SIMILARITY && fewEdits) {
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
	 * Two words of two scripts, by their Latin readings ({@link NameAlignment.Word#text} is the
	 * reading of the word that is not Latin): the same name read alike ({@link #ROMANISED}), a man's
	 * and a woman's form of it, or nothing the readings can tell ({@link #UNLIKE}).
	 */
	private static WordMatch romanised(NameAlignment.Word a, NameAlignment.Word b) {
		NameAlignment.Word reading = (a.script() == Scripts.LATIN) ? b : a;
		NameAlignment.Word latin = (reading == a) ? b : a;
		if (Romanised.agree(reading.text(), reading.script(), latin.text(), reading.nativeText())) {
			return ROMANISED;
		}
		if (a.joined() || b.joined()) {
			return UNLIKE;
		}
		Conventions.Gendered gendered = Conventions.gendered(Romanised.key(reading.text()),
				Romanised.key(latin.text()));
		if (gendered != null) {
			return (gendered == Conventions.Gendered.PERSON) ? OTHER_GENDER : FAMILY_FORMS;
		}
		// Readings of scripts that leave vowels out, or of Hangul, vary more than the check knows:
		// a reading apart is no proof of another name.
		return reading.script().readsReliably() ? UNLIKE : READ_OTHERWISE;
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
	 * Whether two words of Latin letters have the same non-empty Double Metaphone code, primary or
	 * alternate. A new encoder
	 * each time: Commons Codec's encoders are not thread-safe.
	 */
	private static boolean soundAlike(String one, String other) {
		if (!LATIN_WORD.matcher(one).matches() || !LATIN_WORD.matcher(other).matches()) {
			return false;
		}
		DoubleMetaphone encoder = new DoubleMetaphone();
		if (encoder.doubleMetaphone(one).isEmpty() || encoder.doubleMetaphone(other).isEmpty()) {
			// A word Double Metaphone cannot encode has no sound to compare: no evidence.
			return false;
		}
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
