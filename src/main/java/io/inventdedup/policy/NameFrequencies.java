package io.inventdedup.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How common each word of a name is among the names of one org's listing: two contacts called
 * {@code Smith} on one phone say less than two called {@code Vandersteen}. A word's evidence, when
 * two names share it, is its surprise in bits, {@code log2((names + 1000) / (count + 1))}, between
 * {@value #FLOOR_BITS} and {@value #CEILING_BITS} bits: the thousand names added to the count keep
 * a small org (or one not counted, {@link #NONE}) from calling its every word common, so that
 * there every shared word weighs about ten bits.
 * <p>
 * The counts are a count-min sketch ({@value #ROWS} rows of {@value #WIDTH} counters, 1 MiB
 * whatever the listing holds): a count is never lower than the true one, only higher when words
 * collide, which makes a word look more common and its evidence weaker, never stronger. Names are
 * set by the public; a name crafted to collide can only make merges rarer.
 */
public final class NameFrequencies {

	/** No listing counted: every word as rare as in a small org. */
	public static final NameFrequencies NONE = new NameFrequencies();

	/** The least a shared word weighs, however common. */
	static final double FLOOR_BITS = 1;

	/** The most a shared word weighs, however rare. */
	static final double CEILING_BITS = 11;

	/** The names added to every count, as if each word were rare among them. */
	private static final int PRIOR_NAMES = 1000;

	static final int ROWS = 4;

	static final int WIDTH = 1 << 16;

	private static final int[] SEEDS = { 0x9E3779B9, 0x85EBCA6B, 0xC2B2AE35, 0x27D4EB2F };

	private final int[][] counts = new int[ROWS][WIDTH];

	private long names;

	private NameFrequencies() {
	}

	/** A count to which the listing's names are added, one {@link Counter#add} each. */
	public static Counter counter() {
		return new Counter(new NameFrequencies());
	}

	/** The names counted. */
	public long names() {
		return this.names;
	}

	/** How many of the counted names hold this normalised word (at least: see the class). */
	long count(String word) {
		long least = Long.MAX_VALUE;
		for (int row = 0; row < ROWS; row++) {
			least = Math.min(least, this.counts[row][slot(word, row)]);
		}
		return least;
	}

	/** What two names sharing this normalised word weigh, in bits. */
	double bits(String word) {
		double bits = Math.log((this.names + PRIOR_NAMES) / (double) (count(word) + 1)) / Math.log(2);
		return Math.max(FLOOR_BITS, Math.min(CEILING_BITS, bits));
	}

	private static int slot(String word, int row) {
		int hash = word.hashCode() * SEEDS[row];
		hash ^= hash >>> 16;
		hash *= 0x7FEB352D;
		hash ^= hash >>> 15;
		return hash & (WIDTH - 1);
	}

	/** Counts names into frequencies; not thread-safe. */
	public static final class Counter {

		private final NameFrequencies frequencies;

		private Counter(NameFrequencies frequencies) {
			this.frequencies = frequencies;
		}

		/** Counts a contact's name: each distinct word once; a name without words not at all. */
		public Counter add(@Nullable String name) {
			List<String> words = NameComparison.words(name);
			if (words.isEmpty() || !NameComparison.comparable(name)) {
				return this;
			}
			this.frequencies.names++;
			Set<String> distinct = new HashSet<>(words);
			for (String word : distinct) {
				for (int row = 0; row < ROWS; row++) {
					int[] counts = this.frequencies.counts[row];
					int slot = slot(word, row);
					counts[slot] = Math.min(Integer.MAX_VALUE - 1, counts[slot]) + 1;
				}
			}
			return this;
		}

		/** The names of every member of a group. */
		public Counter add(DuplicateGroup group) {
			group.members().forEach((member) -> add(member.name()));
			return this;
		}

		/** The frequencies counted so far. */
		public NameFrequencies frequencies() {
			return this.frequencies;
		}

	}

}
