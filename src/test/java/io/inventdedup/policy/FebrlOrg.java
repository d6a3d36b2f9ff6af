package io.inventdedup.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.apache.commons.text.similarity.LevenshteinDistance;

import io.inventdedup.policy.OrgGroup.Member;

/**
 * An org built from a public record-linkage benchmark, FEBRL data set 4 ({@code src/test/resources/febrl4},
 * with its note): 5,000 people, each with an original record and a duplicate that carries real
 * data's errors (typos, phonetic misspellings, swapped, missing and replaced name parts), turned
 * into the groups Invent would list, seeded and deterministic:
 * <ul>
 * <li>{@value #ONE_PERSON} groups of one person (the original and its duplicate share a phone);</li>
 * <li>groups of different people sharing one identifier, from the originals of the other people:
 * shared inboxes of two or three people, family phones (half of them with one surname), families
 * whose given names are each a name and one letter or an ending apart ({@code Paul} /
 * {@code Paula}, chosen from the given names of the nickname list) on one surname, and a stranger
 * sharing a true group's identifier.</li>
 * </ul>
 * The truth is the record's person.
 */
final class FebrlOrg {

	static final int ONE_PERSON = 3_200;

	static final int SHARED_INBOXES = 250;

	static final int FAMILY_PHONES = 250;

	static final int NEAR_NAME_FAMILIES = 100;

	static final int STRANGERS = 150;

	/** The English nickname list's names and their pairs, as the benchmark was first built on. */
	private static final Map<String, Set<String>> ENGLISH_NICKNAMES = englishNicknames();

	private FebrlOrg() {
	}

	private static Map<String, Set<String>> englishNicknames() {
		Map<String, Set<String>> pairs = new HashMap<>();
		try (InputStream in = FebrlOrg.class.getResourceAsStream("/names/nicknames.csv");
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] triplet = line.split(",");
				if (triplet.length == 3) {
					pairs.computeIfAbsent(triplet[0].strip(), (k) -> new HashSet<>()).add(triplet[2].strip());
					pairs.computeIfAbsent(triplet[2].strip(), (k) -> new HashSet<>()).add(triplet[0].strip());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return pairs;
	}

	private static OrgGroup group(String kind, List<Member> members) {
		return new OrgGroup(kind, "en-AU", members);
	}

	static List<OrgGroup> groups(long seed) {
		Map<String, String[]> originals = read("dataset4a-names.csv");
		Map<String, String[]> duplicates = read("dataset4b-names.csv");
		List<String> people = new ArrayList<>(new TreeSet<>(originals.keySet()));
		Random random = new Random(seed);
		Collections.shuffle(people, random);
		List<OrgGroup> groups = new ArrayList<>();
		int next = 0;
		for (; next < ONE_PERSON; next++) {
			String person = people.get(next);
			groups.add(group("one person", List.of(original(person, originals), duplicate(person, duplicates))));
		}
		for (int i = 0; i < SHARED_INBOXES; i++) {
			int size = 2 + random.nextInt(2);
			List<Member> members = new ArrayList<>();
			for (int k = 0; k < size; k++) {
				members.add(original(people.get(next++), originals));
			}
			groups.add(group("shared inbox", members));
		}
		for (int i = 0; i < FAMILY_PHONES; i++) {
			Member first = original(people.get(next++), originals);
			Member second = original(people.get(next++), originals);
			if (i % 2 == 0) {
				second = new Member(second.id(), second.person(),
						given(second.name()) + " " + surname(first.name()));
			}
			groups.add(group((i % 2 == 0) ? "family phone, one surname" : "family phone", List.of(first, second)));
		}
		List<String[]> nearNames = nearGivenNames();
		for (int i = 0; i < NEAR_NAME_FAMILIES; i++) {
			String[] pair = nearNames.get(random.nextInt(nearNames.size()));
			Member first = original(people.get(next++), originals);
			Member second = original(people.get(next++), originals);
			String surname = surname(first.name());
			groups.add(group("family, given names one letter apart",
					List.of(new Member(first.id(), first.person(), title(pair[0]) + " " + surname),
							new Member(second.id(), second.person(), title(pair[1]) + " " + surname))));
		}
		for (int i = 0; i < STRANGERS; i++) {
			String person = people.get(next++);
			groups.add(group("stranger on a true group", List.of(original(person, originals),
					duplicate(person, duplicates), original(people.get(next++), originals))));
		}
		return groups;
	}

	/**
	 * Pairs of given names, each a name of its own (both in the nickname list), one edit or an
	 * ending apart: {@code paul} / {@code paula}, {@code mario} / {@code maria}.
	 */
	static List<String[]> nearGivenNames() {
		List<String> names = new ArrayList<>(ENGLISH_NICKNAMES.keySet());
		Collections.sort(names);
		LevenshteinDistance distance = new LevenshteinDistance(1);
		List<String[]> pairs = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			for (int j = i + 1; j < names.size(); j++) {
				String a = names.get(i);
				String b = names.get(j);
				if (a.length() >= 4 && b.length() >= 4 && distance.apply(a, b) == 1 && !ENGLISH_NICKNAMES.get(a).contains(b)) {
					pairs.add(new String[] { a, b });
				}
			}
		}
		return pairs;
	}

	private static Member original(String person, Map<String, String[]> originals) {
		String[] record = originals.get(person);
		return new Member(person + "-org", person, name(title(record[0]), title(record[1])));
	}

	private static Member duplicate(String person, Map<String, String[]> duplicates) {
		String[] record = duplicates.get(person);
		return new Member(person + "-dup", person, name(record[0], record[1]));
	}

	private static String name(String given, String surname) {
		String name = (given + " " + surname).trim();
		return name.isEmpty() ? null : name;
	}

	private static String given(String name) {
		return (name == null) ? "" : name.split(" ")[0];
	}

	private static String surname(String name) {
		if (name == null) {
			return "";
		}
		String[] words = name.split(" ");
		return words[words.length - 1];
	}

	private static String title(String word) {
		return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
	}

	/** The records of a file by person ({@code rec-N}): given name, surname. */
	private static Map<String, String[]> read(String file) {
		Map<String, String[]> records = new LinkedHashMap<>();
		try (InputStream in = FebrlOrg.class.getResourceAsStream("/febrl4/" + file);
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] columns = line.split(",", -1);
				String person = "rec-" + columns[0].split("-")[1];
				records.put(person, new String[] { columns[1], columns[2] });
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return records;
	}

}
