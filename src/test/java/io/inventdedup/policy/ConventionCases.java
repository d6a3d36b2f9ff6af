package io.inventdedup.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.inventdedup.policy.OrgGroup.Member;

/**
 * The hand-written cases of naming conventions ({@code src/test/resources/names/convention-cases.tsv},
 * whose header names each convention and its source), each row a group of two or three contacts:
 * {@code kind<TAB>truth<TAB>name1<TAB>name2[<TAB>name3]}, the truth {@code one} (the names are one
 * person's) or {@code two} (each name is a different person's).
 */
final class ConventionCases {

	static final String FILE = "/names/convention-cases.tsv";

	/** The locale of the groups, in the figures. */
	static final String LOCALE = "hand-written";

	private ConventionCases() {
	}

	/** The rows as groups, in the file's order; ids {@code case-<line>-<n>}. */
	static List<OrgGroup> groups() {
		List<OrgGroup> groups = new ArrayList<>();
		try (InputStream in = ConventionCases.class.getResourceAsStream(FILE);
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			int number = 0;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				number++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				groups.add(group(number, line));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return groups;
	}

	private static OrgGroup group(int number, String line) {
		String[] columns = line.split("\t");
		if (columns.length < 4 || columns.length > 5) {
			throw new IllegalStateException(FILE + " line " + number + ": expected 4 or 5 columns, found "
					+ columns.length + ": " + line);
		}
		boolean onePerson = switch (columns[1]) {
			case "one" -> true;
			case "two" -> false;
			default -> throw new IllegalStateException(FILE + " line " + number + ": truth is one or two, not "
					+ columns[1]);
		};
		List<Member> members = new ArrayList<>();
		for (int i = 2; i < columns.length; i++) {
			String id = "case-" + number + "-" + (i - 1);
			String person = onePerson ? "case-" + number : id;
			members.add(new Member(id, person, columns[i].strip()));
		}
		return new OrgGroup(columns[0], LOCALE, members);
	}

}
