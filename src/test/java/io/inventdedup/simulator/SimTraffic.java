package io.inventdedup.simulator;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;

/**
 * The simulator's traffic: every request counted and kept as it arrived, per org, and the API's rate
 * limits applied (per client address over every org, as Invent documents it, or per org by a fault).
 */
final class SimTraffic {

	private final Map<String, List<InventSimulator.Call>> calls = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> requestCounts = new ConcurrentHashMap<>();

	private final Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();

	private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();

	/** The API's own limit: requests per window per client address, over the whole API (0: none). */
	private volatile int limitPerAddress;

	private volatile Duration limitWindow = Duration.ofMinutes(1);

	void limitEachClientAddress(int requests, Duration window) {
		this.limitPerAddress = requests;
		this.limitWindow = window;
	}

	/** Counts and keeps a request as it arrived. */
	void arrived(String orgId, String method, String path) {
		this.requestCounts.computeIfAbsent(orgId + " " + method, (key) -> new AtomicLong()).incrementAndGet();
		long now = System.nanoTime();
		this.arrivals.computeIfAbsent(orgId, (key) -> new CopyOnWriteArrayList<>()).add(now);
		this.calls.computeIfAbsent(orgId, (key) -> new CopyOnWriteArrayList<>())
			.add(new InventSimulator.Call(now, method, path));
	}

	/** Counts a request of this kind ({@code SEARCH}, {@code 429}) beside its method's. */
	void counted(String orgId, String kind) {
		this.requestCounts.computeIfAbsent(orgId + " " + kind, (key) -> new AtomicLong()).incrementAndGet();
	}

	List<InventSimulator.Call> calls(String orgId) {
		return List.copyOf(this.calls.getOrDefault(orgId, List.of()));
	}

	long requests(String orgId, String method) {
		AtomicLong count = this.requestCounts.get(orgId + " " + method);
		return (count != null) ? count.get() : 0;
	}

	List<Long> arrivals(String... orgIds) {
		List<Long> all = new ArrayList<>();
		for (String orgId : orgIds) {
			all.addAll(this.arrivals.getOrDefault(orgId, List.of()));
		}
		all.sort(null);
		return all;
	}

	int mostRequestsInAnyWindow(Duration window, String... orgIds) {
		List<Long> all = arrivals(orgIds);
		int most = 0;
		int first = 0;
		for (int last = 0; last < all.size(); last++) {
			while (all.get(last) - all.get(first) >= window.toNanos()) {
				first++;
			}
			most = Math.max(most, last - first + 1);
		}
		return most;
	}

	/**
	 * Answers 429 with {@code Retry-After} when the request is past its window's limit: the client
	 * address's over every org ({@link #limitEachClientAddress}), else the org's own ({@link Faults}).
	 */
	boolean rateLimited(HttpExchange exchange, String orgId, Faults faults) throws IOException {
		boolean perAddress = this.limitPerAddress > 0;
		int limit = perAddress ? this.limitPerAddress : faults.rateLimit();
		if (limit <= 0) {
			return false;
		}
		long now = System.nanoTime();
		long minute = (perAddress ? this.limitWindow : faults.rateWindow()).toNanos();
		String key = perAddress ? "address " + exchange.getRemoteAddress().getAddress().getHostAddress() : orgId;
		Deque<Long> window = this.windows.computeIfAbsent(key, (id) -> new ArrayDeque<>());
		long retryAfterSeconds;
		synchronized (window) {
			while (!window.isEmpty() && now - window.peekFirst() >= minute) {
				window.pollFirst();
			}
			if (window.size() < limit) {
				window.addLast(now);
				return false;
			}
			retryAfterSeconds = Math.max(1,
					(long) Math.ceil((minute - (now - window.peekFirst())) / (double) Duration.ofSeconds(1).toNanos()));
		}
		counted(orgId, "429");
		exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfterSeconds));
		SimWire.send(exchange, 429, "{\"message\":\"too many requests\"}");
		return true;
	}

}
