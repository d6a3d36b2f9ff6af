package io.inventdedup.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Given names and their nicknames, short forms and spellings, from published lists kept in the
 * repository with their licences ({@code names/README.md}): English ({@code names/nicknames.csv},
 * carltonnorthern/nicknames, Apache-2.0: {@code robert} / {@code bob}), other languages from
 * Wiktionary by way of DLu/namor_data ({@code names/nicknames-wiktionary.csv}, BSD-3-Clause and
 * CC BY-SA 4.0: {@code josé} / {@code pepe}, {@code johannes} / {@code hans}), and the Russian,
 * Ukrainian, Greek, Dutch and Arabic forms the project compiled from the Wikipedia and Wiktionary
 * articles its note names ({@code names/nicknames-compiled.csv}, CC BY-SA 4.0: {@code александр} /
 * {@code саша}, {@code muhammad} / {@code mohammed}). A pair is used as a list gives it, never
 * chained: {@code bob} and {@code bill} are each a short form of another name, which says nothing
 * of one another. Every name of the lists, either side, is a given name in its own right
 * ({@link GivenNames}).
 */
final class Nicknames {

	private static final Map<String, Set<String>> PAIRS = new HashMap<>();

	static {
		read("/names/nicknames.csv");
		read("/names/nicknames-wiktionary.csv");
		read("/names/nicknames-compiled.csv");
	}

	private Nicknames() {
	}

	private static void read(String resource) {
		try (InputStream in = Nicknames.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource.substring(1) + " is missing from the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] triplet = line.split(",");
				if (triplet.length == 3 && triplet[1].equals("has_nickname")) {
					String name = NameText.fold(triplet[0].strip());
					String nickname = NameText.fold(triplet[2].strip());
					PAIRS.computeIfAbsent(name, (key) -> new HashSet<>()).add(nickname);
					PAIRS.computeIfAbsent(nickname, (key) -> new HashSet<>()).add(name);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource.substring(1), ex);
		}
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
