package io.inventdedup.invent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code Retry-After} read in both of HTTP's forms, and capped with a line that says so. */
@ExtendWith(OutputCaptureExtension.class)
class RetryAfterTests {

	private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

	@Test
	void readsSecondsAndHttpDatesAgainstTheAnswersOwnDate() {
		assertThat(ApiAnswers.retryAfter(headers("120", null), NOW)).isEqualTo(Duration.ofSeconds(120));
		assertThat(ApiAnswers.retryAfter(headers("Mon, 07 Dec 2026 09:01:30 GMT", "Mon, 07 Dec 2026 09:00:00 GMT"), NOW))
			.as("against the answer's Date, not this process's clock").isEqualTo(Duration.ofSeconds(90));
		assertThat(ApiAnswers.retryAfter(headers("Mon, 07 Dec 2026 10:00:45 GMT", null), NOW))
			.as("against this process's clock when the answer has no Date").isEqualTo(Duration.ofSeconds(45));
		assertThat(ApiAnswers.retryAfter(headers("Mon, 07 Dec 2026 09:00:00 GMT", null), NOW)).isEqualTo(Duration.ZERO);
		assertThat(ApiAnswers.retryAfter(headers("soon", null), NOW)).isNull();
		assertThat(ApiAnswers.retryAfter(new HttpHeaders(), NOW)).isNull();
	}

	@Test
	void aWaitLongerThanFiveMinutesIsCappedAndLogged(CapturedOutput output) {
		assertThat(ApiAnswers.retryAfter(headers("3600", null), NOW)).isEqualTo(Duration.ofMinutes(5));
		assertThat(output).contains("Invent asked to wait 3600 s before trying again, longer than the 300 s the job "
				+ "waits: it tries again after 300 s");
	}

	private static HttpHeaders headers(String retryAfter, String date) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
		if (date != null) {
			headers.set(HttpHeaders.DATE, date);
		}
		return headers;
	}

}
