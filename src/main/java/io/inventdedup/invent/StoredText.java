package io.inventdedup.invent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Text from Invent made valid for PostgreSQL, which refuses the NUL character in {@code text} and
 * {@code jsonb} and a UTF-16 surrogate without its pair: each is written as U+FFFD, the replacement
 * character. JSON may carry both ({@code "\u0000"}, {@code "\ud800"}), and every string of an answer
 * is set by the public, so every answer is made valid here, once, before anything reads or stores
 * it: one contact's name never stops a run. Text that is already valid is returned as it is.
 */
final class StoredText {

	/** What stands for a character PostgreSQL cannot store. */
	static final char REPLACEMENT = '\uFFFD';

	private StoredText() {
	}

	/** Whether PostgreSQL stores this text as it is: no NUL, every surrogate paired. */
	static boolean isValid(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0) {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	/** The text with every NUL and unpaired surrogate written as U+FFFD. */
	static String valid(String text) {
		if (isValid(text)) {
			return text;
		}
		StringBuilder valid = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				valid.append(c).append(text.charAt(++i));
			}
			else {
				valid.append((c == 0 || Character.isSurrogate(c)) ? REPLACEMENT : c);
			}
		}
		return valid.toString();
	}

	/** The JSON with every string, and every field name, made valid; the same node when all were. */
	static JsonNode valid(JsonNode node) {
		if (node.isString()) {
			String text = node.stringValue();
			return isValid(text) ? node : StringNode.valueOf(valid(text));
		}
		if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				JsonNode element = array.get(i);
				JsonNode validElement = valid(element);
				if (validElement != element) {
					array.set(i, validElement);
				}
			}
		}
		else if (node instanceof ObjectNode object) {
			List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
			for (Map.Entry<String, JsonNode> field : fields) {
				JsonNode value = valid(field.getValue());
				if (!isValid(field.getKey())) {
					object.remove(field.getKey());
					object.set(valid(field.getKey()), value);
				}
				else if (value != field.getValue()) {
					object.set(field.getKey(), value);
				}
			}
		}
		return node;
	}

}
