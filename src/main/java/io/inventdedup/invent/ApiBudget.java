package io.inventdedup.invent;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The requests a minute that every run on one budget ({@code invent.api.budget}) may send
 * together: Invent counts 500 a minute per IP address over the whole API, and the runs of an
 * agency's orgs leave through one address. The budget is a token bucket kept in PostgreSQL, the
 * database the runs already share (Bucket4j, row {@code BUDGET:RATE} of {@code dedup_api_budget}):
 * <ul>
 * <li>it holds at most {@code rate / 100} permits (5 at 500 a minute) and refills steadily the
 * rest but {@code rate / 500} (494 a minute at 500), so that no 60 seconds ever hand out more than
 * the rate less one, the burst included: the one kept back covers requests that reach the API a
 * little closer together than their permits were handed out;</li>
 * <li>a permit is reserved in one round trip to the database, in the order asked, whatever the
 * run, and the caller waits its turn: the runs share the budget evenly, and a run that starts late
 * gets its turn at once;</li>
 * <li>a 429 that still comes (another tool on the same address) puts the shared budget in debt by
 * one second of its permits, unless it is in debt already: every run on it pauses, then goes on
 * at the budget's pace as the debt is repaid, so that 429s that keep coming keep the shared rate
 * down and their end lets it recover; logged at most once a minute, counted in
 * {@code invent_dedup_api_budget_backoffs_total};</li>
 * <li>a permit waits at most {@code invent.api.budget-timeout} (2 s) for the database (a
 * connection of the budget's own small pool, then the answer), never the main pool's 30 s: when it
 * cannot be had, the call fails with {@link ApiBudgetUnavailableException} and is not sent, so a
 * run that lost its database stops at its first permit;</li>
 * <li>waiting for the budget itself (other runs using it) is no failure and holds no connection:
 * the permit is reserved in one round trip, then the caller waits off the database.</li>
 * </ul>
 */
public class ApiBudget implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ApiBudget.class);

	private final BucketProxy bucket;

	private final AutoCloseable connections;

	private final String name;

	private final long debt;

	private final Duration timeout;

	private final Counter backoffs;

	private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - Duration.ofMinutes(2).toNanos());

	ApiBudget(ProxyManager<String> buckets, AutoCloseable connections, String name, int ratePerMinute,
			Duration timeout, MeterRegistry meters) {
		long capacity = Math.max(1, ratePerMinute / 100);
		long refill = Math.max(1, ratePerMinute - capacity - Math.max(1, ratePerMinute / 500));
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(capacity).refillGreedy(refill, Duration.ofMinutes(1)))
			.build();
		this.bucket = buckets.builder().build(name + ":" + ratePerMinute, () -> configuration);
		this.connections = connections;
		this.name = name;
		this.debt = Math.max(1, ratePerMinute / 60);
		this.timeout = timeout;
		this.backoffs = meters.counter("invent.dedup.api.budget.backoffs");
	}

	/**
	 * One permit to send one request, once the budget has it (the wait runs off the caller's thread).
	 * Fails with {@link ApiBudgetUnavailableException} when the database does not answer in time.
	 */
	Mono<Void> permit() {
		return Mono.<Void>fromCallable(() -> {
			try {
				this.bucket.asBlocking().consume(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw ex;
			}
			catch (RuntimeException ex) {
				throw new ApiBudgetUnavailableException(this.name, this.timeout, ex);
			}
			return null;
		}).subscribeOn(Schedulers.boundedElastic());
	}

	/** Invent answered 429 although the budget allowed the request: every run on the budget pauses. */
	void rateLimited() {
		try {
			if (this.bucket.getAvailableTokens() < 0) {
				return;
			}
			this.bucket.consumeIgnoringRateLimits(this.debt);
		}
		catch (RuntimeException ex) {
			throw new ApiBudgetUnavailableException(this.name, this.timeout, ex);
		}
		this.backoffs.increment();
		long now = System.nanoTime();
		long last = this.lastLogged.get();
		if (now - last >= Duration.ofMinutes(1).toNanos() && this.lastLogged.compareAndSet(last, now)) {
			log.atWarn()
				.addKeyValue("budget", this.name)
				.addKeyValue("debt", this.debt)
				.log("Invent answered 429 within the budget (another client on the same address?): every run on "
						+ "this budget pauses while a second of its permits is repaid; logged once a minute");
		}
	}

	/** Closes the budget's own connections. */
	@Override
	public void close() throws Exception {
		this.connections.close();
	}

}
