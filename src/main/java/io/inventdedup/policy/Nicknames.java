package io.inventdedup.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * English given names and their nicknames and short forms, from a published list kept in the
 * repository with its licence ({@code names/nicknames.csv}: carltonnorthern/nicknames, Apache-2.0,
 * see {@code names/README.md}): {@code robert} / {@code bob}, {@code margaret} / {@code peggy}.
 * A pair is used as the list gives it, never chained: {@code bob} and {@code bill} are each a short
 * form of another name ({@code robert}, {@code william}), which says nothing of one another.
 * Every name of the list, either side, is a given name in its own right ({@link GivenNames}): a
 * name the list holds is not a misspelling of another.
 */
final class Nicknames {

	private static final Map<String, Set<String>> PAIRS = new HashMap<>();

	static {
		try (InputStream in = Nicknames.class.getResourceAsStream("/names/nicknames.csv")) {
			if (in == null) {
				throw new IllegalStateException("names/nicknames.csv is missing from the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] triplet = line.split(",");
				if (triplet.length == 3 && triplet[1].equals("has_nickname")) {
					String name = triplet[0].strip().toLowerCase(Locale.ROOT);
					String nickname = triplet[2].strip().toLowerCase(Locale.ROOT);
					PAIRS.computeIfAbsent(name, (key) -> new HashSet<>()).add(nickname);
					PAIRS.computeIfAbsent(nickname, (key) -> new HashSet<>()).add(name);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read names/nicknames.csv", ex);
		}
	}

	private Nicknames() {
	}

	/** Whether the list pairs these two (lower-case) names: one is a nickname or short form of the other. */
	static boolean areShortForms(String one, String other) {
		return PAIRS.getOrDefault(one, Set.of()).contains(other);
	}

	/** Every name of the list, either side of a pair, lower case. */
	static Set<String> names() {
		return Set.copyOf(PAIRS.keySet());
	}

}
