package io.inventdedup.names;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;

import org.jspecify.annotations.Nullable;

/**
 * A name as Unicode text read into the words the name check compares, with ICU4J:
 * <ul>
 * <li>NFKC with case folding (full-width and compatibility forms, {@code ß} = {@code ss}), default
 * ignorable characters dropped (zero-width joiners and spaces, bidi controls, variation
 * selectors); the accents of Latin, Greek, Cyrillic, Hebrew and Arabic letters removed
 * ({@code Zoë} = {@code Zoe}; the vowel signs of Devanagari or Thai are letters and stay); the
 * variant letters of Arabic folded ({@code أ} = {@code ا});</li>
 * <li>words split at anything that is not a letter, a mark or a digit (emoji, symbols and
 * decorations are no part of a name); apostrophes join ({@code O'Brien} = {@code OBrien}); the words
 * after a single comma first ({@code Smith, Anna} is {@code anna smith});</li>
 * <li>by the conventions ({@link Conventions}): titles at the start set aside ({@code Dr.},
 * {@code Herr}, {@code Hajji}; {@code 先生}, {@code -san} at the end or joined to a Chinese, Japanese
 * or Korean name), generation markers kept apart ({@code Jr}, {@code Filho}), a word after
 * {@code bin} / {@code ibn} / {@code bint} a father's name, a word ending as a patronymic
 * ({@code -ovich}, {@code -ovna}, {@code -dóttir}) a patronymic, a Hungarian wife's name
 * ({@code Jánosné}: Mrs János) a husband's name;</li>
 * <li>a Chinese or Korean name written as one word split into its family name (the first character
 * or syllable, two for the compound family names) and its given name.</li>
 * </ul>
 */
final class NameText {

	private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

	private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

	private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

	/** What part of a name a word is. */
	enum Role {

		/** A given or family name. */
		NAME,

		/** A patronymic by its ending: compared with patronymics only. */
		PATRONYMIC,

		/** The name of a father, after {@code bin}, {@code ibn}, {@code bint}. */
		FATHER,

		/** The husband's name of a Hungarian married name ({@code Jánosné}). */
		HUSBAND

	}

	/** A word of a name as compared, its role and its script. */
	record Token(String text, Role role, Scripts script) {
	}

	/**
	 * A name read.
	 * @param tokens its words as compared
	 * @param generations its generation markers ({@code jr}, {@code filho}), sorted
	 * @param setAside the titles set aside, as written in the evidence
	 */
	record Parsed(List<Token> tokens, Set<String> generations, List<String> setAside) {

		List<String> words() {
			return this.tokens.stream().map(Token::text).toList();
		}

		/**
		 * The one script of its words ({@link Scripts#KANA} for a Japanese name of kanji and kana),
		 * or {@link Scripts#OTHER} when they mix scripts or have none.
		 */
		Scripts script() {
			boolean kana = this.tokens.stream().anyMatch((token) -> token.script() == Scripts.KANA);
			Scripts script = null;
			for (Token token : this.tokens) {
				if (token.script() == Scripts.OTHER || (kana && token.script() == Scripts.HAN)) {
					continue;
				}
				if (script != null && script != token.script()) {
					return Scripts.OTHER;
				}
				script = token.script();
			}
			return (script != null) ? script : Scripts.OTHER;
		}

	}

	/** Apostrophes, dropped from a name (O'Brien is obrien); compiled once, as the patterns below. */
	private static final Pattern APOSTROPHES = Pattern.compile("['’`ʼ]");

	private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

	private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}\\p{M}]");

	private NameText() {
	}

	/** A text as the name check reads it: folded, accents removed, apostrophes dropped; not split. */
	static String fold(String text) {
		return APOSTROPHES.matcher(stripMarks(NFKC_CASEFOLD.normalize(text))).replaceAll("");
	}

	/** Names read lately, at most 20,000. */
	private static final ReadCache<Parsed> READ = new ReadCache<>(20_000, NameText::read);

	/** A name read into its words; no word for a name that is null, blank or punctuation only. */
	static Parsed parse(@Nullable String name) {
		if (name == null) {
			return new Parsed(List.of(), Set.of(), List.of());
		}
		return READ.get(name);
	}

	private static Parsed read(String name) {
		List<String> setAside = new ArrayList<>();
		String folded = withoutTitles(APOSTROPHES.matcher(NFKC_CASEFOLD.normalize(name)).replaceAll(""), setAside);
		List<String> raw = split(folded);
		String[] parts = folded.split(",", -1);
		if (parts.length == 2) {
			// "Smith, Anna": the family name first, as a comma says; read as "Anna Smith", so that
			// the given name is the first word.
			List<String> family = split(parts[0]);
			List<String> given = split(parts[1]);
			if (!family.isEmpty() && !given.isEmpty()) {
				raw = new ArrayList<>(given);
				raw.addAll(family);
			}
		}
		List<String> words = new ArrayList<>();
		List<Role> roles = new ArrayList<>();
		for (String word : raw) {
			boolean husband = word.length() >= 5 && word.endsWith("né") && Scripts.isLatin(word);
			String text = stripMarks(husband ? word.substring(0, word.length() - 2) : word);
			words.add(text);
			roles.add(husband ? Role.HUSBAND : Role.NAME);
		}
		Set<String> generations = new TreeSet<>();
		List<Token> tokens = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			Role role = roles.get(i);
			if (i > 0 && Conventions.isGeneration(word, i == words.size() - 1 && words.size() >= 3)) {
				generations.add(word);
				continue;
			}
			if (i > 0 && i + 1 < words.size() && Conventions.isPatronymicParticle(word)) {
				tokens.add(new Token(words.get(++i), Role.FATHER, Scripts.of(words.get(i))));
				continue;
			}
			if (i > 0 && i + 1 < words.size() && (word.equals("al") || word.equals("el"))) {
				// An Arabic family name's article, written apart (Al-Masri, El Masry): one word, as
				// the Arabic script writes it (المصري).
				word = word + words.get(++i);
			}
			if (role == Role.NAME && Conventions.isPatronymic(word)) {
				role = Role.PATRONYMIC;
			}
			Scripts script = Scripts.of(word);
			if (script.writesNamesAsOneWord()) {
				String bare = Conventions.withoutHonorificSuffix(word);
				if (!bare.equals(word)) {
					setAside.add(word.substring(bare.length()));
					word = bare;
				}
			}
			tokens.add(new Token(word, role, script));
		}
		return new Parsed(List.copyOf(splitOneWordNames(tokens)), Collections.unmodifiableSortedSet(new TreeSet<>(generations)),
				List.copyOf(setAside));
	}

	/**
	 * The name without the titles of its first and last chunks (what spaces separate), each read by
	 * its letters alone ({@code Dr.}, {@code д-р}, {@code ד"ר}), and set aside in {@code setAside}:
	 * a title before a name where a chunk with letters is left, a title that is also a name
	 * ({@code Pan}, {@code Anh}) only where two are left; an honorific after it ({@code 先生},
	 * {@code -san}, {@code 선생님}) where one is left.
	 */
	private static String withoutTitles(String name, List<String> setAside) {
		List<String> chunks = new ArrayList<>();
		for (String chunk : SPACES.split(name.strip())) {
			if (!chunk.isEmpty()) {
				chunks.add(chunk);
			}
		}
		while (chunks.size() > 1) {
			String title = NOT_A_LETTER.matcher(fold(chunks.get(0))).replaceAll("");
			if (!(Conventions.isHonorific(title) || (chunks.size() > 2 && Conventions.isTitleAlsoName(title)))) {
				break;
			}
			setAside.add(title);
			chunks.remove(0);
		}
		while (chunks.size() > 1) {
			String title = NOT_A_LETTER.matcher(fold(chunks.get(chunks.size() - 1))).replaceAll("");
			if (!Conventions.isHonorificSuffix(title)) {
				break;
			}
			setAside.add(title);
			chunks.remove(chunks.size() - 1);
		}
		return String.join(" ", chunks);
	}

	/**
	 * A Chinese or Korean name written as one word ({@code 王伟}, {@code 김민준}) as two: its family
	 * name (the first character or syllable, two for a compound family name) and its given name.
	 */
	private static List<Token> splitOneWordNames(List<Token> tokens) {
		if (tokens.size() != 1) {
			return tokens;
		}
		Token only = tokens.get(0);
		String text = only.text();
		int length = text.codePointCount(0, text.length());
		if ((only.script() != Scripts.HAN && only.script() != Scripts.HANGUL) || length < 2 || length > 4) {
			return tokens;
		}
		int family = (length >= 3 && Conventions.isCompoundSurname(text.substring(0, text.offsetByCodePoints(0, 2)))) ? 2 : 1;
		int cut = text.offsetByCodePoints(0, family);
		return List.of(new Token(text.substring(0, cut), only.role(), only.script()),
				new Token(text.substring(cut), only.role(), only.script()));
	}

	private static List<String> split(String folded) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < folded.length();) {
			int codePoint = folded.codePointAt(i);
			i += Character.charCount(codePoint);
			int type = Character.getType(codePoint);
			if (Character.isLetterOrDigit(codePoint) || type == Character.NON_SPACING_MARK
					|| type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK) {
				word.appendCodePoint(codePoint);
			}
			else if (!word.isEmpty()) {
				words.add(word.toString());
				word.setLength(0);
			}
		}
		if (!word.isEmpty()) {
			words.add(word.toString());
		}
		words.removeIf((w) -> w.codePoints().noneMatch(Character::isLetterOrDigit));
		return words;
	}

	/**
	 * The text without the accents of Latin, Greek, Cyrillic, Hebrew and Arabic letters (the breve
	 * of {@code й} stays: {@code й} and {@code и} are two letters), Arabic's tatweel and variant
	 * letters folded, Latin's {@code æ œ ø ł đ ı} spelt out; the marks of other scripts stay.
	 */
	private static String stripMarks(String text) {
		String decomposed = NFD.normalize(text);
		StringBuilder stripped = new StringBuilder(decomposed.length());
		Scripts base = Scripts.OTHER;
		char previous = 0;
		for (int i = 0; i < decomposed.length();) {
			int codePoint = decomposed.codePointAt(i);
			i += Character.charCount(codePoint);
			int type = Character.getType(codePoint);
			if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
				boolean keep = (base != Scripts.LATIN && base != Scripts.ALPHABET && base != Scripts.ABJAD)
						|| (codePoint == 0x0306 && (previous == 'и' || previous == 'і'));
				if (keep) {
					stripped.appendCodePoint(codePoint);
				}
				continue;
			}
			if (codePoint == 0x0640) {
				continue;
			}
			base = Character.isLetter(codePoint) ? Scripts.of(new String(Character.toChars(codePoint))) : base;
			previous = (codePoint < 0x10000) ? (char) codePoint : 0;
			stripped.append(letter(codePoint));
		}
		return NFC.normalize(stripped.toString());
	}

	private static String letter(int codePoint) {
		return switch (codePoint) {
			case 'æ' -> "ae";
			case 'œ' -> "oe";
			case 'ø' -> "o";
			case 'ł' -> "l";
			case 'đ', 'ð' -> "d";
			case 'ı' -> "i";
			case 'þ' -> "th";
			case 'أ', 'إ', 'آ', 'ٱ' -> "ا";
			case 'ى', 'ی' -> "ي";
			case 'ک' -> "ك";
			case 'ؤ' -> "و";
			case 'ئ' -> "ي";
			default -> new String(Character.toChars(codePoint));
		};
	}

	/** A word as the evidence shows it: title case. */
	static String title(String word) {
		int first = word.codePointAt(0);
		return new String(Character.toChars(UCharacter.toTitleCase(first))) + word.substring(Character.charCount(first));
	}

}
