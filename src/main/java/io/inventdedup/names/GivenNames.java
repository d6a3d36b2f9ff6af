package io.inventdedup.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The given names the name check knows as names in their own right: the published lists kept in
 * the repository with their licences ({@code names/given-names-female.txt},
 * {@code names/given-names-male.txt}: Moby Word II by way of stdlib, public domain; the 40,000
 * given names of Wiktionary's lists in every script, {@code names/given-names-wiktionary.txt}: by way
 * of DLu/namor_data, BSD-3-Clause and CC BY-SA 4.0, read where a given name stands; see
 * {@code names/README.md}) and every name of the nickname list ({@link Nicknames}). A typo makes a
 * name into a non-name: two words this list holds are two names, never one another's typo.
 */
final class GivenNames {

	private static final Set<String> NAMES = new HashSet<>();

	/** The names of the lists that tell a name at any place of a name (the English lists and the nicknames). */
	private static final Set<String> ANYWHERE = new HashSet<>();

	static {
		read("/names/given-names-female.txt");
		read("/names/given-names-male.txt");
		NAMES.addAll(Nicknames.names());
		ANYWHERE.addAll(NAMES);
		read("/names/given-names-wiktionary.txt");
	}

	private GivenNames() {
	}

	/** Whether this normalised word ({@link NameComparison#words}) is a given name in its own right. */
	static boolean contains(String word) {
		return NAMES.contains(word);
	}

	/**
	 * Whether two words are each a name in its own right: by every list where a given name stands
	 * ({@code given}), elsewhere by the English lists and the nickname lists alone (the 40,000 names
	 * of Wiktionary's lists hold many family names' spellings, Clark and Clarke, Reid and Reida).
	 */
	static boolean areNames(String one, String other, boolean given) {
		Set<String> names = given ? NAMES : ANYWHERE;
		return names.contains(one) && names.contains(other);
	}

	private static void read(String resource) {
		try (InputStream in = GivenNames.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource.substring(1) + " is missing from the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				// Written as the name check reads names: Anne-Marie is annemarie, one word.
				String word = NameText.fold(line).replaceAll("[^\\p{L}\\p{M}\\p{N}]", "");
				if (!word.isEmpty()) {
					NAMES.add(word);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource.substring(1), ex);
		}
	}

}
