package io.inventdedup.invent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * What Invent's answers say, read as the vendor's pages describe them and no further: a body within
 * {@code invent.api.max-response-size}, JSON arrays of groups or contacts, the ids a merge took
 * away, the pagination headers, {@code Retry-After} (at most five minutes). An answer that is not
 * what the pages say is a {@link MalformedAnswerException} naming the call; {@link InventClient}
 * decides what follows.
 */
final class ApiAnswers {

	private static final Logger log = LoggerFactory.getLogger(ApiAnswers.class);

	/** The longest {@code Retry-After} the job waits. */
	static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

	private final JsonMapper jsonMapper;

	private final InventApiProperties properties;

	ApiAnswers(JsonMapper jsonMapper, InventApiProperties properties) {
		this.jsonMapper = jsonMapper;
		this.properties = properties;
	}

	/**
	 * The answer's body when its status is 2xx; otherwise an {@link InventApiException} with its
	 * status, body and {@code Retry-After}, and a {@link MalformedAnswerException} for a body larger
	 * than {@code invent.api.max-response-size}.
	 */
	Mono<String> body(String call, ClientResponse response) {
		int status = response.statusCode().value();
		Mono<String> body = response.bodyToMono(String.class)
			.defaultIfEmpty("")
			.onErrorMap(DataBufferLimitException.class, (ex) -> new MalformedAnswerException(call,
					"the answer is larger than invent.api.max-response-size (" + this.properties.maxResponseSize() + ")"));
		if (response.statusCode().is2xxSuccessful()) {
			return body;
		}
		Duration retryAfter = retryAfter(response.headers().asHttpHeaders(), Clock.systemUTC());
		return body.onErrorReturn("")
			.flatMap((text) -> Mono.error(new InventApiException(call, status, StoredText.valid(text), retryAfter)));
	}

	/** The answer as a JSON array of {@code of}. */
	List<JsonNode> array(String call, String body, String of) {
		JsonNode page = json(call, body);
		if (!page.isArray()) {
			throw new MalformedAnswerException(call, "expected a JSON array of " + of + ", got " + page.getNodeType());
		}
		List<JsonNode> groups = new ArrayList<>(page.size());
		page.forEach(groups::add);
		return groups;
	}

	/** The ids a merge's answer says were merged into the survivor. */
	List<String> mergedIds(String call, JsonNode answer) {
		JsonNode ids = answer.get("merged_contact_ids");
		if (ids == null || !ids.isArray()) {
			throw new MalformedAnswerException(call, "no merged_contact_ids array in the answer");
		}
		List<String> merged = new ArrayList<>(ids.size());
		for (JsonNode id : ids) {
			if (!id.isString()) {
				throw new MalformedAnswerException(call, "merged_contact_ids holds a " + id.getNodeType());
			}
			merged.add(id.stringValue());
		}
		return merged;
	}

	/** The answer as JSON. */
	JsonNode json(String call, String body) {
		try {
			return StoredText.valid(this.jsonMapper.readTree(body));
		}
		catch (JacksonException ex) {
			throw new MalformedAnswerException(call, "not JSON (" + ex.getOriginalMessage() + ")");
		}
	}

	/** A numeric pagination header, or -1 when the answer has none. */
	static long header(String call, HttpHeaders headers, String name) {
		String value = headers.getFirst(name);
		if (value == null) {
			return -1;
		}
		try {
			long number = Long.parseLong(value.trim());
			if (number < 0) {
				throw new NumberFormatException();
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new MalformedAnswerException(call, name + " header is not a number");
		}
	}

	/**
	 * {@code Retry-After} as seconds or as an HTTP date (measured against the answer's own
	 * {@code Date}, so that the two clocks are the server's), at most {@link #MAX_RETRY_AFTER}: a
	 * longer wait is logged with what the job does instead. Null when absent or unreadable.
	 */
	static @Nullable Duration retryAfter(HttpHeaders headers, Clock clock) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		Duration wait;
		try {
			wait = Duration.ofSeconds(Long.parseLong(value.trim()));
		}
		catch (NumberFormatException notSeconds) {
			try {
				Instant until = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				String date = headers.getFirst(HttpHeaders.DATE);
				Instant now = (date != null) ? ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
					.toInstant() : clock.instant();
				wait = Duration.between(now, until);
			}
			catch (DateTimeParseException neither) {
				return null;
			}
		}
		if (wait.isNegative()) {
			return Duration.ZERO;
		}
		if (wait.compareTo(MAX_RETRY_AFTER) > 0) {
			log.atWarn()
				.addKeyValue("retryAfterSeconds", wait.toSeconds())
				.log("Invent asked to wait {} s before trying again, longer than the {} s the job waits: it tries "
						+ "again after {} s, and stops retrying after invent.api.max-attempts", wait.toSeconds(),
						MAX_RETRY_AFTER.toSeconds(), MAX_RETRY_AFTER.toSeconds());
			return MAX_RETRY_AFTER;
		}
		return wait;
	}

}
