package io.inventdedup.names;

import com.ibm.icu.lang.UScript;

/**
 * The writing system of a word, as ICU4J's script property gives it for its letters, grouped by
 * how the name check can read it: each measure says which of these it covers.
 */
enum Scripts {

	/** Latin letters: every measure (typos, Double Metaphone, the given-name and nickname lists). */
	LATIN,

	/** Alphabets with letters for vowels (Cyrillic, Greek, Armenian, Georgian): typos; read in Latin by ICU4J. */
	ALPHABET,

	/** Scripts that write consonants and leave most vowels out (Arabic, Hebrew, Syriac, Thaana): consonants compared. */
	ABJAD,

	/** Scripts whose consonants carry a vowel (Devanagari, Thai and the other Brahmic scripts): consonants compared. */
	ABUGIDA,

	/** Chinese characters without kana: read in Latin only as Chinese (pinyin), never as Japanese. */
	HAN,

	/** Japanese kana (with or without kanji): read in Latin by ICU4J when there is no kanji. */
	KANA,

	/** Korean Hangul: read in Latin by syllable, family names by their usual spellings. */
	HANGUL,

	/** Digits or anything else: compared as it is written, never across scripts. */
	OTHER;

	/** The script of a word (kana anywhere makes it Japanese). */
	static Scripts of(String word) {
		Scripts found = OTHER;
		for (int i = 0; i < word.length();) {
			int codePoint = word.codePointAt(i);
			i += Character.charCount(codePoint);
			Scripts script = ofCodePoint(codePoint);
			if (script == KANA) {
				return KANA;
			}
			if (found == OTHER) {
				found = script;
			}
		}
		return found;
	}

	/** Whether every letter of the text is Latin (digits and other characters aside). */
	static boolean isLatin(String text) {
		return text.codePoints().noneMatch((c) -> Character.isLetter(c) && ofCodePoint(c) != LATIN);
	}

	/**
	 * Whether a word of this script read in Latin letters is read as people write it, so that a
	 * reading apart is another name: Cyrillic, Greek, Chinese (pinyin) and kana; not scripts that
	 * leave vowels out or carry them, nor Hangul.
	 */
	boolean readsReliably() {
		return this == LATIN || this == ALPHABET || this == HAN || this == KANA || this == OTHER;
	}

	/** Whether a letter apart can be a typo in this script: not in Chinese characters, kana or Hangul. */
	boolean hasTypos() {
		return this != HAN && this != KANA && this != HANGUL;
	}

	/** Whether words of this script are written without spaces between a family and a given name. */
	boolean writesNamesAsOneWord() {
		return this == HAN || this == HANGUL || this == KANA;
	}

	private static Scripts ofCodePoint(int codePoint) {
		if (!Character.isLetter(codePoint)) {
			return OTHER;
		}
		return switch (UScript.getScript(codePoint)) {
			case UScript.LATIN -> LATIN;
			case UScript.CYRILLIC, UScript.GREEK, UScript.ARMENIAN, UScript.GEORGIAN -> ALPHABET;
			case UScript.ARABIC, UScript.HEBREW, UScript.SYRIAC, UScript.THAANA -> ABJAD;
			case UScript.DEVANAGARI, UScript.BENGALI, UScript.GURMUKHI, UScript.GUJARATI, UScript.ORIYA, UScript.TAMIL,
					UScript.TELUGU, UScript.KANNADA, UScript.MALAYALAM, UScript.SINHALA, UScript.THAI, UScript.LAO,
					UScript.KHMER, UScript.MYANMAR, UScript.TIBETAN -> ABUGIDA;
			case UScript.HAN -> HAN;
			case UScript.HIRAGANA, UScript.KATAKANA -> KANA;
			case UScript.HANGUL -> HANGUL;
			default -> OTHER;
		};
	}

}
