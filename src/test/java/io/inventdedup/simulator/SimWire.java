package io.inventdedup.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.sun.net.httpserver.HttpExchange;

/**
 * The simulator's side of the wire: the API's JSON of a group and of a contact, as Invent's pages
 * document them, an answer, a dropped connection, and a request's path and query read back.
 */
final class SimWire {

	private SimWire() {
	}

	static Map<String, Object> groupJson(SimOrg.SimGroup group) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("primary", contactJson(group.primary()));
		json.put("duplicates", group.duplicates().stream().map(SimWire::contactJson).toList());
		json.put("matched_on", group.matchedOn()
			.stream()
			.map((channel) -> Map.of("type", channel.type(), "user_id", channel.userId()))
			.toList());
		json.put("detected_at", null);
		return json;
	}

	static Map<String, Object> contactJson(SimContact contact) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", contact.id);
		json.put("name", contact.name);
		json.put("blocked", contact.blocked);
		json.put("unsubscribed", contact.unsubscribed);
		json.put("is_admin", contact.admin);
		json.put("channels", contact.channels.stream().map((channel) -> {
			Map<String, Object> c = new LinkedHashMap<>();
			c.put("id", channel.id());
			c.put("type", channel.type());
			c.put("user_id", channel.userId());
			c.put("email", channel.field("email"));
			c.put("username", channel.field("username"));
			c.put("platform_data", Map.of());
			c.put("created_at", contact.createdAt.toString());
			c.put("updated_at", contact.createdAt.toString());
			return c;
		}).toList());
		json.put("segments", contact.segments.stream()
			.map((segment) -> Map.of("id", segment, "name", segment, "color", "teal", "contacts_count", 1))
			.toList());
		json.put("created_at", contact.createdAt.toString());
		json.put("updated_at", contact.updatedAt.toString());
		return json;
	}

	/** Closes the connection without an answer: the client sees a dropped connection. */
	static void drop(HttpExchange exchange) throws IOException {
		exchange.sendResponseHeaders(200, 1_000);
		exchange.getResponseBody().write('[');
		exchange.getResponseBody().flush();
		throw new DroppedConnection();
	}

	static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = escapeLoneSurrogates(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/**
	 * The JSON with each surrogate that has no pair written as its escape ({@code \\ud800}), as a
	 * JSON encoder may send a name that holds one: UTF-8 cannot carry it as it is. Such a character
	 * only ever stands inside a string of the JSON.
	 */
	private static String escapeLoneSurrogates(String json) {
		StringBuilder escaped = null;
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			boolean paired = (Character.isHighSurrogate(c) && i + 1 < json.length()
					&& Character.isLowSurrogate(json.charAt(i + 1)))
					|| (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(json.charAt(i - 1)));
			if (Character.isSurrogate(c) && !paired) {
				if (escaped == null) {
					escaped = new StringBuilder(json.substring(0, i));
				}
				escaped.append(String.format("\\u%04x", (int) c));
			}
			else if (escaped != null) {
				escaped.append(c);
			}
		}
		return (escaped != null) ? escaped.toString() : json;
	}

	static List<String> segments(HttpExchange exchange) {
		String raw = exchange.getRequestURI().getRawPath();
		return Arrays.stream(raw.split("/"))
			.filter((segment) -> !segment.isEmpty())
			.map((segment) -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
			.toList();
	}

	static Map<String, String> query(HttpExchange exchange) {
		Map<String, String> query = new LinkedHashMap<>();
		String raw = exchange.getRequestURI().getRawQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return query;
	}

	/** Thrown out of a handler to make the JDK server drop the connection mid-answer. */
	static final class DroppedConnection extends RuntimeException {

		DroppedConnection() {
			super("connection dropped on purpose", null, false, false);
		}

	}

}
