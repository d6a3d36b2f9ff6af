package io.inventdedup.policy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import net.datafaker.Faker;

/**
 * The names of one locale that the multilingual benchmark ({@link MultilingualOrg}) draws from, and
 * how people of that locale write them: Datafaker's lists of the locale (its male and female given
 * names, family names and patronymics where it has them), the hand-written tables of
 * {@link NameTables} where a script's Latin forms must be spelled by hand (and for Hindi, which
 * Datafaker lacks), and the locale's conventions: the order of the parts, honorifics, nicknames, a
 * man's and a woman's form of one given name, generational suffixes.
 */
final class LocaleNames {

	enum Script {

		LATIN, CYRILLIC, GREEK, HAN, JAPANESE, HANGUL, ARABIC, HEBREW, THAI, DEVANAGARI;

		/** Whether the script has capitals and small letters, and spells a word letter by letter. */
		boolean alphabetic() {
			return this == LATIN || this == CYRILLIC || this == GREEK;
		}

		boolean cjk() {
			return this == HAN || this == JAPANESE || this == HANGUL;
		}

	}

	enum Gender {

		MALE, FEMALE

	}

	/**
	 * A word of a name.
	 * @param romanised the Latin forms people type for it, the usual one first; empty for a word
	 * of a Latin script, or one no table romanises
	 */
	record Word(String text, List<String> romanised) {

		static Word plain(String text) {
			return new Word(text, List.of());
		}

	}

	/** A family name, in its man's and its woman's form (the same word where it has one form). */
	record Family(Word male, Word female) {

		Word of(Gender gender) {
			return (gender == Gender.MALE) ? this.male : this.female;
		}

	}

	/** A given name and its nickname ({@code José} / {@code Pepe}), of a man or a woman. */
	record Nickname(Gender gender, String formal, String nickname) {
	}

	private static final Faker ENGLISH = new Faker(Locale.ENGLISH);

	final String tag;

	final Script script;

	/** Whether the locale writes the family name first ({@code Kovács Anna}, {@code 王伟}). */
	final boolean familyFirst;

	/** Whether the parts of a name are written without a space in the native script ({@code 王伟}). */
	final boolean joined;

	/** Whether a wife keeps her own family name (a couple has two). */
	final boolean wifeKeepsName;

	final List<Word> males = new ArrayList<>();

	final List<Word> females = new ArrayList<>();

	final List<Family> families = new ArrayList<>();

	/** The words with Latin forms (of the native-beside-romanised groups); the same lists where all have them. */
	final List<Word> romanMales = new ArrayList<>();

	final List<Word> romanFemales = new ArrayList<>();

	final List<Family> romanFamilies = new ArrayList<>();

	/**
	 * Middle names: patronymics, Vietnamese {@code Văn} / {@code Thị}, Hindi {@code Kumar} /
	 * {@code Devi}, a father's name, else a second given name; empty where people do not write one.
	 */
	final List<Word> maleMiddles = new ArrayList<>();

	final List<Word> femaleMiddles = new ArrayList<>();

	/** A man's and a woman's patronymic of one father ({@code Петрович} / {@code Петровна}). */
	final List<String[]> patronymics = new ArrayList<>();

	/**
	 * Honorifics: a prefix ({@code Dr.}), a suffix written after a space ({@code +Bey}) or joined
	 * to the name ({@code ~先生}).
	 */
	final List<String> maleHonorifics = new ArrayList<>();

	final List<String> femaleHonorifics = new ArrayList<>();

	final List<String> neutralHonorifics = new ArrayList<>();

	final List<Nickname> nicknames = new ArrayList<>();

	/** A man's and a woman's form of one given name, one ending apart ({@code Manuel} / {@code Manuela}). */
	final List<String[]> genderedGivens = new ArrayList<>();

	/**
	 * The older and the younger generation's affix of one name ({@code ""} / {@code Jr.}), a
	 * prefix where it ends with {@code ^} ({@code id.^} / {@code ifj.^}).
	 */
	final List<String[]> generations = new ArrayList<>();

	private LocaleNames(String tag, Script script, boolean familyFirst, boolean joined, boolean wifeKeepsName) {
		this.tag = tag;
		this.script = script;
		this.familyFirst = familyFirst;
		this.joined = joined;
		this.wifeKeepsName = wifeKeepsName;
	}

	/** Whether the locale has gendered forms of family names ({@code Смирнов} / {@code Смирнова}). */
	boolean genderedFamilies() {
		return this.families.stream().anyMatch((family) -> !family.male().text().equals(family.female().text()));
	}

	List<Word> givens(Gender gender, boolean romanised) {
		if (romanised) {
			return (gender == Gender.MALE) ? this.romanMales : this.romanFemales;
		}
		return (gender == Gender.MALE) ? this.males : this.females;
	}

	List<Family> families(boolean romanised) {
		return romanised ? this.romanFamilies : this.families;
	}

	List<Word> middles(Gender gender) {
		return (gender == Gender.MALE) ? this.maleMiddles : this.femaleMiddles;
	}

	List<String> honorifics(Gender gender) {
		List<String> honorifics = new ArrayList<>(this.neutralHonorifics);
		honorifics.addAll((gender == Gender.MALE) ? this.maleHonorifics : this.femaleHonorifics);
		return honorifics;
	}

	/** The names of a locale of {@link MultilingualOrg#LOCALES}. */
	static LocaleNames of(String tag) {
		Faker faker = new Faker(Locale.forLanguageTag(tag));
		return switch (tag) {
			case "zh-CN" -> tables(new LocaleNames(tag, Script.HAN, true, true, true), NameTables.ZH_MALE,
					NameTables.ZH_FEMALE, NameTables.ZH_FAMILY)
				.honorifics("~先生", "~女士", "~老师");
			case "ja" -> tables(new LocaleNames(tag, Script.JAPANESE, true, false, false), NameTables.JA_MALE,
					NameTables.JA_FEMALE, NameTables.JA_FAMILY)
				.honorifics("", "", "~様 ~さん ~先生");
			case "ko" -> tables(new LocaleNames(tag, Script.HANGUL, true, true, true), NameTables.KO_MALE,
					NameTables.KO_FEMALE, NameTables.KO_FAMILY)
				.honorifics("", "", "~님 +씨 +선생님");
			case "hi" -> tables(new LocaleNames(tag, Script.DEVANAGARI, false, false, false), NameTables.HI_MALE,
					NameTables.HI_FEMALE, NameTables.HI_FAMILY)
				.middles(NameTables.HI_MALE_MIDDLE, NameTables.HI_FEMALE_MIDDLE)
				.honorifics("श्री", "श्रीमती सुश्री", "डॉ. +जी");
			case "ar" -> {
				LocaleNames names = new LocaleNames(tag, Script.ARABIC, false, false, true);
				names.datafaker(faker, "name.male_first_name", "name.female_first_name", "name.last_name", null);
				names.romanTables(NameTables.AR_MALE, NameTables.AR_FEMALE, NameTables.AR_FAMILY);
				names.maleMiddles.addAll(names.males);
				names.femaleMiddles.addAll(names.males);
				names.genderedGivens("كريم/كريمة سعيد/سعيدة جميل/جميلة أمين/أمينة نبيل/نبيلة فريد/فريدة سمير/سميرة "
						+ "رشيد/رشيدة عزيز/عزيزة عادل/عادلة");
				yield names.honorifics("السيد الحاج الدكتور", "السيدة الحاجة الدكتورة", "");
			}
			case "fa" -> {
				LocaleNames names = new LocaleNames(tag, Script.ARABIC, false, false, true);
				names.datafaker(faker, "name.first_name", "name.first_name", "name.last_name", null);
				names.romanTables(NameTables.FA_MALE, NameTables.FA_FEMALE, NameTables.FA_FAMILY);
				yield names.honorifics("", "", "دکتر مهندس");
			}
			case "he" -> {
				LocaleNames names = new LocaleNames(tag, Script.HEBREW, false, false, false);
				names.datafaker(faker, "name.first_name", "name.first_name", "name.last_name", null);
				names.romanTables(NameTables.HE_MALE, NameTables.HE_FEMALE, NameTables.HE_FAMILY);
				names.nicknames(Gender.MALE, "אברהם/אבי יוסף/יוסי יעקב/קובי בנימין/בני שמואל/שמוליק אליהו/אלי");
				names.nicknames(Gender.FEMALE, "רבקה/ריקי מרים/מירי");
				names.genderedGivens("דניאל/דניאלה גבריאל/גבריאלה מיכאל/מיכאלה רפאל/רפאלה");
				yield names.honorifics("", "", "ד\"ר עו\"ד");
			}
			case "th" -> {
				LocaleNames names = new LocaleNames(tag, Script.THAI, false, false, false);
				names.datafaker(faker, "name.male_first_name", "name.female_first_name", "name.last_name", null);
				names.romanTables(NameTables.TH_MALE, NameTables.TH_FEMALE, NameTables.TH_FAMILY);
				yield names.honorifics("นาย", "นาง นางสาว", "คุณ ดร.");
			}
			case "ru" -> {
				LocaleNames names = new LocaleNames(tag, Script.CYRILLIC, false, false, false);
				names.datafakerGendered(faker, Romanisation::russian, (male) -> null);
				names.patronymics(faker, Romanisation::russian, "вич", "вна");
				names.nicknames(Gender.MALE, "Александр/Саша Алексей/Алёша Михаил/Миша Дмитрий/Дима Сергей/Серёжа "
						+ "Владимир/Володя Николай/Коля Иван/Ваня Павел/Паша Евгений/Женя");
				names.nicknames(Gender.FEMALE, "Екатерина/Катя Елена/Лена Мария/Маша Анастасия/Настя Татьяна/Таня "
						+ "Наталья/Наташа Ольга/Оля Светлана/Света");
				yield names.honorifics("г-н", "г-жа", "д-р");
			}
			case "uk" -> {
				LocaleNames names = new LocaleNames(tag, Script.CYRILLIC, false, false, false);
				names.datafakerGendered(faker, Romanisation::ukrainian, LocaleNames::ukrainianFemale);
				names.patronymics(faker, Romanisation::ukrainian, "ович", "івна");
				names.nicknames(Gender.MALE, "Олександр/Сашко Володимир/Володя");
				names.nicknames(Gender.FEMALE, "Катерина/Катя Анастасія/Настя Тетяна/Таня Олена/Оленка");
				yield names.honorifics("пан", "пані", "д-р");
			}
			case "el" -> {
				LocaleNames names = new LocaleNames(tag, Script.GREEK, false, false, false);
				names.datafakerGendered(new Faker(Locale.forLanguageTag("el-GR")), Romanisation::greek, (male) -> null);
				names.nicknames(Gender.MALE, "Κωνσταντίνος/Κώστας Γεώργιος/Γιώργος Ιωάννης/Γιάννης Δημήτριος/Δημήτρης "
						+ "Νικόλαος/Νίκος Αθανάσιος/Θανάσης Ευάγγελος/Βαγγέλης Χαράλαμπος/Μπάμπης Παναγιώτης/Πάνος");
				names.nicknames(Gender.FEMALE, "Αικατερίνη/Κατερίνα Βασιλική/Βάσω");
				yield names.honorifics("κ.", "κα", "Δρ.");
			}
			case "vi" -> {
				LocaleNames names = new LocaleNames(tag, Script.LATIN, true, false, true);
				List<String> families = list(faker, "name.first_name");
				List<String> givens = new ArrayList<>(list(faker, "name.last_name"));
				givens.removeAll(families);
				givens.removeAll(List.of("Thị", "Văn"));
				givens.forEach((given) -> {
					names.males.add(Word.plain(given));
					names.females.add(Word.plain(given));
				});
				families.forEach((family) -> names.families.add(new Family(Word.plain(family), Word.plain(family))));
				plainWords(names.maleMiddles, "Văn Hữu Đức Quốc");
				plainWords(names.femaleMiddles, "Thị Ngọc");
				yield names.honorifics("Anh Ông", "Chị Bà", "TS.");
			}
			case "tr" -> {
				LocaleNames names = new LocaleNames(tag, Script.LATIN, false, false, false);
				names.datafaker(faker, "name.male_first_name", "name.female_first_name", "name.last_name", null);
				names.secondGivenAsMiddle();
				yield names.honorifics("+Bey", "+Hanım", "Dr. Av.");
			}
			case "pl" -> {
				LocaleNames names = new LocaleNames(tag, Script.LATIN, false, false, false);
				for (String given : list(faker, "name.first_name")) {
					boolean female = given.endsWith("a") && !Set.of("Kuba", "Barnaba", "Bonawentura").contains(given);
					(female ? names.females : names.males).add(Word.plain(given));
				}
				for (String family : list(faker, "name.last_name")) {
					names.families.add(new Family(Word.plain(family), Word.plain(polishFemale(family))));
				}
				names.secondGivenAsMiddle();
				names.nicknames(Gender.MALE, "Aleksander/Olek Krzysztof/Krzysiek Wojciech/Wojtek Tomasz/Tomek "
						+ "Piotr/Piotrek Józef/Józek");
				names.nicknames(Gender.FEMALE, "Małgorzata/Gosia Katarzyna/Kasia Agnieszka/Aga Elżbieta/Ela "
						+ "Magdalena/Magda");
				names.genderedGivens("Kamil/Kamila Jan/Jana Paweł/Paulina Stanisław/Stanisława Bronisław/Bronisława "
						+ "Wiesław/Wiesława Mirosław/Mirosława Józef/Józefa Ryszard/Ryszarda");
				yield names.honorifics("Pan", "Pani", "Dr mgr inż.");
			}
			case "de" -> {
				LocaleNames names = new LocaleNames(tag, Script.LATIN, false, false, false);
				names.datafaker(faker, "name.male_first_name", "name.female_first_name", "name.last_name", null);
				names.secondGivenAsMiddle();
				names.nicknames(Gender.MALE, "Johannes/Hans Friedrich/Fritz Maximilian/Max Josef/Sepp Alexander/Alex");
				names.nicknames(Gender.FEMALE, "Katharina/Kathi Margarete/Grete Elisabeth/Liesel");
				names.generations("/jun. sen./jun.");
				yield names.honorifics("Herr", "Frau", "Dr. Prof.");
			}
			case "es" -> {
				LocaleNames names = new LocaleNames(tag, Script.LATIN, false, false, true);
				names.datafaker(faker, "name.male_first_name", "name.female_first_name", "name.last_name", null);
				names.nicknames(Gender.MALE, "José/Pepe Francisco/Paco Manuel/Manolo Ignacio/Nacho Enrique/Quique "
						+ "Guillermo/Memo");
				names.nicknames(Gender.FEMALE, "Dolores/Lola Concepción/Concha Rosario/Charo Guadalupe/Lupe "
						+ "Mercedes/Merche");
				names.generations("/hijo /Jr.");
				yield names.honorifics("Sr. Don", "Sra. Doña", "Dr.");
			}
			case "pt-BR" -> {
				LocaleNames names = new LocaleNames(tag, Script.LATIN, false, false, false);
				names.datafaker(faker, "name.male_first_name", "name.female_first_name", "name.last_name", null);
				names.nicknames(Gender.MALE, "José/Zé Francisco/Chico Antônio/Toninho Eduardo/Dudu Fernando/Nando");
				names.nicknames(Gender.FEMALE, "Gabriela/Gabi Fernanda/Nanda Isabela/Bela");
				names.generations("/Filho /Neto /Júnior");
				yield names.honorifics("Sr.", "Sra. Dona", "Dr.");
			}
			case "fr" -> {
				LocaleNames names = new LocaleNames(tag, Script.LATIN, false, false, false);
				List<String> givens = list(faker, "name.first_name");
				int firstWoman = givens.indexOf("Léa");
				for (int i = 0; i < givens.size(); i++) {
					((i < firstWoman) ? names.males : names.females).add(Word.plain(givens.get(i)));
				}
				list(faker, "name.last_name").forEach((family) -> names.families
					.add(new Family(Word.plain(family), Word.plain(family))));
				names.secondGivenAsMiddle();
				names.nicknames(Gender.MALE, "Frédéric/Fred Nicolas/Nico Alexandre/Alex Christophe/Chris");
				names.nicknames(Gender.FEMALE, "Catherine/Cathy Isabelle/Isa Stéphanie/Steph");
				names.genderedGivens("Louis/Louise Denis/Denise Michel/Michèle Daniel/Danielle Pascal/Pascale "
						+ "Simon/Simone Gabriel/Gabrielle Emmanuel/Emmanuelle Joël/Joëlle Frédéric/Frédérique");
				names.generations("/fils père/fils");
				yield names.honorifics("M.", "Mme", "Dr Me");
			}
			case "it" -> {
				LocaleNames names = new LocaleNames(tag, Script.LATIN, false, false, false);
				Set<String> menInA = Set.of("Battista", "Evangelista", "Osea", "Zaccaria", "Caligola", "Gianmaria",
						"Mattia", "Andrea", "Luca", "Nicola", "Elia", "Enea");
				for (String given : list(faker, "name.first_name")) {
					if (given.endsWith("a") && !menInA.contains(given)) {
						names.females.add(Word.plain(given));
					}
					else if (given.endsWith("o") || menInA.contains(given)) {
						names.males.add(Word.plain(given));
					}
				}
				list(faker, "name.last_name").forEach((family) -> names.families
					.add(new Family(Word.plain(family), Word.plain(family))));
				names.secondGivenAsMiddle();
				names.nicknames(Gender.MALE, "Giuseppe/Peppe Giovanni/Gianni Alessandro/Sandro Salvatore/Totò "
						+ "Vincenzo/Enzo Domenico/Mimmo");
				names.genderedGivens("Giovanni/Giovanna Francesco/Francesca Roberto/Roberta Paolo/Paola "
						+ "Mario/Maria Carlo/Carla Antonio/Antonia Luigi/Luigia Daniele/Daniela Giulio/Giulia");
				yield names.honorifics("Sig.", "Sig.ra", "Dott. Ing. Avv.");
			}
			case "nl" -> {
				LocaleNames names = new LocaleNames(tag, Script.LATIN, false, false, false);
				List<String> givens = list(faker, "name.first_name");
				List<String> families = list(faker, "name.last_name");
				for (int i = 0; i < givens.size(); i += 25) {
					names.males.add(Word.plain(givens.get(i)));
					names.females.add(Word.plain(givens.get(i)));
				}
				for (int i = 0; i < families.size(); i += 50) {
					names.families.add(new Family(Word.plain(families.get(i)), Word.plain(families.get(i))));
				}
				names.secondGivenAsMiddle();
				names.nicknames(Gender.MALE, "Cornelis/Kees Hendrik/Henk Wilhelmus/Wim Johannes/Hans Petrus/Piet "
						+ "Jacobus/Koos");
				names.genderedGivens("Johan/Johanna Paul/Paula Marcel/Marcella Adriaan/Adriana");
				names.generations("/Jr. Sr./Jr.");
				yield names.honorifics("", "", "Dr. Ir. Drs.");
			}
			case "id" -> {
				LocaleNames names = new LocaleNames(tag, Script.LATIN, false, false, false);
				Set<String> women = Set.of("Anita", "Aulia", "Citra", "Dea", "Desi", "Devi", "Diah", "Dina", "Erika",
						"Fika", "Gita", "Heni", "Indah", "Kartika", "Kartini", "Kiki", "Lely", "Lia", "Liana", "Lidya",
						"Lisa", "Merry", "Nina", "Nisa", "Olivia", "Popi", "Prily", "Putri", "Rosa", "Tiara", "Vanya",
						"Vira", "Vivi", "Wendy");
				for (String given : list(faker, "name.first_name")) {
					(women.contains(given) ? names.females : names.males).add(Word.plain(given));
				}
				list(faker, "name.last_name").forEach((family) -> names.families
					.add(new Family(Word.plain(family), Word.plain(family))));
				names.secondGivenAsMiddle();
				names.genderedGivens("Putra/Putri Dewa/Dewi");
				yield names.honorifics("Pak Bapak H.", "Bu Ibu Hj.", "Dr.");
			}
			case "hu" -> {
				LocaleNames names = new LocaleNames(tag, Script.LATIN, true, false, false);
				names.datafaker(faker, "name.male_first_name", "name.female_first_name", "name.last_name", null);
				names.secondGivenAsMiddle();
				names.nicknames(Gender.MALE, "László/Laci István/Pista József/Józsi Ferenc/Feri Gábor/Gabi");
				names.nicknames(Gender.FEMALE, "Erzsébet/Erzsi Katalin/Kati Zsuzsanna/Zsuzsa Mária/Mari");
				names.generations("id.^/ifj.^ /ifj.^");
				yield names.honorifics("", "", "Dr. Prof.");
			}
			case "en" -> {
				LocaleNames names = new LocaleNames(tag, Script.LATIN, false, false, false);
				names.datafaker(faker, "name.male_first_name", "name.female_first_name", "name.last_name", null);
				names.secondGivenAsMiddle();
				names.nicknames(Gender.MALE, "William/Bill Robert/Bob James/Jim Michael/Mike Thomas/Tom Richard/Rick");
				names.nicknames(Gender.FEMALE, "Elizabeth/Liz Margaret/Peggy Katherine/Kate Jennifer/Jenny");
				names.generations("/Jr. Sr./Jr. /II /III");
				yield names.honorifics("Mr.", "Mrs. Ms.", "Dr. Prof.");
			}
			default -> throw new IllegalArgumentException("no names for the locale " + tag);
		};
	}

	/** The male and female given names and family names of Datafaker's lists. */
	private void datafaker(Faker faker, String maleKey, String femaleKey, String familyKey,
			Function<String, List<String>> romaniser) {
		List<String> males = list(faker, maleKey);
		List<String> females = list(faker, femaleKey);
		Set<String> both = new LinkedHashSet<>(males);
		both.retainAll(females);
		boolean gendered = !maleKey.equals(femaleKey);
		males.stream()
			.filter((given) -> !gendered || !both.contains(given))
			.forEach((given) -> this.males.add(word(given, romaniser)));
		females.stream()
			.filter((given) -> !gendered || !both.contains(given))
			.forEach((given) -> this.females.add(word(given, romaniser)));
		for (String family : list(faker, familyKey)) {
			Word word = word(family, romaniser);
			this.families.add(new Family(word, word));
		}
		if (gendered) {
			pairsOneEndingApart();
		}
	}

	/**
	 * The gendered lists of Datafaker's Russian, Ukrainian or Greek names, each word with its Latin
	 * forms; family names in their man's and woman's form (Datafaker's two lists, index by index,
	 * or, for Ukrainian, the woman's form of the man's).
	 */
	private void datafakerGendered(Faker faker, Function<String, List<String>> romaniser,
			Function<String, String> female) {
		datafaker(faker, "name.male_first_name", "name.female_first_name", "name.male_last_name", romaniser);
		List<String> maleFamilies = list(faker, "name.male_last_name");
		List<String> femaleFamilies = list(faker, "name.female_last_name");
		this.families.clear();
		for (int i = 0; i < maleFamilies.size(); i++) {
			String male = maleFamilies.get(i);
			String woman = female.apply(male);
			if (woman == null) {
				woman = femaleFamilies.get(i);
				if (!plain(woman).regionMatches(true, 0, plain(male), 0, 3)) {
					continue;
				}
			}
			this.families.add(new Family(word(male, romaniser), word(woman, romaniser)));
		}
		this.romanMales.addAll(this.males);
		this.romanFemales.addAll(this.females);
		this.romanFamilies.addAll(this.families);
	}

	/** The Ukrainian woman's form of a man's family name: {@code -ський} {@code -ська}, {@code -ов} {@code -ова}. */
	private static String ukrainianFemale(String male) {
		if (male.endsWith("ький")) {
			return male.substring(0, male.length() - 2) + "а";
		}
		if (male.endsWith("ов") || male.endsWith("ев") || male.endsWith("ін") || male.endsWith("їн")) {
			return male + "а";
		}
		return male;
	}

	/** The Polish woman's form of a man's family name: {@code -ski} {@code -ska}, {@code -cki} {@code -cka}. */
	private static String polishFemale(String male) {
		if (male.endsWith("ski") || male.endsWith("cki") || male.endsWith("dzki")) {
			return male.substring(0, male.length() - 1) + "a";
		}
		return male;
	}

	/**
	 * Datafaker's male patronymics of fathers whose daughter's patronymic is in its female list
	 * ({@code -ович} / {@code -овна}); the sons' patronymics are the men's middle names, the
	 * daughters' the women's.
	 */
	private void patronymics(Faker faker, Function<String, List<String>> romaniser, String maleEnding,
			String femaleEnding) {
		List<String> females = list(faker, "name.female_middle_name");
		for (String male : list(faker, "name.male_middle_name")) {
			if (!male.endsWith(maleEnding)) {
				continue;
			}
			String stem = male.substring(0, male.length() - maleEnding.length());
			String female = stem + femaleEnding;
			if (!females.contains(female) && stem.endsWith("й")) {
				female = stem.substring(0, stem.length() - 1) + "ї" + femaleEnding.substring(1);
			}
			if (females.contains(female)) {
				this.patronymics.add(new String[] { male, female });
				this.maleMiddles.add(word(male, romaniser));
				this.femaleMiddles.add(word(female, romaniser));
			}
		}
	}

	/** The hand-written tables as the locale's only lists (Chinese, Japanese, Korean, Hindi). */
	private static LocaleNames tables(LocaleNames names, String males, String females, String families) {
		names.romanTables(males, females, families);
		names.males.addAll(names.romanMales);
		names.females.addAll(names.romanFemales);
		names.families.addAll(names.romanFamilies);
		return names;
	}

	private void romanTables(String males, String females, String families) {
		this.romanMales.addAll(table(males));
		this.romanFemales.addAll(table(females));
		table(families).forEach((family) -> this.romanFamilies.add(new Family(family, family)));
	}

	private LocaleNames middles(String males, String females) {
		this.maleMiddles.addAll(table(males));
		this.femaleMiddles.addAll(table(females));
		return this;
	}

	private void secondGivenAsMiddle() {
		this.maleMiddles.addAll(this.males);
		this.femaleMiddles.addAll(this.females);
	}

	private void nicknames(Gender gender, String pairs) {
		for (String pair : pairs.split(" ")) {
			String[] names = pair.split("/");
			this.nicknames.add(new Nickname(gender, names[0], names[1]));
		}
	}

	private void genderedGivens(String pairs) {
		for (String pair : pairs.split(" ")) {
			this.genderedGivens.add(pair.split("/"));
		}
	}

	private void generations(String pairs) {
		for (String pair : pairs.split(" ")) {
			this.generations.add(pair.split("/", -1));
		}
	}

	private LocaleNames honorifics(String males, String females, String neutral) {
		words(this.maleHonorifics, males);
		words(this.femaleHonorifics, females);
		words(this.neutralHonorifics, neutral);
		return this;
	}

	private static void words(List<String> into, String words) {
		for (String word : words.split(" ")) {
			if (!word.isEmpty()) {
				into.add(word);
			}
		}
	}

	private static void plainWords(List<Word> into, String words) {
		for (String word : words.split(" ")) {
			into.add(Word.plain(word));
		}
	}

	/**
	 * A man's and a woman's given name of Datafaker's lists one ending apart: the woman's is the
	 * man's with {@code a} ({@code Manuel} / {@code Manuela}), or with its last letter, or the Greek
	 * ending {@code -ος} / {@code -ης}, changed to {@code a}, {@code я}, {@code α}, {@code η}
	 * ({@code Евгений} / {@code Евгения}, {@code Γιάννης} / {@code Γιάννα}).
	 */
	private void pairsOneEndingApart() {
		Set<String> women = new LinkedHashSet<>();
		this.females.forEach((word) -> women.add(word.text()));
		for (Word man : this.males) {
			String male = man.text();
			if (male.length() < 3) {
				continue;
			}
			String cut = male.substring(0, male.length() - 1);
			String cutTwo = male.substring(0, male.length() - 2);
			for (String female : List.of(male + "a", male + "а", cut + "a", cut + "а", cut + "я", cutTwo + "α",
					cutTwo + "η")) {
				if (!female.equals(male) && women.contains(female)) {
					this.genderedGivens.add(new String[] { male, female });
					break;
				}
			}
		}
	}

	/** Entries {@code native=usual/alternate}, separated by commas. */
	static List<Word> table(String entries) {
		List<Word> words = new ArrayList<>();
		for (String entry : entries.split(", ")) {
			String[] sides = entry.split("=");
			words.add(new Word(sides[0], List.of(sides[1].split("/"))));
		}
		return words;
	}

	private static Word word(String text, Function<String, List<String>> romaniser) {
		return new Word(text, (romaniser != null) ? romaniser.apply(text) : List.of());
	}

	/**
	 * A Datafaker list, which must be the locale's own (Datafaker falls back to English for a
	 * missing key), without the few entries that carry a note in brackets
	 * ({@code کیانی (نام خانوادگی)}, {@code לוי (יהדות)}).
	 */
	static List<String> list(Faker faker, String key) {
		List<String> list = fetch(faker, key);
		if (list == null || list.isEmpty() || list.get(0).contains("#{")
				|| (!faker.getContext().getLocale().getLanguage().equals("en") && list.equals(fetch(ENGLISH, key)))) {
			throw new IllegalStateException("Datafaker has no list " + key + " for " + faker.getContext().getLocale());
		}
		return list.stream().filter((name) -> !name.contains("(") && !name.contains(")")).toList();
	}

	@SuppressWarnings("unchecked")
	private static List<String> fetch(Faker faker, String key) {
		Object list = faker.fakeValuesService().fetchObject(key, faker.getContext());
		return (list instanceof List<?>) ? (List<String>) list : null;
	}

	/** The text without accents: Latin letters without their marks, Greek without its tonos. */
	static String plain(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
	}

}
