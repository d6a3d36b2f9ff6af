package io.inventdedup.names;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What two names say of their contacts ({@link NameComparison}): one row per rule, each checked
 * both ways round, and in other case and other order; the evidence said in words.
 */
class NameComparisonTests {

	private static final NameComparison.Verdict SAME = NameComparison.Verdict.SAME;

	private static final NameComparison.Verdict UNSURE = NameComparison.Verdict.UNSURE;

	private static final NameComparison.Verdict DIFFERENT = NameComparison.Verdict.DIFFERENT;

	static Stream<Arguments> names() {
		return Stream.of(
				// the same name, written otherwise
				arguments("Anna Smith", "Anna Smith", SAME),
				arguments("Anna Smith", "ANNA  smith", SAME),
				arguments("Smith, Anna", "Anna Smith", SAME),
				arguments("Zoë Müller", "Zoe Muller", SAME),
				arguments("Łukasz Wojciechowski", "Lukasz Wojciechowski", SAME),
				arguments("O'Brien, Seán", "Sean OBrien", SAME),
				arguments("Mary-Ann Kelly", "Mary Ann Kelly", SAME),
				arguments("Mary Ann Kelly", "Maryann Kelly", SAME),
				// typos, swapped letters, sounds
				arguments("Anna Mcarthy", "Anna McCarthy", SAME),
				arguments("Paula Tanaka", "Paula Tmnaka", SAME),
				arguments("Jhon Smith", "John Smith", SAME),
				arguments("Christopher Abernathy", "Christofer Abernathy", SAME),
				arguments("Anna Wiseman", "Anna Wisemann", SAME),
				arguments("Sophie Wynne", "Sophie Wynnne", SAME),
				arguments("Jhon Smiht", "John Smith", SAME),
				// short forms, as the list pairs them, never chained
				arguments("Bob Smith", "Robert Smith", SAME),
				arguments("Peggy Walsh", "Margaret Walsh", SAME),
				arguments("Sandra Ivanova", "Alexandra Ivanova", SAME),
				arguments("Jon Kim", "Jonathon Kim", SAME),
				arguments("Bob Smith", "Bill Smith", DIFFERENT),
				// missing parts
				arguments("Anna", "Anna Smith", SAME),
				arguments("Anna", "Smith, Anna", SAME),
				arguments("Anna Smith", "Anna Maria Smith", SAME),
				arguments("Berry", "Harry Berry", UNSURE),
				arguments("Lachlan-John", "Ella Lachlan-John", UNSURE),
				// initials never alone
				arguments("J. Smith", "John Smith", UNSURE),
				arguments("John A. Smith", "John Andrew Smith", SAME),
				arguments("J. S.", "John Smith", UNSURE),
				// two given names, each a name of its own: two people's
				arguments("Christian Green", "Christina Green", DIFFERENT),
				arguments("Francis Green", "Frances Green", DIFFERENT),
				arguments("Mario Green", "Maria Green", DIFFERENT),
				arguments("Paul Kelly", "Paula Kelly", DIFFERENT),
				arguments("Daniel Rossi", "Daniela Rossi", DIFFERENT),
				// names the list pairs as variants, a letter apart: a variant or a family's two members
				arguments("Marion Hart", "Marian Hart", UNSURE),
				arguments("Jonathon Kim", "Jonathan Kim", UNSURE),
				arguments("Jessie Hart", "Jesse Hart", DIFFERENT),
				arguments("John Dubois", "Joan Dubois", DIFFERENT),
				arguments("Catherine Walsh", "Katherine Walsh", DIFFERENT),
				// nothing alike
				arguments("Maria Green", "Mitchell Green", DIFFERENT),
				arguments("Anna Smith", "Anna Jones", DIFFERENT),
				arguments("Anna Smith", "Peter Jones", DIFFERENT),
				// what cannot be compared is a person's to decide
				arguments("Anna Smith", "", UNSURE),
				arguments("Anna Smith", "!!!", UNSURE),
				arguments("Anna Smith", null, UNSURE),
				arguments("Anna Smith " + "x".repeat(200), "Anna Smith " + "x".repeat(200), UNSURE),
				arguments("a b c d e f g", "a b c d e f g", UNSURE));
	}

	@ParameterizedTest(name = "{0} / {1}: {2}")
	@MethodSource("names")
	void weighsTwoNamesAsTheRulesSayBothWaysRoundWhateverTheCaseOrOrder(String one, String other,
			NameComparison.Verdict expected) {
		assertThat(NameComparison.compare(one, other).verdict()).isEqualTo(expected);
		assertThat(NameComparison.compare(other, one).verdict()).as("symmetric").isEqualTo(expected);
		if (one != null && other != null) {
			assertThat(NameComparison.compare(one.toUpperCase(Locale.ROOT), other.toLowerCase(Locale.ROOT)).verdict())
				.as("case-free")
				.isEqualTo(expected);
			assertThat(NameComparison.compare(reversed(one), other).verdict()).as("order-free").isEqualTo(expected);
		}
	}

	@ParameterizedTest(name = "{0} / {1}: {2}")
	@MethodSource("evidence")
	void saysTheEvidenceInWords(String one, String other, String evidence) {
		assertThat(NameComparison.compare(one, other).evidence()).isEqualTo(evidence);
	}

	static Stream<Arguments> evidence() {
		return Stream.of(arguments("Bob Smith", "Robert Smith", "Bob ≈ Robert: a short form, Smith = Smith"),
				arguments("Jhon Smith", "John Smith", "Jhon ≈ John: letters swapped, Smith = Smith"),
				arguments("Green, Maria", "Mitchell Green", "Green = Green, but Maria ≠ Mitchell"),
				arguments("Paul Kelly", "Paula Kelly", "Kelly = Kelly, but Paul ≠ Paula: a man's and a woman's form of one name"),
				arguments("Marion Hart", "Marian Hart",
						"Marion ? Marian: paired as variants, yet each a name of its own, Hart = Hart"),
				arguments("Maryann Kelly", "Mary Ann Kelly", "Maryann = Mary Ann: written as one, Kelly = Kelly"),
				arguments("Anna", "Anna Smith", "Anna = Anna, Smith missing"),
				arguments("Berry", "Harry Berry",
						"Berry = Berry, Harry missing: only an initial or what a family shares, which proves nothing alone"),
				arguments("<script>", "Anna", "Script ≠ Anna"));
	}

	@Test
	void isSymmetricAndEveryNameIsItsOwnForSeededRandomNames() {
		Random random = new Random(18);
		List<String> words = List.of("anna", "smith", "j.", "john", "jon", "maria", "mario", "o'brien", "zoë", "mary",
				"ann", "maryann", "kelly", "", "-", "jonathan", "jonathon");
		for (int i = 0; i < 5_000; i++) {
			String one = randomName(random, words);
			String other = randomName(random, words);
			assertThat(NameComparison.compare(one, other).verdict()).as("%s / %s", one, other)
				.isEqualTo(NameComparison.compare(other, one).verdict());
			List<String> ownWords = NameComparison.words(one);
			if (!ownWords.isEmpty() && ownWords.size() <= NameComparison.MAX_WORDS
					&& ownWords.stream().anyMatch((word) -> word.length() > 1) && ownWords.get(0).length() > 1) {
				assertThat(NameComparison.compare(one, one).verdict()).as(one).isEqualTo(SAME);
			}
		}
	}

	private static String randomName(Random random, List<String> words) {
		StringBuilder name = new StringBuilder();
		int count = random.nextInt(4);
		for (int i = 0; i < count; i++) {
			name.append(words.get(random.nextInt(words.size()))).append(random.nextBoolean() ? " " : ", ");
		}
		return name.toString();
	}

	private static String reversed(String name) {
		List<String> parts = new java.util.ArrayList<>(List.of(name.trim().split("\\s+")));
		java.util.Collections.reverse(parts);
		return String.join(" ", parts);
	}

}
