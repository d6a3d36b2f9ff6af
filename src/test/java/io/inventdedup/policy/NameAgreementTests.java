package io.inventdedup.policy;

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
 * When two names can be one person's ({@link NameAgreement}): one row per rule, each checked both
 * ways round, and in other case, other order and without accents.
 */
class NameAgreementTests {

	static Stream<Arguments> names() {
		return Stream.of(
				// the same name, written otherwise
				arguments("Anna Smith", "Anna Smith", NameAgreement.Strength.FULL),
				arguments("Anna Smith", "ANNA  smith", NameAgreement.Strength.FULL),
				arguments("Smith, Anna", "Anna Smith", NameAgreement.Strength.FULL),
				arguments("Zoë Müller", "Zoe Muller", NameAgreement.Strength.FULL),
				arguments("Łukasz Wojciechowski", "Lukasz Wojciechowski", NameAgreement.Strength.FULL),
				arguments("O'Brien, Seán", "Sean OBrien", NameAgreement.Strength.FULL),
				arguments("Mary-Ann Kelly", "Mary Ann Kelly", NameAgreement.Strength.FULL),
				// typos
				arguments("Jonathon Kim", "Jonathan Kim", NameAgreement.Strength.FULL),
				arguments("Anna Mcarthy", "Anna McCarthy", NameAgreement.Strength.FULL),
				arguments("Jhon Smith", "John Smith", NameAgreement.Strength.FULL),
				arguments("Christopher Abernathy", "Christofer Abernathy", NameAgreement.Strength.FULL),
				arguments("Anna Wiseman", "Anna Wisemann", NameAgreement.Strength.FULL),
				arguments("Sophie Wynne", "Sophie Wynnne", NameAgreement.Strength.FULL),
				// an initial, a word split or joined, a missing part
				arguments("J. Smith", "John Smith", NameAgreement.Strength.INITIAL),
				arguments("Mary Ann Kelly", "Maryann Kelly", NameAgreement.Strength.FULL),
				arguments("Anna", "Anna Smith", NameAgreement.Strength.PART),
				arguments("Anna Smith", "Anna Maria Smith", NameAgreement.Strength.PART),
				// a missing given name: what a family shares
				arguments("Berry", "Harry Berry", NameAgreement.Strength.FAMILY),
				arguments("Lachlan-John", "Ella Lachlan-John", NameAgreement.Strength.FAMILY),
				// a nickname or short form, as the published list pairs them
				arguments("Bob Smith", "Robert Smith", NameAgreement.Strength.FULL),
				arguments("Peggy Walsh", "Margaret Walsh", NameAgreement.Strength.FULL),
				arguments("Bob Smith", "Bill Smith", NameAgreement.Strength.NONE),
				// two given names in their own right are never a typo of one another
				arguments("Christian Green", "Christina Green", NameAgreement.Strength.NONE),
				arguments("Francis Green", "Frances Green", NameAgreement.Strength.NONE),
				// different people
				arguments("Maria Green", "Mitchell Green", NameAgreement.Strength.NONE),
				arguments("Anna Smith", "Anna Jones", NameAgreement.Strength.NONE),
				arguments("Mario Green", "Maria Green", NameAgreement.Strength.NONE),
				arguments("Paul Kelly", "Paula Kelly", NameAgreement.Strength.NONE),
				arguments("Daniel Rossi", "Daniela Rossi", NameAgreement.Strength.NONE),
				arguments("John Dubois", "Joan Dubois", NameAgreement.Strength.NONE),
				arguments("Catherine Walsh", "Katherine Walsh", NameAgreement.Strength.NONE),
				arguments("J. S.", "John Smith", NameAgreement.Strength.NONE),
				arguments("Anna Smith", "", NameAgreement.Strength.NONE),
				arguments("Anna Smith", "!!!", NameAgreement.Strength.NONE),
				arguments("Anna Smith", null, NameAgreement.Strength.NONE),
				arguments("Anna Smith " + "x".repeat(200), "Anna Smith " + "x".repeat(200), NameAgreement.Strength.NONE),
				arguments("a b c d e f g", "a b c d e f g", NameAgreement.Strength.NONE));
	}

	@ParameterizedTest(name = "{0} / {1}: {2}")
	@MethodSource("names")
	void agreesAsTheRulesSayBothWaysRoundWhateverTheCaseOrderOrAccents(String one, String other,
			NameAgreement.Strength expected) {
		assertThat(NameAgreement.strength(one, other)).isEqualTo(expected);
		assertThat(NameAgreement.strength(other, one)).as("symmetric").isEqualTo(expected);
		assertThat(NameAgreement.agree(one, other)).isEqualTo(expected != NameAgreement.Strength.NONE);
		if (one != null && other != null) {
			assertThat(NameAgreement.strength(one.toUpperCase(Locale.ROOT), other.toLowerCase(Locale.ROOT)))
				.as("case-free").isEqualTo(expected);
			assertThat(NameAgreement.strength(reversed(one), other)).as("order-free").isEqualTo(expected);
		}
	}

	@Test
	void agreementIsSymmetricAndEveryNameAgreesWithItselfForSeededRandomNames() {
		Random random = new Random(18);
		List<String> words = List.of("anna", "smith", "j.", "john", "jon", "maria", "mario", "o'brien", "zoë", "mary",
				"ann", "maryann", "kelly", "", "-", "jonathan", "jonathon");
		for (int i = 0; i < 5_000; i++) {
			String one = randomName(random, words);
			String other = randomName(random, words);
			assertThat(NameAgreement.strength(one, other)).as("%s / %s", one, other)
				.isEqualTo(NameAgreement.strength(other, one));
			if (!NameAgreement.words(one).isEmpty() && NameAgreement.words(one).size() <= NameAgreement.MAX_WORDS
					&& NameAgreement.words(one).stream().anyMatch((word) -> word.length() > 1)) {
				assertThat(NameAgreement.strength(one, one)).as(one).isEqualTo(NameAgreement.Strength.FULL);
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
