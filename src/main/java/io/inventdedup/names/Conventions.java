package io.inventdedup.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How names are built, per convention, as data with its sources ({@code names/conventions/}, each
 * file's header names them): titles set aside, generation markers, patronymic particles and endings,
 * the man's and woman's forms of one name, family names of two characters, the Latin spellings of
 * Korean family names. Every word is read as the name check reads a name ({@link NameText#fold}).
 */
final class Conventions {

	/** What a pair of words one stem apart with a man's and a woman's ending are. */
	enum Gendered {

		/** Two people's given names (or patronymics): {@code Manuel} / {@code Manuela}. */
		PERSON,

		/** One family's name for a man and a woman: {@code Смирнов} / {@code Смирнова}. */
		FAMILY

	}

	private record Endings(String masculine, String feminine, Gendered kind) {
	}

	private static final Set<String> HONORIFICS = words("honorifics.txt");

	private static final Set<String> TITLES_ALSO_NAMES = words("titles-also-names.txt");

	private static final Set<String> HONORIFIC_SUFFIXES = words("honorific-suffixes.txt");

	private static final Set<String> GENERATIONS = words("generations.txt");

	private static final Set<String> GENERATIONS_LAST = words("generations-last.txt");

	private static final Set<String> PATRONYMIC_PARTICLES = words("patronymic-particles.txt");

	private static final List<String> PATRONYMIC_ENDINGS = List.copyOf(words("patronymic-endings.txt"));

	private static final Set<String> COMPOUND_SURNAMES = words("compound-surnames.txt");

	private static final Set<String> FAMILY_FIRST = words("family-first.txt");

	private static final List<String> COMPOUND_PREFIXES = List.copyOf(words("compound-prefixes.txt"));

	private static final List<Endings> GENDERED = gendered();

	private static final Map<String, Set<String>> KOREAN_SURNAMES = koreanSurnames();

	private Conventions() {
	}

	static boolean isHonorific(String word) {
		return HONORIFICS.contains(word);
	}

	/** A title that is also a name ({@code Pan}, a Chinese family name; {@code Anh}, a Vietnamese given name). */
	static boolean isTitleAlsoName(String word) {
		return TITLES_ALSO_NAMES.contains(word);
	}

	static boolean isHonorificSuffix(String word) {
		return HONORIFIC_SUFFIXES.contains(word);
	}

	/** A word of Chinese, Japanese or Korean without the honorific joined to its end, or the word itself. */
	static String withoutHonorificSuffix(String word) {
		for (String suffix : HONORIFIC_SUFFIXES) {
			if (word.length() > suffix.length() && word.endsWith(suffix) && !Scripts.isLatin(suffix)) {
				return word.substring(0, word.length() - suffix.length());
			}
		}
		return word;
	}

	/**
	 * Whether a word of a name (not its first) says its generation; an abbreviation that is also a
	 * name ({@code jun}: Chinese and Korean {@code Jun}) only as the last of three words or more.
	 */
	static boolean isGeneration(String word, boolean lastOfThree) {
		return GENERATIONS.contains(word) || (lastOfThree && GENERATIONS_LAST.contains(word));
	}

	static boolean isPatronymicParticle(String word) {
		return PATRONYMIC_PARTICLES.contains(word);
	}

	/** Whether the word is a patronymic by its ending, with at least three letters before it. */
	static boolean isPatronymic(String word) {
		return PATRONYMIC_ENDINGS.stream()
			.anyMatch((ending) -> word.endsWith(ending) && word.length() >= ending.length() + 3);
	}

	/** Whether a name's first word is a family name of a convention that writes the family name first. */
	static boolean isFamilyFirst(String word) {
		return FAMILY_FIRST.contains(word);
	}

	/**
	 * The two words without the first part of a compound name they share ({@code عبدالمحسن} /
	 * {@code عبدالصمد}: {@code محسن} / {@code صمد}), or null when they share none.
	 */
	static String @Nullable [] withoutSharedPrefix(String one, String other) {
		String longest = null;
		for (String prefix : COMPOUND_PREFIXES) {
			if (one.startsWith(prefix) && other.startsWith(prefix) && one.length() > prefix.length() + 1
					&& other.length() > prefix.length() + 1 && (longest == null || prefix.length() > longest.length())) {
				longest = prefix;
			}
		}
		return (longest == null) ? null
				: new String[] { one.substring(longest.length()), other.substring(longest.length()) };
	}

	/** Whether the start of a name written without a space is a family name of two characters. */
	static boolean isCompoundSurname(String start) {
		return COMPOUND_SURNAMES.contains(start);
	}

	/** The Latin spellings of a Korean family name in Hangul; empty when the list has none. */
	static Set<String> koreanSurnameSpellings(String hangul) {
		return KOREAN_SURNAMES.getOrDefault(hangul, Set.of());
	}

	/**
	 * Whether two different words are one stem with a man's and a woman's ending, and of what kind;
	 * null when they are not. The stem is at least two letters ({@code Ян} / {@code Яна}), three for
	 * a family name.
	 */
	static @Nullable Gendered gendered(String one, String other) {
		Gendered found = null;
		for (Endings endings : GENDERED) {
			Gendered kind = endings.kind();
			if ((found == null || kind == Gendered.PERSON) && (stems(one, other, endings) || stems(other, one, endings))) {
				found = kind;
			}
		}
		return (found == null && feminineEnding(one, other)) ? Gendered.PERSON : found;
	}

	/**
	 * Whether two words of one stem (two letters or more) end in one or two letters of their own,
	 * exactly one of them with a woman's {@code a} ({@code Lenn} / {@code Lena}, {@code Adriaan} /
	 * {@code Adriana}, {@code Ευάγγελος} / {@code Ευαγγελία}), or the one with {@code a} and the other
	 * with {@code i} ({@code Putra} / {@code Putri}): most languages make a woman's name so.
	 */
	private static boolean feminineEnding(String one, String other) {
		int stem = 0;
		while (stem < one.length() && stem < other.length() && one.charAt(stem) == other.charAt(stem)) {
			stem++;
		}
		String a = one.substring(stem);
		String b = other.substring(stem);
		if (stem < 2 || a.length() > 2 || b.length() > 2 || a.equals(b)) {
			return false;
		}
		boolean aFeminine = FEMININE.indexOf(last(a)) >= 0;
		boolean bFeminine = FEMININE.indexOf(last(b)) >= 0;
		return (aFeminine != bFeminine) || (a.equals("a") && b.equals("i")) || (a.equals("i") && b.equals("a"));
	}

	/** The letters a woman's name ends in: Latin, Cyrillic and Greek a, Hebrew he, Arabic ta marbuta. */
	private static final String FEMININE = "aаαהة";

	private static char last(String ending) {
		return ending.isEmpty() ? ' ' : ending.charAt(ending.length() - 1);
	}

	private static boolean stems(String masculine, String feminine, Endings endings) {
		if (!masculine.endsWith(endings.masculine()) || !feminine.endsWith(endings.feminine())) {
			return false;
		}
		String stem = masculine.substring(0, masculine.length() - endings.masculine().length());
		int least = (endings.kind() == Gendered.FAMILY) ? 3 : 2;
		return stem.length() >= least
				&& feminine.equals(stem + endings.feminine());
	}

	private static Set<String> words(String file) {
		Set<String> words = new HashSet<>();
		for (String line : lines(file)) {
			String word = NameText.fold(line);
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return Set.copyOf(words);
	}

	private static List<Endings> gendered() {
		List<Endings> endings = new ArrayList<>();
		for (String line : lines("gendered-endings.tsv")) {
			String[] columns = line.split("\t");
			endings.add(new Endings(ending(columns[0]), ending(columns[1]),
					Gendered.valueOf(columns[2].strip().toUpperCase(java.util.Locale.ROOT))));
		}
		return List.copyOf(endings);
	}

	private static String ending(String column) {
		return column.strip().equals("-") ? "" : NameText.fold(column.strip());
	}

	private static Map<String, Set<String>> koreanSurnames() {
		Map<String, Set<String>> spellings = new HashMap<>();
		for (String line : lines("korean-surnames.tsv")) {
			String[] columns = line.split("\t");
			Set<String> latin = new HashSet<>();
			for (int i = 1; i < columns.length; i++) {
				latin.add(columns[i].strip());
			}
			spellings.put(columns[0].strip(), Set.copyOf(latin));
		}
		return Map.copyOf(spellings);
	}

	/** The lines of a file of {@code names/conventions/}, without comments and blank lines. */
	private static List<String> lines(String file) {
		String resource = "/names/conventions/" + file;
		try (InputStream in = Conventions.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource.substring(1) + " is missing from the classpath");
			}
			List<String> lines = new ArrayList<>();
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					lines.add(line);
				}
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource.substring(1), ex);
		}
	}

}
