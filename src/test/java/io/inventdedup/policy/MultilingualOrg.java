package io.inventdedup.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.apache.commons.text.similarity.LevenshteinDistance;

import io.inventdedup.policy.LocaleNames.Family;
import io.inventdedup.policy.LocaleNames.Gender;
import io.inventdedup.policy.LocaleNames.Nickname;
import io.inventdedup.policy.LocaleNames.Script;
import io.inventdedup.policy.LocaleNames.Word;

import io.inventdedup.policy.OrgGroup.Member;

/**
 * A multilingual org, seeded and deterministic: the groups Invent would list for the contacts of
 * people of 23 locales (English as the control), their names drawn from
 * Datafaker's lists of each locale and the hand-written tables of {@link NameTables}
 * ({@link LocaleNames}), {@value #ONE_PERSON} groups of one person and {@value #DIFFERENT_PEOPLE}
 * of different people a locale:
 * <ul>
 * <li>one person, two or three contacts, variants of one name: {@value #CASE} ({@code ANNA WEBER}),
 * {@value #ACCENTS} ({@code Nguyen Van Hung}, {@code Федор} for {@code Фёдор}, Greek without its
 * tonos), {@value #ORDER} (family name first or last; Chinese, Japanese and Korean names in Latin
 * letters both ways), {@value #MIDDLE} present or missing (a patronymic, {@code Văn} / {@code Thị},
 * {@code Kumar}, a father's name, a second given name), {@value #SECOND_SURNAME} (Spanish and
 * Portuguese), {@value #TYPO} (one letter changed, dropped or swapped in a word of five letters or
 * more, alphabetic scripts only), {@value #HONORIFIC} ({@code Herr}, {@code Sra.}, {@code Pak},
 * {@code الحاج}, {@code 先生}, {@code 님}), {@value #NICKNAME} (pairs that are sure: {@code Pepe} /
 * {@code José}, {@code Миша} / {@code Михаил}), {@value #SPACING} ({@code 王伟} / {@code 王 伟},
 * {@code عبدالله} / {@code عبد الله}), and, for every script but Latin, {@value #NATIVE}
 * ({@code Сидоров} / {@code Sidorov}, {@code 王伟} / {@code Wang Wei}), spelled as people type it
 * ({@link Romanisation}, {@link NameTables}), never by ICU;</li>
 * <li>different people sharing a phone or an inbox: a {@value #FAMILY} (one family name, in its
 * man's and woman's form where it has two), a {@value #COUPLE} (a wife keeping her name where the
 * locale does so, a Hungarian wife as {@code Kovács Jánosné}), {@value #GENDERED_GIVEN}
 * ({@code Евгений} / {@code Евгения}, {@code Nguyễn Văn Minh} / {@code Nguyễn Thị Minh}),
 * {@value #PATRONYMIC} (East Slavic, or an Arabic father's name), {@value #GENERATIONS}
 * ({@code Jr.}, {@code Filho}, {@code ifj.}), {@value #FATHER_AND_SON} ({@code أحمد بن خالد} /
 * {@code خالد بن أحمد}), {@value #STRANGERS}, and {@value #SHARED_CHARACTER} ({@code 佐藤 健} /
 * {@code 佐藤 健太}).</li>
 * </ul>
 * The truth is each member's person.
 */
final class MultilingualOrg {

	static final List<String> LOCALES = List.of("zh-CN", "ja", "ko", "ru", "uk", "ar", "fa", "hi", "th", "he", "el",
			"vi", "tr", "pl", "de", "es", "pt-BR", "fr", "it", "nl", "id", "hu", "en");

	static final int ONE_PERSON = 35;

	/** Of the one-person groups of a locale whose script is not Latin, those of native beside romanised names. */
	static final int NATIVE_BESIDE_ROMANISED = 12;

	static final int DIFFERENT_PEOPLE = 25;

	static final String CASE = "case";

	static final String ACCENTS = "accents dropped";

	static final String ORDER = "order swapped";

	static final String MIDDLE = "middle name";

	static final String SECOND_SURNAME = "second surname";

	static final String TYPO = "typo";

	static final String HONORIFIC = "honorific";

	static final String NICKNAME = "nickname";

	static final String SPACING = "spacing";

	static final String NATIVE = "native beside romanised";

	static final String FAMILY = "family";

	static final String COUPLE = "couple";

	static final String GENDERED_GIVEN = "gendered given names";

	static final String PATRONYMIC = "siblings sharing a patronymic";

	static final String GENERATIONS = "generations";

	static final String FATHER_AND_SON = "father and son (bin)";

	static final String STRANGERS = "strangers on a shared inbox";

	static final String SHARED_CHARACTER = "given names sharing a character";

	private static final LevenshteinDistance DISTANCE = new LevenshteinDistance();

	private MultilingualOrg() {
	}

	static List<OrgGroup> groups(long seed) {
		Generator generator = new Generator(new Random(seed));
		for (String tag : LOCALES) {
			generator.locale(LocaleNames.of(tag));
		}
		return List.copyOf(generator.groups);
	}

	/** A person of a locale: a given name, a middle name or none, a family. */
	private record Person(Gender gender, Word given, Word middle, Family family) {

		Word familyWord() {
			return this.family.of(this.gender);
		}

		Person withGiven(Word given) {
			return new Person(this.gender, given, this.middle, this.family);
		}

		Person withMiddle(Word middle) {
			return new Person(this.gender, this.given, middle, this.family);
		}

	}

	private static final class Generator {

		private final Random random;

		private final List<OrgGroup> groups = new ArrayList<>();

		private int nextMember;

		private int nextPerson;

		private LocaleNames names;

		Generator(Random random) {
			this.random = random;
		}

		void locale(LocaleNames names) {
			this.names = names;
			List<String> onePerson = onePersonKinds();
			int nativeCount = onePerson.remove(NATIVE) ? NATIVE_BESIDE_ROMANISED : 0;
			for (int i = 0; i < ONE_PERSON; i++) {
				String kind = (i < nativeCount) ? NATIVE : onePerson.get((i - nativeCount) % onePerson.size());
				onePerson(kind);
			}
			List<String> differentPeople = differentPeopleKinds();
			for (int i = 0; i < DIFFERENT_PEOPLE; i++) {
				differentPeople(differentPeople.get(i % differentPeople.size()));
			}
		}

		private List<String> onePersonKinds() {
			LocaleNames n = this.names;
			List<String> kinds = new ArrayList<>();
			kinds.add(NATIVE);
			if (n.script.alphabetic()) {
				kinds.add(CASE);
			}
			if (n.script == Script.LATIN || n.script == Script.GREEK || n.tag.equals("ru")) {
				kinds.add(ACCENTS);
			}
			kinds.add(ORDER);
			if (!n.maleMiddles.isEmpty()) {
				kinds.add(MIDDLE);
			}
			if (n.tag.equals("es") || n.tag.equals("pt-BR")) {
				kinds.add(SECOND_SURNAME);
			}
			if (n.script.alphabetic()) {
				kinds.add(TYPO);
			}
			kinds.add(HONORIFIC);
			if (!n.nicknames.isEmpty()) {
				kinds.add(NICKNAME);
			}
			if (n.script.cjk() || n.tag.equals("ar")) {
				kinds.add(SPACING);
			}
			if (n.script == Script.LATIN) {
				kinds.remove(NATIVE);
			}
			return kinds;
		}

		private List<String> differentPeopleKinds() {
			LocaleNames n = this.names;
			List<String> kinds = new ArrayList<>(List.of(FAMILY, COUPLE, STRANGERS));
			if (!n.genderedGivens.isEmpty() || n.tag.equals("vi")) {
				kinds.add(GENDERED_GIVEN);
			}
			if (!n.patronymics.isEmpty() || n.tag.equals("ar")) {
				kinds.add(PATRONYMIC);
			}
			if (!n.generations.isEmpty()) {
				kinds.add(GENERATIONS);
			}
			if (n.tag.equals("ar")) {
				kinds.add(FATHER_AND_SON);
			}
			if (n.script.cjk()) {
				kinds.add(SHARED_CHARACTER);
			}
			return kinds;
		}

		// One person

		private void onePerson(String kind) {
			LocaleNames n = this.names;
			boolean three = this.random.nextInt(3) == 0;
			List<String> names = new ArrayList<>();
			switch (kind) {
				case NATIVE -> {
					Person p = person(true);
					boolean middle = (!n.patronymics.isEmpty() || n.tag.equals("ar") || n.tag.equals("hi"))
							&& this.random.nextInt(4) == 0;
					names.add(nativeName(middle ? p.withMiddle(middle(p)) : p, false, middle));
					boolean familyFirst = n.script.cjk() && this.random.nextBoolean();
					names.add(romanName(p, familyFirst, 0));
					if (three) {
						String alternate = romanName(p, familyFirst, 1);
						names.add(alternate.equals(names.get(1)) ? romanName(p, !familyFirst, 0) : alternate);
					}
				}
				case CASE -> {
					String name = nativeName(person(false), false, false);
					names.add(name);
					names.add(cased(name, this.random.nextInt(3)));
					if (three) {
						names.add(cased(name, this.random.nextInt(3)));
					}
				}
				case ACCENTS -> {
					Person p = accented();
					if (p == null) {
						onePerson(ORDER);
						return;
					}
					String name = nativeName(p, false, false);
					names.add(name);
					names.add(unaccented(name, false));
					if (three) {
						names.add(n.tag.equals("de") ? unaccented(name, true) : name);
					}
				}
				case ORDER -> {
					if (n.script.cjk()) {
						Person p = person(true);
						names.add(romanName(p, true, 0));
						names.add(romanName(p, false, 0));
						if (three) {
							names.add(nativeName(p, false, false));
						}
					}
					else {
						Person p = person(false);
						boolean middle = !n.patronymics.isEmpty() && this.random.nextBoolean();
						Person shown = middle ? p.withMiddle(middle(p)) : p;
						names.add(nativeName(shown, false, middle));
						names.add(nativeName(shown, true, middle));
						if (three && n.script.alphabetic()) {
							names.add(commaForm(shown, middle));
						}
					}
				}
				case MIDDLE -> {
					Person p = person(false);
					Person withMiddle = p.withMiddle(middle(p));
					names.add(nativeName(withMiddle, false, true));
					names.add(nativeName(p, false, false));
					if (three && n.script == Script.LATIN && n.patronymics.isEmpty() && !n.tag.equals("vi")) {
						String initial = withMiddle.middle().text().substring(0, 1) + ".";
						names.add(nativeName(withMiddle.withMiddle(Word.plain(initial)), false, true));
					}
				}
				case SECOND_SURNAME -> {
					Person p = person(false);
					Family second = other(n.families, p.family());
					String given = p.given().text();
					String paternal = p.familyWord().text();
					String maternal = second.of(p.gender()).text();
					if (n.tag.equals("es")) {
						names.add(given + " " + paternal + " " + maternal);
						names.add(given + " " + paternal);
					}
					else {
						names.add(given + " " + maternal + " " + paternal);
						names.add(given + " " + paternal);
					}
					if (three) {
						names.add(names.get(0));
					}
				}
				case TYPO -> {
					Person p = person(false);
					String name = nativeName(p, false, false);
					String typo = typo(name);
					if (typo == null) {
						onePerson(CASE);
						return;
					}
					names.add(name);
					names.add(typo);
					if (three) {
						names.add(name);
					}
				}
				case HONORIFIC -> {
					Person p = person(false);
					String name = nativeName(p, false, false);
					List<String> honorifics = n.honorifics(p.gender());
					names.add(name);
					names.add(honoured(name, honorifics.get(this.random.nextInt(honorifics.size()))));
					if (three) {
						names.add(honoured(name, honorifics.get(this.random.nextInt(honorifics.size()))));
					}
				}
				case NICKNAME -> {
					Nickname nickname = n.nicknames.get(this.random.nextInt(n.nicknames.size()));
					Person p = new Person(nickname.gender(), Word.plain(nickname.formal()), null, family(false));
					names.add(nativeName(p, false, false));
					names.add(nativeName(p.withGiven(Word.plain(nickname.nickname())), false, false));
				}
				case SPACING -> {
					Person p = n.tag.equals("ar") ? compoundArabic() : person(false);
					String name = nativeName(p, false, false);
					String respaced;
					if (n.tag.equals("ar")) {
						respaced = name.replaceFirst("^عبد", "عبد ");
					}
					else if (n.joined) {
						respaced = p.familyWord().text() + " " + p.given().text();
					}
					else {
						respaced = name.replace(" ", "");
					}
					names.add(name);
					names.add(respaced);
				}
				default -> throw new IllegalArgumentException(kind);
			}
			String person = person();
			List<Member> members = new ArrayList<>();
			for (String name : names) {
				members.add(new Member(member(), person, name));
			}
			this.groups.add(new OrgGroup(kind, n.tag, members));
		}

		// Different people

		private void differentPeople(String kind) {
			LocaleNames n = this.names;
			List<String> names = new ArrayList<>();
			switch (kind) {
				case FAMILY -> {
					Family family = family(false);
					int size = 2 + this.random.nextInt(2);
					List<Word> givens = new ArrayList<>();
					for (int i = 0; i < size; i++) {
						Gender gender = gender();
						Word given = farGiven(gender, givens);
						givens.add(given);
						names.add(nativeName(new Person(gender, given, null, family), false, false));
					}
				}
				case COUPLE -> {
					Family family = family(false);
					Word husband = given(Gender.MALE, false);
					Word wife = farGiven(Gender.FEMALE, List.of(husband));
					names.add(nativeName(new Person(Gender.MALE, husband, null, family), false, false));
					if (n.tag.equals("hu") && this.random.nextBoolean()) {
						names.add(family.male().text() + " " + wifeName(husband.text()));
					}
					else {
						Family hers = n.wifeKeepsName ? other(n.families, family) : family;
						names.add(nativeName(new Person(Gender.FEMALE, wife, null, hers), false, false));
					}
				}
				case GENDERED_GIVEN -> {
					Family family = family(false);
					if (n.tag.equals("vi")) {
						Word given = given(Gender.MALE, false);
						names.add(nativeName(new Person(Gender.MALE, given, Word.plain("Văn"), family), false, true));
						names.add(nativeName(new Person(Gender.FEMALE, given, Word.plain("Thị"), family), false, true));
					}
					else {
						String[] pair = n.genderedGivens.get(this.random.nextInt(n.genderedGivens.size()));
						Person man = new Person(Gender.MALE, Word.plain(pair[0]), null, family);
						Person woman = new Person(Gender.FEMALE, Word.plain(pair[1]), null, family);
						names.add(nativeName(man, false, false));
						names.add(nativeName(woman, false, false));
					}
				}
				case PATRONYMIC -> {
					Family family = family(false);
					String[] patronymic = n.tag.equals("ar") ? null
							: n.patronymics.get(this.random.nextInt(n.patronymics.size()));
					Word father = n.tag.equals("ar") ? given(Gender.MALE, false) : null;
					List<Word> givens = new ArrayList<>();
					int size = 2 + ((this.random.nextInt(4) == 0) ? 1 : 0);
					for (int i = 0; i < size; i++) {
						Gender gender = gender();
						List<Word> taken = new ArrayList<>(givens);
						if (father != null) {
							taken.add(father);
						}
						Word given = farGiven(gender, taken);
						givens.add(given);
						Word middle = (father != null) ? father
								: Word.plain(patronymic[(gender == Gender.MALE) ? 0 : 1]);
						names.add(nativeName(new Person(gender, given, middle, family), false, true));
					}
				}
				case GENERATIONS -> {
					Person p = person(Gender.MALE, false);
					String[] affixes = n.generations.get(this.random.nextInt(n.generations.size()));
					String name = nativeName(p, false, false);
					names.add(affixed(name, affixes[0]));
					names.add(affixed(name, affixes[1]));
				}
				case FATHER_AND_SON -> {
					boolean latin = this.random.nextBoolean();
					Word son = given(Gender.MALE, true);
					Word father = farGiven(Gender.MALE, List.of(son), true);
					Family family = family(true);
					boolean withFamily = this.random.nextBoolean();
					String bin = latin ? "bin" : "بن";
					String sonName = text(son, latin) + " " + bin + " " + text(father, latin);
					String fatherName = text(father, latin) + " " + bin + " " + text(son, latin);
					if (this.random.nextInt(4) == 0) {
						Word daughter = given(Gender.FEMALE, true);
						sonName = text(daughter, latin) + " " + (latin ? "bint" : "بنت") + " " + text(father, latin);
					}
					if (withFamily) {
						sonName += " " + text(family.male(), latin);
						fatherName += " " + text(family.male(), latin);
					}
					names.add(fatherName);
					names.add(sonName);
				}
				case STRANGERS -> {
					int size = 2 + this.random.nextInt(2);
					List<Word> givens = new ArrayList<>();
					List<Family> families = new ArrayList<>();
					for (int i = 0; i < size; i++) {
						Gender gender = gender();
						Word given = farGiven(gender, givens);
						Family family = family(false);
						while (families.contains(family) || sharesWord(family, families)) {
							family = family(false);
						}
						givens.add(given);
						families.add(family);
						names.add(nativeName(new Person(gender, given, null, family), false, false));
					}
				}
				case SHARED_CHARACTER -> {
					Family family = family(false);
					List<Word[]> pairs = sharingACharacter();
					Word[] pair = pairs.get(this.random.nextInt(pairs.size()));
					names.add(nativeName(new Person(Gender.MALE, pair[0], null, family), false, false));
					names.add(nativeName(new Person(Gender.MALE, pair[1], null, family), false, false));
				}
				default -> throw new IllegalArgumentException(kind);
			}
			List<Member> members = new ArrayList<>();
			for (String name : names) {
				members.add(new Member(member(), person(), name));
			}
			this.groups.add(new OrgGroup(kind, n.tag, members));
		}

		// Names

		/** The name in the locale's script: the parts in its order (or swapped), with the middle name or without. */
		private String nativeName(Person p, boolean swapped, boolean withMiddle) {
			LocaleNames n = this.names;
			String given = p.given().text();
			String middle = (withMiddle && p.middle() != null) ? p.middle().text() : null;
			String family = p.familyWord().text();
			boolean familyFirst = n.familyFirst != swapped;
			List<String> parts = new ArrayList<>();
			if (familyFirst) {
				parts.add(family);
				if (n.tag.equals("vi")) {
					addIf(parts, middle);
					parts.add(given);
				}
				else {
					parts.add(given);
					addIf(parts, middle);
				}
			}
			else {
				parts.add(given);
				addIf(parts, middle);
				parts.add(family);
			}
			return String.join((n.joined && !swapped) ? "" : " ", parts);
		}

		/**
		 * The name in Latin letters, given name first or family name first, its usual (0) or
		 * alternate (1) spelling.
		 */
		private String romanName(Person p, boolean familyFirst, int form) {
			String given = roman(p.given(), form);
			String family = roman(p.familyWord(), form);
			return familyFirst ? family + " " + given : given + " " + family;
		}

		private static String roman(Word word, int form) {
			List<String> forms = word.romanised();
			return forms.get(Math.min(form, forms.size() - 1));
		}

		private static String text(Word word, boolean latin) {
			return latin ? word.romanised().get(0) : word.text();
		}

		private String commaForm(Person p, boolean middle) {
			String given = p.given().text() + ((middle && p.middle() != null) ? " " + p.middle().text() : "");
			return p.familyWord().text() + ", " + given;
		}

		/** The name in capitals, in small letters, or with its family name in capitals. */
		private String cased(String name, int how) {
			return switch (how) {
				case 0 -> upper(name);
				case 1 -> name.toLowerCase(Locale.forLanguageTag(this.names.tag));
				default -> {
					String[] words = name.split(" ");
					int family = this.names.familyFirst ? 0 : words.length - 1;
					words[family] = upper(words[family]);
					yield String.join(" ", words);
				}
			};
		}

		/** The text in capitals by the locale's rules ({@code i} is {@code İ} in Turkish), Greek without its tonos. */
		private String upper(String text) {
			String upper = text.toUpperCase(Locale.forLanguageTag(this.names.tag));
			return (this.names.script == Script.GREEK) ? LocaleNames.plain(upper) : upper;
		}

		/**
		 * The name as typed without accents: Latin letters without marks, Greek without its tonos,
		 * Russian {@code ё} as {@code е}; German umlauts as {@code ae}, {@code oe}, {@code ue} if
		 * asked.
		 */
		private String unaccented(String name, boolean germanDigraphs) {
			if (this.names.script == Script.CYRILLIC) {
				return name.replace('ё', 'е').replace('Ё', 'Е');
			}
			String text = name;
			if (germanDigraphs) {
				text = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae")
					.replace("Ö", "Oe").replace("Ü", "Ue");
			}
			text = text.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D")
				.replace("ı", "i").replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("œ", "oe");
			return LocaleNames.plain(text);
		}

		/** A person whose name has a letter that changes without accents; null when many draws find none. */
		private Person accented() {
			for (int attempt = 0; attempt < 500; attempt++) {
				Person p = person(false);
				String name = nativeName(p, false, false);
				if (!unaccented(name, false).equals(name)) {
					return p;
				}
			}
			return null;
		}

		/**
		 * The name with one letter changed or dropped, or two swapped, past the first letter of a
		 * word of five letters or more; null when it has no such word.
		 */
		private String typo(String name) {
			String[] words = name.split(" ");
			List<Integer> long5 = new ArrayList<>();
			for (int i = 0; i < words.length; i++) {
				String word = words[i];
				if (word.codePointCount(0, word.length()) >= 5 && word.chars().allMatch(Character::isLetter)) {
					long5.add(i);
				}
			}
			if (long5.isEmpty()) {
				return null;
			}
			int index = long5.get(this.random.nextInt(long5.size()));
			String word = words[index];
			StringBuilder typo = new StringBuilder(word);
			int at = 1 + this.random.nextInt(word.length() - 2);
			switch (this.random.nextInt(3)) {
				case 0 -> {
					String alphabet = alphabet();
					char replacement;
					do {
						replacement = alphabet.charAt(this.random.nextInt(alphabet.length()));
					}
					while (Character.toLowerCase(word.charAt(at)) == replacement);
					typo.setCharAt(at, replacement);
				}
				case 1 -> typo.deleteCharAt(at);
				default -> {
					if (word.charAt(at) == word.charAt(at + 1)) {
						typo.deleteCharAt(at);
					}
					else {
						typo.setCharAt(at, word.charAt(at + 1));
						typo.setCharAt(at + 1, word.charAt(at));
					}
				}
			}
			words[index] = typo.toString();
			return String.join(" ", words);
		}

		private String alphabet() {
			return switch (this.names.script) {
				case CYRILLIC -> this.names.tag.equals("uk") ? "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
						: "абвгдежзийклмнопрстуфхцчшщыэюя";
				case GREEK -> "αβγδεζηθικλμνξοπρστυφχψω";
				default -> "abcdefghijklmnopqrstuvwxyz";
			};
		}

		private static String honoured(String name, String honorific) {
			if (honorific.startsWith("~")) {
				return name + honorific.substring(1);
			}
			if (honorific.startsWith("+")) {
				return name + " " + honorific.substring(1);
			}
			return honorific + " " + name;
		}

		private static String affixed(String name, String affix) {
			if (affix.isEmpty()) {
				return name;
			}
			if (affix.endsWith("^")) {
				return affix.substring(0, affix.length() - 1) + " " + name;
			}
			return name + " " + affix;
		}

		/** A Hungarian wife's name after her husband's given name: {@code Jánosné}, {@code Béláné}. */
		private static String wifeName(String husband) {
			if (husband.endsWith("a")) {
				return husband.substring(0, husband.length() - 1) + "áné";
			}
			if (husband.endsWith("e")) {
				return husband.substring(0, husband.length() - 1) + "éné";
			}
			return husband + "né";
		}

		private Person compoundArabic() {
			List<Word> compound = this.names.males.stream().filter((word) -> word.text().startsWith("عبد")).toList();
			return new Person(Gender.MALE, compound.get(this.random.nextInt(compound.size())), null, family(false));
		}

		/** Pairs of given names of the tables that share a character ({@code 健} / {@code 健太}). */
		private List<Word[]> sharingACharacter() {
			List<Word> givens = new ArrayList<>(this.names.males);
			givens.addAll(this.names.females);
			List<Word[]> pairs = new ArrayList<>();
			for (int i = 0; i < givens.size(); i++) {
				for (int j = i + 1; j < givens.size(); j++) {
					String a = givens.get(i).text();
					String b = givens.get(j).text();
					if (!a.equals(b) && a.codePoints().anyMatch((c) -> b.indexOf(c) >= 0)) {
						pairs.add(new Word[] { givens.get(i), givens.get(j) });
					}
				}
			}
			return pairs;
		}

		// Drawing

		private Person person(boolean romanised) {
			return person(gender(), romanised);
		}

		private Person person(Gender gender, boolean romanised) {
			return new Person(gender, given(gender, romanised), null, family(romanised));
		}

		private Gender gender() {
			return this.random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
		}

		private Word given(Gender gender, boolean romanised) {
			List<Word> givens = this.names.givens(gender, romanised);
			return givens.get(this.random.nextInt(givens.size()));
		}

		private Family family(boolean romanised) {
			List<Family> families = this.names.families(romanised);
			return families.get(this.random.nextInt(families.size()));
		}

		/** A middle name for the person, other than its given name. */
		private Word middle(Person p) {
			List<Word> middles = this.names.middles(p.gender());
			Word middle;
			do {
				middle = middles.get(this.random.nextInt(middles.size()));
			}
			while (middle.text().equals(p.given().text()));
			return middle;
		}

		private Word farGiven(Gender gender, List<Word> taken) {
			return farGiven(gender, taken, false);
		}

		/**
		 * A given name far from those taken: not the same, neither the start of the other, no
		 * nickname of one another, at least three edits apart, and, in Chinese, Japanese and Korean,
		 * no character in common.
		 */
		private Word farGiven(Gender gender, List<Word> taken, boolean romanised) {
			for (int attempt = 0; ; attempt++) {
				Word given = given(gender, romanised);
				if (taken.stream().allMatch((other) -> far(given.text(), other.text())) || attempt > 1_000) {
					return given;
				}
			}
		}

		private boolean far(String one, String other) {
			if (this.names.script.cjk()) {
				return one.codePoints().noneMatch((c) -> other.indexOf(c) >= 0);
			}
			String a = LocaleNames.plain(one).toLowerCase(Locale.ROOT);
			String b = LocaleNames.plain(other).toLowerCase(Locale.ROOT);
			if (a.startsWith(b) || b.startsWith(a)) {
				return false;
			}
			for (Nickname nickname : this.names.nicknames) {
				Set<String> pair = Set.of(nickname.formal(), nickname.nickname());
				if (pair.contains(one) && pair.contains(other)) {
					return false;
				}
			}
			return DISTANCE.apply(a, b) >= 3;
		}

		private static boolean sharesWord(Family family, List<Family> families) {
			Set<String> words = new LinkedHashSet<>(List.of(family.male().text().split(" ")));
			words.addAll(List.of(family.female().text().split(" ")));
			return families.stream()
				.anyMatch((other) -> words.contains(other.male().text()) || words.contains(other.female().text()));
		}

		private Family other(List<Family> families, Family family) {
			Family other;
			do {
				other = families.get(this.random.nextInt(families.size()));
			}
			while (other.equals(family) || other.male().text().equals(family.male().text()));
			return other;
		}

		private static void addIf(List<String> parts, String part) {
			if (part != null) {
				parts.add(part);
			}
		}

		private String person() {
			return this.names.tag + "-p" + (this.nextPerson++);
		}

		private String member() {
			return "ml-" + (this.nextMember++);
		}

	}

}
