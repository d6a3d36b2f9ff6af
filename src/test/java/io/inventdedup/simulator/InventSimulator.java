package io.inventdedup.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the Invent contacts API over real HTTP on loopback, behaving as the vendor's
 * pages describe it: bearer auth, {@code page}/{@code take} (at most 100) with the pagination
 * headers, duplicate groups computed from the live contacts, merge validation (1 to 50 sources,
 * 404 for an unknown contact, 400 for a survivor among its sources), merges that move channels and
 * segments to the survivor and delete the sources, {@code GET}/{@code PATCH} of one contact, the
 * contact listing filtered by {@code email}, {@code user_id} or {@code username}, and a log of every
 * applied merge. Faults ({@link Faults}) and what the vendor's pages leave open (page sizes below
 * {@code take}, missing headers, a refused lookup) are set per organization.
 */
public final class InventSimulator implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor;

	private final String token;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, SimOrg> orgs = new ConcurrentHashMap<>();

	private final Random random = new Random(42);

	private final SimWrites writes = new SimWrites(this.json, this::draw);

	private final SimTraffic traffic = new SimTraffic();

	private InventSimulator(String token) throws IOException {
		// The JDK server writes an answer's headers and body apart: without TCP_NODELAY, Nagle's
		// algorithm holds the body until the client's delayed ACK, about 40 ms per answer.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		this.token = token;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
		this.executor = Executors.newFixedThreadPool(32);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** Starts a simulator on a free loopback port that accepts the given API token. */
	public static InventSimulator start(String token) {
		try {
			return new InventSimulator(token);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start the Invent simulator", ex);
		}
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Limits every client address to this many requests a window over every org, as the API does
	 * (500 a minute per IP): runs for several orgs from one address share it. 0 lifts the limit.
	 */
	public void limitEachClientAddress(int requests, Duration window) {
		this.traffic.limitEachClientAddress(requests, window);
	}

	/** The organization with this id, created empty on first use. */
	public SimOrg org(String orgId) {
		return this.orgs.computeIfAbsent(orgId, SimOrg::new);
	}

	/** Every merge applied so far, in order. */
	public List<MergeRecord> mergeLog(String orgId) {
		return this.writes.mergeLog(orgId);
	}

	/** Every request to this org, in the order they arrived. */
	public List<Call> calls(String orgId) {
		return this.traffic.calls(orgId);
	}

	/**
	 * A request as it arrived.
	 *
	 * @param at when ({@link System#nanoTime()})
	 * @param method its method
	 * @param path its path, without the query
	 */
	public record Call(long at, String method, String path) {
	}

	/** When the simulator applied this merge ({@link System#nanoTime()}). */
	public long mergedAt(MergeRecord merge) {
		return this.writes.mergedAt(merge);
	}

	/** How many requests of this method reached this org (rejected ones included). */
	public long requests(String orgId, String method) {
		return this.traffic.requests(orgId, method);
	}

	/** When each request to these orgs arrived ({@link System#nanoTime()}), in order. */
	public List<Long> arrivals(String... orgIds) {
		return this.traffic.arrivals(orgIds);
	}

	/** The most requests to these orgs that arrived within any {@code window}. */
	public int mostRequestsInAnyWindow(Duration window, String... orgIds) {
		return this.traffic.mostRequestsInAnyWindow(window, orgIds);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			List<String> path = SimWire.segments(exchange);
			if (path.size() < 3 || !path.get(0).equals("orgs") || !path.get(2).equals("contacts")) {
				SimWire.send(exchange, 404, "{\"message\":\"not found\"}");
				return;
			}
			String method = exchange.getRequestMethod();
			SimOrg org = org(path.get(1));
			this.traffic.arrived(org.id, method, exchange.getRequestURI().getRawPath());
			if (method.equals("POST") && path.size() == 5 && path.get(4).equals("merge")) {
				org.watch.mergeArrived(path.get(3));
			}
			Faults faults = org.faults;
			if (faults.keyRevoked()
					|| !("Bearer " + this.token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				SimWire.send(exchange, 401, "{\"message\":\"invalid API key\"}");
				return;
			}
			pause(faults);
			if (this.traffic.rateLimited(exchange, org.id, faults) || unavailable(exchange, faults)) {
				return;
			}
			if (draw(faults.dropShare())) {
				SimWire.drop(exchange);
				return;
			}
			route(exchange, org, method, path.subList(3, path.size()), faults);
		}
	}

	private void route(HttpExchange exchange, SimOrg org, String method, List<String> rest, Faults faults)
			throws IOException {
		if (method.equals("GET") && rest.equals(List.of("duplicates"))) {
			listDuplicates(exchange, org);
		}
		else if (method.equals("POST") && rest.size() == 2 && rest.get(1).equals("merge")) {
			this.writes.merge(exchange, org, rest.get(0), faults);
		}
		else if (method.equals("GET") && rest.isEmpty()) {
			listContacts(exchange, org);
		}
		else if (method.equals("GET") && rest.size() == 1 && faults.lookupsNotAllowed()) {
			SimWire.send(exchange, 405, "{\"message\":\"method not allowed\"}");
		}
		else if (method.equals("GET") && rest.size() == 1) {
			SimContact contact = org.contact(rest.get(0));
			if (contact == null) {
				SimWire.send(exchange, 404, "{\"message\":\"contact not found\"}");
			}
			else if (org.lookupOverride != null) {
				SimWire.send(exchange, 200, org.lookupOverride);
			}
			else {
				SimWire.send(exchange, 200, this.json.writeValueAsString(SimWire.contactJson(contact)));
			}
		}
		else if (method.equals("PATCH") && rest.size() == 1) {
			if (faults.updatesUnavailable()) {
				SimWire.send(exchange, 503, "<html><body>Service Unavailable</body></html>");
				return;
			}
			this.writes.update(exchange, org, rest.get(0));
		}
		else {
			SimWire.send(exchange, 405, "{\"message\":\"method not allowed\"}");
		}
	}

	private void listDuplicates(HttpExchange exchange, SimOrg org) throws IOException {
		Map<String, String> query = SimWire.query(exchange);
		int page;
		int take;
		try {
			page = Integer.parseInt(query.getOrDefault("page", "1"));
			take = Integer.parseInt(query.getOrDefault("take", "100"));
		}
		catch (NumberFormatException ex) {
			SimWire.send(exchange, 400, "{\"message\":\"page and take must be numbers\"}");
			return;
		}
		if (page < 1 || take < 1 || take > 100) {
			SimWire.send(exchange, 400, "{\"message\":\"page must be at least 1, take between 1 and 100\"}");
			return;
		}
		if (page == org.unavailablePage) {
			SimWire.send(exchange, 503, "<html><body>Service Unavailable</body></html>");
			return;
		}
		String override = org.listingOverride;
		if (override != null) {
			SimWire.send(exchange, 200, (page == 1 || org.listingOverrideOnEveryPage) ? override : "[]");
			return;
		}
		if (org.endlessListing) {
			List<Map<String, Object>> listed = new ArrayList<>();
			for (int i = 0; i < take; i++) {
				SimContact primary = new SimContact("endless-" + page + "-" + i + "-a", null, Instant.EPOCH, false,
						false, false);
				SimContact duplicate = new SimContact("endless-" + page + "-" + i + "-b", null, Instant.EPOCH, false,
						false, false);
				listed.add(SimWire.groupJson(new SimOrg.SimGroup(primary, List.of(duplicate), List.of())));
			}
			exchange.getResponseHeaders().add("pagination-count", String.valueOf((long) (page + 1) * take));
			SimWire.send(exchange, 200, this.json.writeValueAsString(listed));
			return;
		}
		Runnable byHand = org.beforePage.remove(page);
		if (byHand != null) {
			byHand.run();
		}
		List<SimOrg.SimGroup> groups = org.groups();
		int served = (org.pageCap > 0) ? Math.min(take, org.pageCap) : take;
		long start = (long) (page - 1) * Math.max(1, served - org.pageOverlap);
		int from = (int) Math.min(start, groups.size());
		List<SimOrg.SimGroup> onPage = groups.subList(from, Math.min(from + served, groups.size()));
		org.watch.served(page, onPage);
		List<Map<String, Object>> listed = new ArrayList<>();
		for (SimOrg.SimGroup group : onPage) {
			listed.add(SimWire.groupJson(group));
		}
		if (org.paginationHeaders) {
			exchange.getResponseHeaders().add("pagination-count", String.valueOf(groups.size() + org.countSurplus));
			exchange.getResponseHeaders().add("pagination-page", String.valueOf(page));
			exchange.getResponseHeaders().add("pagination-take", String.valueOf(served));
		}
		SimWire.send(exchange, 200, this.json.writeValueAsString(listed));
	}

	/**
	 * {@code GET /orgs/{org}/contacts} with one of the filters {@code email}, {@code user_id},
	 * {@code username} (an exact match on a channel), paged by {@code page} and {@code take}.
	 */
	private void listContacts(HttpExchange exchange, SimOrg org) throws IOException {
		this.traffic.counted(org.id, "SEARCH");
		if (org.contactSearchesRefused) {
			SimWire.send(exchange, 405, "{\"message\":\"method not allowed\"}");
			return;
		}
		Map<String, String> query = SimWire.query(exchange);
		int page = Integer.parseInt(query.getOrDefault("page", "1"));
		int take = Math.min(100, Integer.parseInt(query.getOrDefault("take", "100")));
		List<SimContact> matching = List.of();
		for (String filter : List.of("email", "user_id", "username")) {
			if (query.containsKey(filter)) {
				matching = org.contactsMatching(filter, query.get(filter));
			}
		}
		int from = Math.min((page - 1) * take, matching.size());
		SimWire.send(exchange, 200, this.json.writeValueAsString(
				matching.subList(from, Math.min(from + take, matching.size())).stream().map(SimWire::contactJson).toList()));
	}

	private void pause(Faults faults) {
		long millis = faults.latency().toMillis();
		if (!faults.jitter().isZero()) {
			synchronized (this.random) {
				millis += this.random.nextLong(faults.jitter().toMillis() + 1);
			}
		}
		if (millis > 0) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private boolean unavailable(HttpExchange exchange, Faults faults) throws IOException {
		if (draw(faults.unavailableShare())) {
			SimWire.send(exchange, 503, "<html><body>Service Unavailable</body></html>");
			return true;
		}
		return false;
	}

	private boolean draw(double share) {
		if (share <= 0) {
			return false;
		}
		synchronized (this.random) {
			return this.random.nextDouble() < share;
		}
	}

}
