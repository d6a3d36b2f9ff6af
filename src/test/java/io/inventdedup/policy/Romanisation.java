package io.inventdedup.policy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How people type a Cyrillic or Greek name in Latin letters, written out by hand for the
 * multilingual benchmark ({@link MultilingualOrg}): deliberately not ICU's transliterator, which the
 * name check may use, so that the benchmark does not grade the check against itself.
 * <p>
 * Each name has a usual form (the first) and, where people often type it otherwise, an
 * alternate:
 * <ul>
 * <li>Russian, BGN-like: {@code х kh}, {@code ж zh}, {@code ц ts}, {@code ч ch}, {@code ш sh},
 * {@code щ shch}, {@code ю yu}, {@code я ya}, {@code й y}, {@code ы y}, {@code ё yo}, {@code ь} and
 * {@code ъ} dropped ({@code ye} after them), {@code -ий} as {@code iy}; the alternate writes
 * {@code -ий} as {@code y}, {@code -ей} / {@code -ай} as {@code ei} / {@code ai}, {@code кс} as
 * {@code x}, {@code ё} as {@code e}, {@code х} as {@code h} and a leading {@code е} as {@code ye},
 * and a few names as people spell them abroad ({@code Alexander}, {@code Yuri}, {@code Dmitri});</li>
 * <li>Ukrainian, the national system with the word-initial forms everywhere ({@code г h},
 * {@code и y}, {@code і i}, {@code ї yi}, {@code є ye}, {@code -ій iy}); the alternate uses the
 * system's forms inside a word ({@code -ій ii}, {@code ю iu}, {@code я ia});</li>
 * <li>Greek, ELOT 743 simplified, accents dropped ({@code ου ou}, {@code αυ av}, {@code ευ ev},
 * {@code μπ} and {@code ντ} as {@code b} and {@code d} at the start, {@code γγ ng}, {@code η i},
 * {@code υ y}, {@code χ ch}); the alternate writes {@code χ} as {@code h}, {@code υ} as {@code i},
 * {@code μπ} as {@code b}, {@code ντ} as {@code nd}, {@code γκ} as {@code ng}.</li>
 * </ul>
 */
final class Romanisation {

	private static final Map<Character, String> RUSSIAN = table("а a б b в v г g д d е e ё yo ж zh з z и i й y к k "
			+ "л l м m н n о o п p р r с s т t у u ф f х kh ц ts ч ch ш sh щ shch ъ - ы y ь - э e ю yu я ya");

	private static final Map<Character, String> UKRAINIAN = table("а a б b в v г h ґ g д d е e є ye ж zh з z и y "
			+ "і i ї yi й y к k л l м m н n о o п p р r с s т t у u ф f х kh ц ts ч ch ш sh щ shch ь - ю yu я ya");

	private static final Map<Character, String> GREEK = table("α a β v γ g δ d ε e ζ z η i θ th ι i κ k λ l μ m "
			+ "ν n ξ x ο o π p ρ r σ s ς s τ t υ y φ f χ ch ψ ps ω o");

	/** Names people spell abroad in a form of their own, as the alternate. */
	private static final Map<String, String> RUSSIAN_ABROAD = Map.of("александр", "alexander", "юрий", "yuri",
			"дмитрий", "dmitri", "пётр", "peter", "фёдор", "fedor", "артём", "artem", "семён", "semen");

	private Romanisation() {
	}

	/** A Russian name's Latin forms: the usual one, then the alternate when it differs. */
	static List<String> russian(String name) {
		return forms(name, Romanisation::russianWord);
	}

	/** A Ukrainian name's Latin forms: the usual one, then the alternate when it differs. */
	static List<String> ukrainian(String name) {
		return forms(name, Romanisation::ukrainianWord);
	}

	/** A Greek name's Latin forms: the usual one, then the alternate when it differs. */
	static List<String> greek(String name) {
		return forms(name, Romanisation::greekWord);
	}

	private interface WordRule {

		String apply(String word, boolean alternate);

	}

	private static List<String> forms(String name, WordRule rule) {
		List<String> forms = new ArrayList<>();
		for (boolean alternate : new boolean[] { false, true }) {
			StringBuilder form = new StringBuilder();
			for (String word : name.split(" ")) {
				if (form.length() > 0) {
					form.append(' ');
				}
				form.append(title(rule.apply(word.toLowerCase(Locale.ROOT), alternate)));
			}
			if (!forms.contains(form.toString())) {
				forms.add(form.toString());
			}
		}
		return List.copyOf(forms);
	}

	private static String russianWord(String word, boolean alternate) {
		if (alternate && RUSSIAN_ABROAD.containsKey(word)) {
			return RUSSIAN_ABROAD.get(word);
		}
		StringBuilder latin = new StringBuilder();
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			char before = (i > 0) ? word.charAt(i - 1) : ' ';
			boolean last = i == word.length() - 1;
			boolean beforeLast = i == word.length() - 2;
			if (c == 'и' && beforeLast && word.charAt(i + 1) == 'й') {
				latin.append(alternate ? "y" : "iy");
				i++;
			}
			else if (alternate && (c == 'е' || c == 'а') && beforeLast && word.charAt(i + 1) == 'й') {
				latin.append((c == 'е') ? "ei" : "ai");
				i++;
			}
			else if (alternate && c == 'к' && !last && word.charAt(i + 1) == 'с') {
				latin.append('x');
				i++;
			}
			else if (c == 'е' && (before == 'ь' || before == 'ъ' || (alternate && i == 0))) {
				latin.append("ye");
			}
			else if (alternate && c == 'ё') {
				latin.append('e');
			}
			else if (alternate && c == 'х') {
				latin.append('h');
			}
			else {
				latin.append(letter(RUSSIAN, c));
			}
		}
		return latin.toString();
	}

	private static String ukrainianWord(String word, boolean alternate) {
		StringBuilder latin = new StringBuilder();
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			boolean initial = i == 0;
			if (c == 'і' && i == word.length() - 2 && word.charAt(i + 1) == 'й') {
				latin.append(alternate ? "ii" : "iy");
				i++;
			}
			else if (alternate && !initial && (c == 'ю' || c == 'я' || c == 'є')) {
				latin.append((c == 'ю') ? "iu" : (c == 'я') ? "ia" : "ie");
			}
			else if (c == '’' || c == '\'' || c == 'ʼ') {
				continue;
			}
			else {
				latin.append(letter(UKRAINIAN, c));
			}
		}
		return latin.toString();
	}

	private static String greekWord(String word, boolean alternate) {
		String plain = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		StringBuilder latin = new StringBuilder();
		for (int i = 0; i < plain.length(); i++) {
			char c = plain.charAt(i);
			char next = (i + 1 < plain.length()) ? plain.charAt(i + 1) : ' ';
			boolean initial = i == 0;
			if (c == 'ο' && next == 'υ') {
				latin.append("ou");
				i++;
			}
			else if ((c == 'α' || c == 'ε' || c == 'η') && next == 'υ') {
				latin.append(letter(GREEK, c)).append('v');
				i++;
			}
			else if (c == 'μ' && next == 'π') {
				latin.append((initial || alternate) ? "b" : "mp");
				i++;
			}
			else if (c == 'ν' && next == 'τ') {
				latin.append(initial ? "d" : alternate ? "nd" : "nt");
				i++;
			}
			else if (c == 'γ' && next == 'γ') {
				latin.append("ng");
				i++;
			}
			else if (c == 'γ' && next == 'κ') {
				latin.append(initial ? "g" : alternate ? "ng" : "gk");
				i++;
			}
			else if (alternate && c == 'χ') {
				latin.append('h');
			}
			else if (alternate && c == 'υ') {
				latin.append('i');
			}
			else {
				latin.append(letter(GREEK, c));
			}
		}
		return latin.toString();
	}

	private static String letter(Map<Character, String> table, char c) {
		String latin = table.get(c);
		if (latin == null) {
			return (c == '-') ? "-" : String.valueOf(c);
		}
		return latin.equals("-") ? "" : latin;
	}

	private static Map<Character, String> table(String pairs) {
		String[] words = pairs.split(" ");
		Map<Character, String> table = new HashMap<>();
		for (int i = 0; i < words.length; i += 2) {
			table.put(words[i].charAt(0), words[i + 1]);
		}
		return Map.copyOf(table);
	}

	/** The word with its first letter, and the first after a hyphen, in capitals. */
	static String title(String word) {
		StringBuilder titled = new StringBuilder(word.length());
		boolean start = true;
		for (char c : word.toCharArray()) {
			titled.append(start ? Character.toUpperCase(c) : c);
			start = c == '-';
		}
		return titled.toString();
	}

}
