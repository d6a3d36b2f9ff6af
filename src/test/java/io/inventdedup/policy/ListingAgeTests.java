package io.inventdedup.policy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** When a listing is too old to merge on: a clock of our own, one row per case. */
class ListingAgeTests {

	private static final Instant LISTED = Instant.parse("2026-12-01T02:00:00Z");

	@ParameterizedTest(name = "{1} after the listing, bound {0}: too old {2}")
	@CsvSource({ "PT30M, PT0S, false", "PT30M, PT29M59.999S, false", "PT30M, PT30M, false", "PT30M, PT30M0.001S, true",
			"PT30M, PT7H, true", "PT2S, PT1S, false", "PT2S, PT3S, true", "PT30M, -PT1M, false" })
	void isTooOldOnlyPastTheBound(Duration bound, Duration sinceListed, boolean tooOld) {
		assertThat(ListingAge.tooOld(LISTED, LISTED.plus(sinceListed), bound)).isEqualTo(tooOld);
	}

}
