package io.inventdedup.policy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** One row per case of a lost merge's settlement: survivor, then each source, as F(ound), G(one), U(nknown). */
class SettlementTests {

	@ParameterizedTest(name = "survivor {0}, sources {1} -> {2}")
	@CsvSource({
			// applied: the survivor lives and every source is gone
			"F, G, applied", "F, GG, applied", "F, GGG, applied",
			// not applied: every source is still there, whatever became of the survivor
			"F, F, not-applied", "F, FF, not-applied", "G, FF, not-applied", "U, F, not-applied",
			// anything else cannot be told
			"G, G, unknown", "U, G, unknown", "F, GF, unknown", "F, FG, unknown", "F, U, unknown",
			"F, GU, unknown", "F, FU, unknown", "G, GF, unknown", "U, UU, unknown" })
	void settlesALostMergeOnlyWhenWhatWasFoundLeavesNoDoubt(char survivor, String sources, String expected) {
		Map<String, Sighting> sighted = new LinkedHashMap<>();
		for (int i = 0; i < sources.length(); i++) {
			sighted.put("src-" + i, sighting(sources.charAt(i)));
		}

		Settlement settlement = Settlement.of("surv", sighting(survivor), sighted);

		assertThat(Map.of(Settlement.Applied.class, "applied", Settlement.NotApplied.class, "not-applied",
				Settlement.Unknown.class, "unknown").get(settlement.getClass())).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"F|GU|survivor surv found by id; source src-0 gone (by id); source src-1 unknown (no email, user_id or username to search by)" })
	void saysWhatWasFoundOfEachContactWhenItCannotBeTold(char survivor, String sources, String detail) {
		Map<String, Sighting> sighted = new LinkedHashMap<>();
		sighted.put("src-0", sighting(sources.charAt(0)));
		sighted.put("src-1", sighting(sources.charAt(1)));

		assertThat(Settlement.of("surv", sighting(survivor), sighted))
			.isEqualTo(new Settlement.Unknown(detail));
	}

	private static Sighting sighting(char code) {
		return switch (code) {
			case 'F' -> Sighting.found("by id");
			case 'G' -> Sighting.gone("by id");
			case 'U' -> Sighting.unknown("no email, user_id or username to search by");
			default -> throw new IllegalArgumentException(String.valueOf(code));
		};
	}

}
