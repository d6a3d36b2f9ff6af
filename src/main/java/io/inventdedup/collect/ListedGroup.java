package io.inventdedup.collect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.databind.JsonNode;

import io.inventdedup.invent.GroupDecoder;

/**
 * A duplicate group as the API listed it, with its key.
 *
 * @param groupKey stable across listings: a hash of the sorted member ids (of the raw JSON when no
 * id can be read)
 * @param group the group as listed
 */
record ListedGroup(String groupKey, JsonNode group) {

	static ListedGroup of(JsonNode group) {
		List<String> ids = GroupDecoder.memberIds(group);
		String key = ids.isEmpty() ? "raw:" + sha256(group.toString()) : sha256(String.join("\u0000", ids));
		return new ListedGroup(key, group);
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
