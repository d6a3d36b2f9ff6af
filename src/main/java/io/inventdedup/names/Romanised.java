package io.inventdedup.names;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * A word of another script read in Latin letters with ICU4J's transliterators, and compared with a
 * word written in Latin letters as evidence, never as equality: Cyrillic by BGN/PCGN
 * ({@code Александр} = {@code aleksandr}), Greek by UNGEGN, Chinese by pinyin (family names by
 * their reading as family names), kana by Hepburn, Hangul by the Revised Romanization (family
 * names also by the spellings people use: {@code 김} = {@code Kim}), every other script by ICU4J's
 * {@code Any-Latin}. Two readings agree when their spelling keys agree (letters that stand for one
 * sound folded: {@code x} = {@code ks}, {@code y} = {@code i} = {@code j}, doubled letters once),
 * or, for scripts that leave vowels out or carry them in the consonant (Arabic, Hebrew, Devanagari,
 * Thai), when their consonants agree ({@code محمد} = {@code mhmd} = {@code Mohammed}; Thai by the
 * spellings people use, {@link ThaiReadings}). Kanji
 * without kana have no reading the check can trust (a Japanese name read as Chinese is another
 * name): {@link #of} answers null and a person decides.
 */
final class Romanised {

	/** From this Jaro–Winkler similarity of their keys, two readings of four letters or more agree. */
	static final double SIMILARITY = 0.9;

	private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

	/** The patterns of the readings, compiled once: a name check runs them for every pair of words. */
	private static final Pattern NOT_A_TO_Z = Pattern.compile("[^a-z]");

	private static final Pattern REPEATED = Pattern.compile("(.)\\1+");

	private static final Pattern UKRAINIAN = Pattern.compile(".*[іїєґ].*");

	private static final Pattern RUSSIAN = Pattern.compile(".*[а-яё].*");

	private static final Pattern GREEK = Pattern.compile(".*[α-ω].*");

	private static final Pattern CYRILLIC = Pattern.compile(".*[а-яёіїєґ].*");

	private static final Pattern GREEK_NT = Pattern.compile("^nt");

	private static final Pattern GREEK_MP = Pattern.compile("^mp");

	private static final Pattern ARTICLE = Pattern.compile("^(al|el)");

	private static final Pattern M_BEFORE_CONSONANT = Pattern.compile("m(?=[^aeiouy])");

	private static final Pattern C_NOT_CH = Pattern.compile("c(?!h)");

	private static final Pattern FIRST_YE = Pattern.compile("^ye");

	private static final Pattern FIRST_YO = Pattern.compile("^yo");

	private static final Pattern LAST_I = Pattern.compile("(iy|yi|ii|y)$");

	private static final Pattern VOWELS = Pattern.compile("[aeiouyv]");

	private static final String TO_ASCII = "; Latin-ASCII; Lower";

	private static final Map<String, Transliterator> TRANSLITERATORS = new ConcurrentHashMap<>();

	/** Words read lately, keyed by transliterator and word ({@code id U+0001 word}), at most 100,000. */
	private static final ReadCache<String> READINGS = new ReadCache<>(100_000, Romanised::transliterate);

	private Romanised() {
	}

	/**
	 * The Latin reading of a word of a name in its script, lower case ASCII, or null when it has no
	 * reading the check can trust.
	 * @param family whether the word is a Chinese family name (read as a family name)
	 */
	static String of(String word, Scripts script, boolean family) {
		if (script == Scripts.LATIN || script == Scripts.OTHER) {
			return word;
		}
		String id = switch (script) {
			case ALPHABET -> UKRAINIAN.matcher(word).matches() ? "Ukrainian-Latin/BGN"
					: RUSSIAN.matcher(word).matches() ? "Russian-Latin/BGN"
					: GREEK.matcher(word).matches() ? "Greek-Latin/UNGEGN" : "Any-Latin";
			case HAN -> family ? "Han-Latin/Names" : "Han-Latin";
			default -> "Any-Latin";
		};
		return read(word, id);
	}

	/** The word read by one of ICU4J's transliterators, lower case ASCII letters only. */
	private static String read(String word, String id) {
		return READINGS.get(id + "\u0001" + word);
	}

	private static String transliterate(String key) {
		int split = key.indexOf('\u0001');
		Transliterator transliterator = transliterator(key.substring(0, split));
		synchronized (transliterator) {
			return lettersOnly(transliterator.transliterate(key.substring(split + 1)));
		}
	}

	/** Whether a native word's reading and a Latin word are one name's two spellings. */
	static boolean agree(String reading, Scripts script, String latin, String nativeWord) {
		if (script == Scripts.HANGUL) {
			return Conventions.koreanSurnameSpellings(nativeWord).contains(latin)
					|| alike(koreanKey(reading), koreanKey(latin));
		}
		if (script == Scripts.ABUGIDA && ThaiReadings.isThai(nativeWord)) {
			Set<String> theirs = consonantSpellings(latin, script);
			return ThaiReadings.of(nativeWord)
				.stream()
				.flatMap((thai) -> consonantSpellings(thai, script).stream())
				.anyMatch((spelling) -> !spelling.isEmpty() && theirs.contains(spelling));
		}
		if (script == Scripts.ABJAD || script == Scripts.ABUGIDA) {
			Set<String> ours = consonantSpellings(reading, script);
			return consonantSpellings(latin, script).stream()
				.anyMatch((spelling) -> !spelling.isEmpty() && ours.contains(spelling));
		}
		if (script == Scripts.ALPHABET && CYRILLIC.matcher(nativeWord).matches()) {
			// Cyrillic read both as Russian and as Ukrainian (Глинський: Glinskiy, Hlynskyy).
			String ukrainian = read(nativeWord, "Ukrainian-Latin/BGN");
			if (alike(key(ukrainian), key(latin))) {
				return true;
			}
		}
		return alike(key(reading), key(latin)) || alike(greekKey(reading), greekKey(latin));
	}

	private static boolean alike(String one, String other) {
		return one.equals(other) || (Math.min(one.length(), other.length()) >= 4
				&& one.charAt(0) == other.charAt(0) && JARO_WINKLER.apply(one, other) >= SIMILARITY);
	}

	/** Greek's letter pairs at the start of a word as Latin writes them: {@code ντ} = d, {@code μπ} = b. */
	private static String greekKey(String latin) {
		return key(GREEK_MP.matcher(GREEK_NT.matcher(latin).replaceAll("d")).replaceAll("b"));
	}

	/**
	 * A Korean reading's spelling key: the vowels the Revised Romanization writes {@code eo},
	 * {@code eu}, {@code u} as people write them ({@code Hyun}, {@code Woo}), and {@code g}/{@code k},
	 * {@code b}/{@code p}, {@code d}/{@code t} as one.
	 */
	static String koreanKey(String latin) {
		String key = lettersOnly(latin).replace("woo", "u")
			.replace("wu", "u")
			.replace("oo", "u")
			.replace("ou", "u")
			.replace("eo", "u")
			.replace("eu", "u")
			.replace("ae", "e")
			.replace('g', 'k')
			.replace('b', 'p')
			.replace('d', 't')
			.replace("r", "l");
		return REPEATED.matcher(key).replaceAll("$1");
	}

	/**
	 * The consonants of a reading as scripts that leave vowels out may be read: with {@code ch} and
	 * {@code kh} as {@code k} or as nothing (Hebrew's ח and כ: {@code Rachel} / {@code רחל},
	 * {@code Michal} / {@code מיכל}), with and without the article {@code al-}
	 * ({@code Al-Bakri} / {@code البكري} / {@code Bakri}); in the Brahmic scripts, with the nasal
	 * before a consonant as {@code n} ({@code सिंह}: simha, Singh).
	 */
	static Set<String> consonantSpellings(String latin, Scripts script) {
		Set<String> spellings = new HashSet<>();
		String word = lettersOnly(latin);
		List<String> forms = new java.util.ArrayList<>(List.of(word, ARTICLE.matcher(word).replaceFirst("")));
		if (script == Scripts.ABUGIDA) {
			forms.add(M_BEFORE_CONSONANT.matcher(word.replace("ng", "n")).replaceAll("n"));
		}
		for (String form : forms) {
			spellings.add(consonants(form.replace("ch", "k").replace("kh", "k")));
			spellings.add(consonants(form.replace("ch", "").replace("kh", "")));
			spellings.add(consonants(form));
		}
		return spellings;
	}

	/**
	 * How many consonants two readings agree by, for the weight of the evidence: for a Thai word, as
	 * its readings say it (the fewest of them: ICU4J's keeps the letters that are not said).
	 */
	static int strength(String reading, Scripts script, String nativeWord) {
		if (script == Scripts.ABUGIDA && ThaiReadings.isThai(nativeWord)) {
			return ThaiReadings.of(nativeWord).stream().mapToInt((thai) -> consonants(thai).length()).min().orElse(0);
		}
		return (script == Scripts.ABJAD || script == Scripts.ABUGIDA) ? consonants(reading).length()
				: key(reading).length();
	}

	/** Spelling keys computed lately: a group's words are compared pairwise, each key read once. */
	private static final ReadCache<String> KEYS = new ReadCache<>(100_000, Romanised::fold);

	/** Letters that stand for one sound in the common romanisations folded into one. */
	static String key(String latin) {
		return KEYS.get(latin);
	}

	private static String fold(String latin) {
		String key = lettersOnly(latin).replace("shch", "sh")
			.replace("sch", "sh")
			.replace("tch", "ch")
			.replace("x", "ks")
			.replace("ph", "f")
			.replace("w", "v")
			.replace("q", "k")
			.replace("ck", "k")
			.replace("dj", "j")
			.replace("zh", "z")
			.replace("ts", "z")
			.replace("tz", "z");
		key = C_NOT_CH.matcher(key).replaceAll("k").replace("j", "y");
		key = FIRST_YO.matcher(FIRST_YE.matcher(key).replaceAll("e")).replaceAll("o");
		key = LAST_I.matcher(key).replaceAll("i")
			.replace("y", "i")
			.replace("ou", "u")
			.replace("oo", "u")
			.replace("ee", "i")
			.replace("kh", "h");
		return REPEATED.matcher(key).replaceAll("$1");
	}

	/** The consonants of a reading, for scripts that leave vowels out: h, w, y and vowels dropped, b = v, f = p. */
	static String consonants(String latin) {
		String consonants = key(latin).replace("h", "").replace("b", "v").replace("f", "p");
		return REPEATED.matcher(VOWELS.matcher(consonants).replaceAll("")).replaceAll("$1");
	}

	/** The lower case ASCII letters of a reading, nothing else. */
	private static String lettersOnly(String latin) {
		return NOT_A_TO_Z.matcher(latin).replaceAll("");
	}

	private static Transliterator transliterator(String id) {
		return TRANSLITERATORS.computeIfAbsent(id, (name) -> Transliterator.getInstance(name + TO_ASCII));
	}

}
