package io.inventdedup.invent;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.handler.timeout.ReadTimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.inventdedup.policy.FollowUp;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * The calls this job makes to Invent. Every attempt of every call takes a permit from the
 * {@link ApiBudget} that the runs on one address share, has a timeout, and is retried with
 * exponential backoff and jitter when the failure is transient (429, 5xx, timeouts, dropped
 * connections); 401 and 403 stop the run.
 */
public class InventClient {

	private static final Logger log = LoggerFactory.getLogger(InventClient.class);

	/** The most contacts one channel may match in the contact listing. */
	private static final int MAX_MATCHES = 1_000;

	private final WebClient webClient;

	private final ApiBudget budget;

	private final ApiAnswers answers;

	private final InventApiProperties properties;

	private final MeterRegistry meters;

	public InventClient(WebClient webClient, ApiBudget budget, JsonMapper jsonMapper,
			InventApiProperties properties, MeterRegistry meters) {
		this.webClient = webClient;
		this.budget = budget;
		this.answers = new ApiAnswers(jsonMapper, properties);
		this.properties = properties;
		this.meters = meters;
	}

	/** One page of the org's duplicate groups. */
	public DuplicatesPage listDuplicates(String orgId, int page, int take) {
		return duplicatesPage(orgId, page, take).block();
	}

	/** One page of the org's duplicate groups, fetched when subscribed (rate limit and retries included). */
	public Mono<DuplicatesPage> duplicatesPage(String orgId, int page, int take) {
		String call = "GET /orgs/" + orgId + "/contacts/duplicates?page=" + page + "&take=" + take;
		Mono<DuplicatesPage> request = Mono.defer(() -> this.webClient.get()
			.uri((uri) -> uri.path("/orgs/{org}/contacts/duplicates")
				.queryParam("page", page)
				.queryParam("take", take)
				.build(orgId))
			.exchangeToMono((response) -> this.answers.body(call, response).map((body) -> {
				HttpHeaders headers = response.headers().asHttpHeaders();
				return new DuplicatesPage(this.answers.array(call, body, "groups"), ApiAnswers.header(call, headers, "pagination-count"),
						ApiAnswers.header(call, headers, "pagination-page"), ApiAnswers.header(call, headers, "pagination-take"));
			})));
		return send(call, request, new AtomicBoolean());
	}

	/**
	 * Merges {@code sources} into {@code survivorId}.
	 * @param mayHaveBeenApplied true when an earlier run sent this merge and never recorded its
	 * answer (a crash): a refusal of this attempt (the sources gone) is then as doubtful as a lost
	 * answer
	 * @param mayLeave asked for every attempt once its rate permit is taken, right before the request
	 * is sent: false keeps it from leaving ({@link NotSentException}), as when the listing it acts on
	 * has grown older than the run allows while it waited for its permit
	 * @throws AmbiguousMergeException when an attempt may have been applied without its answer
	 * reaching us (a timeout, a dropped connection, a 500/502/504) and no later attempt says what
	 * became of it: the caller settles it by looking the contacts up
	 * @throws NotSentException when {@code mayLeave} kept the first attempt from leaving
	 */
	public MergeResult merge(String orgId, String survivorId, List<String> sources, boolean mayHaveBeenApplied,
			BooleanSupplier mayLeave) {
		if (sources.isEmpty() || sources.size() > 50) {
			throw new IllegalArgumentException("a merge call takes 1 to 50 sources, got " + sources.size());
		}
		String call = "POST /orgs/" + orgId + "/contacts/" + survivorId + "/merge";
		AtomicBoolean ambiguous = new AtomicBoolean(mayHaveBeenApplied);
		Mono<MergeResult> request = Mono.defer(() -> this.webClient.post()
			.uri("/orgs/{org}/contacts/{id}/merge", orgId, survivorId)
			.bodyValue(Map.of("source_contact_ids", sources))
			.exchangeToMono((response) -> this.answers.body(call, response))
			.map((body) -> {
				JsonNode answer = this.answers.json(call, body);
				return new MergeResult(this.answers.mergedIds(call, answer), false, survivorState(answer.get("merged")));
			}));
		try {
			return send(call, request, ambiguous, mayLeave).block();
		}
		catch (InventAuthenticationException | ApiBudgetUnavailableException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			if (ambiguous.get()) {
				throw new AmbiguousMergeException(orgId, survivorId, ex);
			}
			throw ex;
		}
	}

	/**
	 * {@code GET /orgs/{org}/contacts/{id}}: the contact, or empty when the API answers 404. The
	 * vendor's pages document this path for PATCH only: an API that refuses it answers 405 (an
	 * {@link InventApiException}), and {@link ContactLocator} then searches the contact listing.
	 */
	public Optional<JsonNode> lookUp(String orgId, String contactId) {
		String call = "GET /orgs/" + orgId + "/contacts/" + contactId;
		Mono<Optional<JsonNode>> request = Mono.defer(() -> this.webClient.get()
			.uri("/orgs/{org}/contacts/{id}", orgId, contactId)
			.exchangeToMono((response) -> (response.statusCode().value() == 404)
					? response.releaseBody().thenReturn(Optional.<JsonNode>empty())
					: this.answers.body(call, response).map((body) -> Optional.of(this.answers.json(call, body)))));
		return send(call, request, new AtomicBoolean()).block();
	}

	/**
	 * The contacts that {@code GET /orgs/{org}/contacts} lists under this filter, every page of them
	 * up to the first empty one.
	 * @throws MalformedAnswerException when more than {@value #MAX_MATCHES} contacts match: no
	 * channel of one contact should, and reading on would be reading the whole org
	 */
	public List<JsonNode> findContacts(String orgId, ContactFilter filter) {
		List<JsonNode> found = new ArrayList<>();
		for (int page = 1; page <= MAX_MATCHES / 100 + 1; page++) {
			int pageToFetch = page;
			String call = "GET /orgs/" + orgId + "/contacts?" + filter.name() + "=…&page=" + page;
			Mono<List<JsonNode>> request = Mono.defer(() -> this.webClient.get()
				.uri((uri) -> uri.path("/orgs/{org}/contacts")
					.queryParam(filter.name(), "{value}")
					.queryParam("page", pageToFetch)
					.queryParam("take", 100)
					.build(orgId, filter.value()))
				.exchangeToMono((response) -> this.answers.body(call, response).map((body) -> this.answers.array(call, body, "contacts"))));
			List<JsonNode> contacts = send(call, request, new AtomicBoolean()).block();
			if (contacts.isEmpty()) {
				return found;
			}
			found.addAll(contacts);
		}
		throw new MalformedAnswerException("GET /orgs/" + orgId + "/contacts?" + filter.name() + "=…",
				"more than " + MAX_MATCHES + " contacts match one channel");
	}

	/**
	 * Sends {@code PATCH /orgs/{org}/contacts/{id}} with the fields of the update that are set. A
	 * PATCH is idempotent, so every transient failure is retried.
	 */
	public void update(String orgId, String contactId, FollowUp.Update update) {
		String call = "PATCH /orgs/" + orgId + "/contacts/" + contactId;
		Mono<String> request = Mono.defer(() -> this.webClient.patch()
			.uri("/orgs/{org}/contacts/{id}", orgId, contactId)
			.bodyValue(update.body())
			.exchangeToMono((response) -> this.answers.body(call, response)));
		send(call, request, new AtomicBoolean()).block();
	}

	/**
	 * The name and opt-out flags of a contact as the API answered it, or null when the answer does
	 * not carry both flags as booleans: a guess could overwrite a name or miss an opt-out.
	 */
	public static FollowUp.@Nullable SurvivorState survivorState(@Nullable JsonNode contact) {
		if (contact == null || !contact.isObject() || !contact.path("blocked").isBoolean()
				|| !contact.path("unsubscribed").isBoolean()) {
			return null;
		}
		JsonNode name = contact.get("name");
		return new FollowUp.SurvivorState((name != null && name.isString()) ? name.stringValue() : null,
				contact.get("blocked").booleanValue(), contact.get("unsubscribed").booleanValue());
	}

	private <T> Mono<T> send(String call, Mono<T> request, AtomicBoolean ambiguous) {
		return send(call, request, ambiguous, () -> true);
	}

	private <T> Mono<T> send(String call, Mono<T> request, AtomicBoolean ambiguous, BooleanSupplier mayLeave) {
		Duration attemptTimeout = this.properties.connectTimeout().plus(this.properties.readTimeout());
		Timer latency = this.meters.timer("invent.dedup.api.calls", "call", call.substring(0, call.indexOf(' ')));
		return request.timeout(attemptTimeout)
			.transformDeferred((attempt) -> Mono.defer(() -> {
				long started = System.nanoTime();
				return attempt.doFinally((signal) -> latency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
			}))
			.transformDeferred((attempt) -> this.budget.permit()
				.then(Mono.defer(() -> mayLeave.getAsBoolean() ? attempt : Mono.error(new NotSentException(call)))))
			.retryWhen(Retry.from((signals) -> signals.concatMap((signal) -> {
				Throwable failure = signal.failure();
				if (failure instanceof InventApiException api && api.status() == 429) {
					this.meters.counter("invent.dedup.api.rate.limited").increment();
					this.budget.rateLimited();
				}
				if (isAmbiguous(failure)) {
					ambiguous.set(true);
				}
				long attempt = signal.totalRetries() + 1;
				if (!isTransient(failure) || attempt >= this.properties.maxAttempts()) {
					return Mono.error(failure);
				}
				Duration pause = pauseBefore(attempt, failure);
				log.atWarn()
					.addKeyValue("call", call)
					.addKeyValue("attempt", attempt)
					.addKeyValue("pauseMs", pause.toMillis())
					.addKeyValue("error", describe(failure))
					.log("Transient failure from Invent, retrying");
				return Mono.delay(pause).thenReturn(attempt);
			})))
			.onErrorMap((ex) -> ex instanceof InventApiException api && api.isAuthenticationFailure(),
					(ex) -> new InventAuthenticationException((InventApiException) ex))
			.onErrorMap(InventClient::isTransportFailure,
					(ex) -> new InventUnavailableException(call, this.properties.maxAttempts(), describe(ex), ex));
	}

	private Duration pauseBefore(long attempt, Throwable failure) {
		if (failure instanceof InventApiException api && api.retryAfter() != null) {
			return api.retryAfter();
		}
		long base = this.properties.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
		long capped = Math.min(base, this.properties.maxBackoff().toMillis());
		long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
		return Duration.ofMillis(jittered);
	}

	/** Failures worth another attempt: the API or the network may do better in a moment. */
	static boolean isTransient(Throwable failure) {
		if (failure instanceof InventApiException api) {
			return api.isTransient();
		}
		return failure instanceof MalformedAnswerException || isTransportFailure(failure);
	}

	/** Failures after which the request may have been applied although no answer told us so. */
	static boolean isAmbiguous(Throwable failure) {
		if (failure instanceof InventApiException api) {
			int status = api.status();
			return status == 500 || status == 502 || status == 504;
		}
		if (failure instanceof WebClientRequestException ex) {
			return !(ex.getRootCause() instanceof ConnectException);
		}
		return isTransportFailure(failure) || failure instanceof MalformedAnswerException;
	}

	private static boolean isTransportFailure(Throwable failure) {
		return failure instanceof WebClientRequestException || failure instanceof TimeoutException
				|| failure instanceof ReadTimeoutException || failure instanceof IOException;
	}

	private static String describe(Throwable failure) {
		if (failure instanceof InventApiException api) {
			return "HTTP " + api.status();
		}
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ((root.getMessage() != null) ? ": " + root.getMessage() : "");
	}

}
