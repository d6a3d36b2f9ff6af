package io.inventdedup.names;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The consonants of a Thai word as people spell them in Latin letters, after the Royal Thai General
 * System (RTGS): ICU4J's Thai-Latin is ISO 11940, a letter-for-letter scheme nobody writes a name in
 * ({@code สมบูรณ์}: smburn, written Somboon). Thai writes a consonant one way and says it another at
 * the end of a syllable ({@code ร}: r, and n as a final; {@code ส}: s, and t), and where a syllable
 * ends is not written; so a word has a few readings, one for each way its consonants may be said,
 * and a Latin spelling agrees with the word when its consonants are one of them. The consonant
 * under the silencer {@code ์} is not said ({@code สวัสดิ์}: sawat), nor {@code ทร} before it
 * ({@code จันทร์}: chan); {@code อ} carries a vowel and is not read; {@code ำ} ends in m.
 * Vowels are left out: the check compares these words by their consonants ({@link Romanised#consonants}).
 */
final class ThaiReadings {

	/** The most readings a word is given; a longer word is read one way, each consonant by its last. */
	static final int MAX_READINGS = 64;

	/** The readings of the words read lately, at most 10,000. */
	private static final ReadCache<Set<String>> READINGS = new ReadCache<>(10_000, ThaiReadings::read);

	private static final char SILENCER = '\u0E4C';

	/** Written between two sounds, so that two are never read as one ({@code t} + {@code s} is no {@code ts}). */
	private static final String BETWEEN = "a";

	private static final char NIKHAHIT = '\u0E4D';

	private ThaiReadings() {
	}

	/** Whether a word holds Thai letters. */
	static boolean isThai(String word) {
		return word.chars().anyMatch((c) -> c >= '\u0E01' && c <= '\u0E5B');
	}

	/**
	 * The word's readings: its consonants in Latin letters, lower case, each followed by an {@code a}
	 * for the vowels. Past {@link #MAX_READINGS} ways (a long word: Thai writes no spaces, and a name is
	 * set by the public), one reading, each consonant said its last way (a final where it may be one).
	 */
	static Set<String> of(String word) {
		return READINGS.get(word);
	}

	private static Set<String> read(String word) {
		List<String[]> sounds = sounds(word);
		long ways = 1;
		for (String[] sound : sounds) {
			ways = Math.min(ways * sound.length, MAX_READINGS + 1);
		}
		if (ways > MAX_READINGS) {
			StringBuilder one = new StringBuilder();
			sounds.forEach((sound) -> one.append(sound[sound.length - 1]).append(BETWEEN));
			return Set.of(one.toString());
		}
		Set<String> readings = new LinkedHashSet<>();
		readings.add("");
		for (String[] sound : sounds) {
			Set<String> longer = new LinkedHashSet<>();
			for (String reading : readings) {
				for (String way : sound) {
					longer.add(reading + way + BETWEEN);
				}
			}
			readings = longer;
		}
		return Set.copyOf(readings);
	}

	/** Each consonant said in the word with the ways it may be said there, in the word's order. */
	private static List<String[]> sounds(String word) {
		List<String[]> sounds = new ArrayList<>();
		int length = word.length();
		for (int i = 0; i < length; i++) {
			char c = word.charAt(i);
			if (c == NIKHAHIT || c == '\u0E33') {
				sounds.add(new String[] { "m" });
				continue;
			}
			String[] values = values(c);
			if (values == null || silenced(word, i)) {
				continue;
			}
			boolean first = sounds.isEmpty() && !hasConsonantBefore(word, i);
			boolean vowelAfter = i + 1 < length && followingVowel(word.charAt(i + 1));
			boolean leadingVowelBefore = i > 0 && leadingVowel(word.charAt(i - 1));
			if (first || vowelAfter || leadingVowelBefore || values.length == 1) {
				sounds.add(values[0].split("/"));
			}
			else {
				sounds.add(both(values));
			}
		}
		return sounds;
	}

	private static String[] both(String[] values) {
		Set<String> ways = new LinkedHashSet<>(List.of(values[0].split("/")));
		ways.addAll(List.of(values[1].split("/")));
		return ways.toArray(String[]::new);
	}

	private static boolean hasConsonantBefore(String word, int i) {
		for (int j = 0; j < i; j++) {
			if (values(word.charAt(j)) != null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the consonant at i is not said: under the silencer (a vowel or tone mark may stand
	 * between), or {@code ท} before a silenced {@code ร}.
	 */
	private static boolean silenced(String word, int i) {
		int next = i + 1;
		while (next < word.length() && mark(word.charAt(next)) && word.charAt(next) != SILENCER) {
			next++;
		}
		if (next < word.length() && word.charAt(next) == SILENCER) {
			return true;
		}
		return word.charAt(i) == 'ท' && i + 2 < word.length() && word.charAt(i + 1) == 'ร'
				&& word.charAt(i + 2) == SILENCER;
	}

	/** The vowel signs written after, above or below a consonant, and the tone marks. */
	private static boolean mark(char c) {
		return c == '\u0E31' || (c >= '\u0E34' && c <= '\u0E3A') || (c >= '\u0E47' && c <= '\u0E4E');
	}

	private static boolean followingVowel(char c) {
		return mark(c) || c == 'ะ' || c == 'า' || c == 'ำ' || c == 'ๅ' || c == NIKHAHIT;
	}

	private static boolean leadingVowel(char c) {
		return c >= 'เ' && c <= 'ไ';
	}

	/**
	 * A consonant's ways as an initial and as a final ({@code "s", "t"}; one value where they are
	 * one; alternatives by {@code /}: {@code จ} is written ch or j), or null for what is not a
	 * consonant ({@code อ} is one, carrying a vowel: it is not said).
	 */
	private static String[] values(char c) {
		return switch (c) {
			case 'ก' -> new String[] { "k" };
			case 'ข', 'ฃ', 'ค', 'ฅ', 'ฆ' -> new String[] { "kh", "k" };
			case 'ง' -> new String[] { "ng" };
			case 'จ' -> new String[] { "ch/j", "t" };
			case 'ฉ', 'ช', 'ฌ' -> new String[] { "ch", "t" };
			case 'ซ', 'ศ', 'ษ', 'ส' -> new String[] { "s", "t" };
			case 'ญ' -> new String[] { "y", "n" };
			case 'ฎ', 'ด' -> new String[] { "d", "t" };
			case 'ฏ', 'ต' -> new String[] { "t" };
			case 'ฐ', 'ฑ', 'ฒ', 'ถ', 'ท', 'ธ' -> new String[] { "th", "t" };
			case 'ณ', 'น' -> new String[] { "n" };
			case 'บ' -> new String[] { "b", "p" };
			case 'ป' -> new String[] { "p" };
			case 'ผ', 'พ', 'ภ' -> new String[] { "ph", "p" };
			case 'ฝ', 'ฟ' -> new String[] { "f", "p" };
			case 'ม' -> new String[] { "m" };
			case 'ย' -> new String[] { "y", "i" };
			case 'ร' -> new String[] { "r", "n/rn" };
			case 'ล', 'ฬ' -> new String[] { "l", "n" };
			case 'ว' -> new String[] { "w", "o" };
			case 'ห', 'ฮ' -> new String[] { "h" };
			case 'อ' -> new String[] { "" };
			default -> null;
		};
	}

}
