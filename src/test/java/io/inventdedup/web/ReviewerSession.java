package io.inventdedup.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.inventdedup.support.Browser;

/**
 * A reviewer signed in in a browser, deciding through the queue's own address ({@code POST
 * /api/decisions}) with the browser's session and the queue page's CSRF token: what the page's script
 * sends, from a test that needs two reviewers' requests to arrive at the same moment.
 */
final class ReviewerSession {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final String cookie;

	private final String csrfHeader;

	private final String csrfToken;

	private final JsonNode queue;

	private ReviewerSession(String base, String cookie, String csrfHeader, String csrfToken, JsonNode queue) {
		this.base = base;
		this.cookie = cookie;
		this.csrfHeader = csrfHeader;
		this.csrfToken = csrfToken;
		this.queue = queue;
	}

	/** Signs in through the one-time link and opens the org's queue. */
	static ReviewerSession signIn(Browser browser, String link, String base, String orgId) {
		browser.open(link);
		return inQueue(browser, base, orgId);
	}

	/** The session of a browser signed in already, from the org's queue. */
	static ReviewerSession inQueue(Browser browser, String base, String orgId) {
		ChromeDriver page = browser.open(base + "/queue?org=" + orgId);
		JsonNode data = JSON.readTree((String) page
			.executeScript("return document.getElementById('queue-data').textContent"));
		String session = page.manage().getCookieNamed("INVENT_DEDUP_REVIEW").getValue();
		return new ReviewerSession(base, "INVENT_DEDUP_REVIEW=" + session, data.path("csrf").path("header").asString(),
				data.path("csrf").path("value").asString(), data);
	}

	/** The version of a group as the queue page showed it. */
	String version(String groupKey) {
		for (JsonNode group : this.queue.path("groups")) {
			if (groupKey.equals(group.path("key").asString())) {
				return group.path("version").asString();
			}
		}
		throw new IllegalArgumentException("the queue shows no group " + groupKey);
	}

	/** The version of a group after a decision, from its answer. */
	static String versionIn(String answer, String groupKey) {
		return JSON.readTree(answer).path("groups").path(groupKey).path("version").asString();
	}

	/** The state a decision's answer gives a group ({@code APPROVED}, {@code REJECTED}, {@code UNDECIDED}): data, not words. */
	static String stateIn(String answer, String groupKey) {
		return JSON.readTree(answer).path("groups").path(groupKey).path("state").asString();
	}

	HttpResponse<String> decide(long execution, String decision, String groupKey, String version,
			@Nullable String reason) throws IOException, InterruptedException {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("execution", execution);
		body.put("decision", decision);
		body.put("keys", List.of(groupKey));
		body.put("versions", Map.of(groupKey, version));
		body.put("reason", reason);
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/api/decisions"))
			.header("Content-Type", "application/json")
			.header("Cookie", this.cookie)
			.header(this.csrfHeader, this.csrfToken)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A POST of a JSON body, as a probe sends it: the CSRF token in its header or, with
	 * {@code tokenInQuery}, in the address instead; an {@code Origin} when given.
	 */
	HttpResponse<String> probe(String path, String json, boolean tokenInQuery, @Nullable String origin)
			throws IOException, InterruptedException {
		String query = tokenInQuery ? ((path.contains("?") ? "&" : "?") + this.queue.path("csrf").path("name").asString()
				+ "=" + java.net.URLEncoder.encode(this.csrfToken, java.nio.charset.StandardCharsets.UTF_8)) : "";
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path + query))
			.header("Content-Type", "application/json")
			.header("Cookie", this.cookie)
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (!tokenInQuery) {
			request.header(this.csrfHeader, this.csrfToken);
		}
		if (origin != null) {
			request.header("Origin", origin);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
