package io.inventdedup.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each word of the shorter of two names paired with a word of its own in the longer, and what that
 * weighs ({@link NameComparison}): the search for the best pairing, its score (contradictions,
 * doubts, the given name's support, bits) and the verdict it gives, with the evidence in words.
 */
final class NameAlignment implements Comparable<NameAlignment> {

	/**
	 * A word of a name, or two of its words written as one ({@code joined}), as it is compared
	 * ({@code text}: for a word of another script beside a Latin one, its Latin reading) and shown;
	 * {@code given} where the name's given name stands (its first word, the second after a family name
	 * of a convention that writes it first: {@code Nagy Anna}, {@code Wang Wei}); its part of the name,
	 * its script and the word as written in it.
	 */
	record Word(String text, String shown, boolean joined, boolean given, NameText.Role role, Scripts script,
			String nativeText) {

		/** The word as the other name's script is compared with: its Latin reading, or the word itself. */
		Word readAcross(String reading) {
			return new Word(reading, this.shown, this.joined, this.given, this.role, this.script, this.nativeText);
		}

	}

	private final List<Word> shorter;

	private final List<Word> longer;

	/** For each word of the shorter name, the index of its word in the longer. */
	private final int[] pairs;

	private final WordMatch[] levels;

	private int contradictions;

	private int doubts;

	private boolean givenNameUnsupported;

	private double bits;

	private NameAlignment(List<Word> shorter, List<Word> longer) {
		this.shorter = shorter;
		this.longer = longer;
		this.pairs = new int[shorter.size()];
		this.levels = new WordMatch[shorter.size()];
	}

	/** The best alignment of two names, whichever is shorter. */
	static NameAlignment best(List<Word> a, List<Word> b, Map<String, WordMatch> cache) {
		boolean aShorter = a.size() <= b.size();
		List<Word> shorter = aShorter ? a : b;
		List<Word> longer = aShorter ? b : a;
		WordMatch[][] levels = new WordMatch[shorter.size()][longer.size()];
		for (int i = 0; i < shorter.size(); i++) {
			for (int j = 0; j < longer.size(); j++) {
				levels[i][j] = level(shorter.get(i), longer.get(j), cache);
			}
		}
		NameAlignment best = new NameAlignment(shorter, longer);
		NameAlignment trying = new NameAlignment(shorter, longer);
		search(trying, best, levels, 0, new boolean[longer.size()]);
		return best;
	}

	private static WordMatch level(Word one, Word other, Map<String, WordMatch> cache) {
		if (one.joined() || other.joined()) {
			return WordMatch.of(one, other);
		}
		String key = one.text() + "\0" + one.role() + one.script() + "\0" + other.text() + "\0" + other.role()
				+ other.script() + "\0" + one.nativeText() + "\0" + other.nativeText();
		return cache.computeIfAbsent(key, (k) -> WordMatch.of(one, other));
	}

	private static void search(NameAlignment trying, NameAlignment best, WordMatch[][] levels, int next,
			boolean[] used) {
		if (next == trying.shorter.size()) {
			trying.score();
			if (best.levels[0] == null || trying.compareTo(best) < 0) {
				best.copy(trying);
			}
			return;
		}
		for (int j = 0; j < used.length; j++) {
			if (!used[j]) {
				used[j] = true;
				trying.pairs[next] = j;
				trying.levels[next] = levels[next][j];
				search(trying, best, levels, next + 1, used);
				used[j] = false;
			}
		}
	}

	private void score() {
		this.contradictions = 0;
		this.doubts = 0;
		this.bits = 0;
		boolean givenNamePaired = false;
		this.givenNameUnsupported = false;
		for (int i = 0; i < this.pairs.length; i++) {
			WordMatch level = this.levels[i];
			this.contradictions += level.contradicts() ? 1 : 0;
			// Given names only alike, outside the Latin script where no list of given names tells two
			// names from a typo, are a family's as often as a person's: a doubt, not support.
			Word word = this.shorter.get(i);
			boolean givenNames = word.given() && this.longer.get(this.pairs[i]).given();
			this.doubts += (level.doubts()
					|| (givenNames && level == WordMatch.RESEMBLES && word.script() != Scripts.LATIN)) ? 1 : 0;
			this.bits += bits(level, this.shorter.get(i), this.longer.get(this.pairs[i]));
			Word longerWord = this.longer.get(this.pairs[i]);
			if (level.isGivenName() && longerWord.given() && this.longer.size() > this.shorter.size()) {
				// The given name itself, known to be one by the longer name: on a shared channel
				// it is what tells a family's members apart, however common it is in the org.
				this.bits = Math.max(this.bits, NameComparison.SAME_BITS);
			}
			if (longerWord.given()) {
				givenNamePaired = true;
				this.givenNameUnsupported |= level == WordMatch.INITIAL;
			}
			if (word.given()) {
				this.givenNameUnsupported |= level == WordMatch.INITIAL;
			}
		}
		this.givenNameUnsupported |= !givenNamePaired;
	}

	/**
	 * What a pair of words weighs: the same word {@link NameComparison#EXACT_BITS}, a typo that much
	 * less {@link NameComparison#TYPO_COST_BITS}, the same name read across scripts as many bits as
	 * its reading has letters to agree by (at most its level's), any other level its own.
	 */
	private static double bits(WordMatch level, Word one, Word other) {
		if (level == WordMatch.EXACT) {
			return NameComparison.EXACT_BITS;
		}
		if (level.isTypo()) {
			return Math.max(level.bits(), NameComparison.EXACT_BITS - NameComparison.TYPO_COST_BITS);
		}
		if (level == WordMatch.ROMANISED) {
			// A reading of one or two letters to agree by (Ali: l) proves less.
			Word reading = (one.script() == Scripts.LATIN) ? other : one;
			return (Romanised.strength(reading.text(), reading.script(), reading.nativeText()) >= 2) ? level.bits() : 3;
		}
		return level.bits();
	}

	private void copy(NameAlignment other) {
		System.arraycopy(other.pairs, 0, this.pairs, 0, this.pairs.length);
		System.arraycopy(other.levels, 0, this.levels, 0, this.levels.length);
		this.contradictions = other.contradictions;
		this.doubts = other.doubts;
		this.givenNameUnsupported = other.givenNameUnsupported;
		this.bits = other.bits;
	}

	/** Fewest contradictions first, then fewest doubts, then the given name supported, then most bits. */
	@Override
	public int compareTo(NameAlignment other) {
		if (this.contradictions != other.contradictions) {
			return Integer.compare(this.contradictions, other.contradictions);
		}
		if (this.doubts != other.doubts) {
			return Integer.compare(this.doubts, other.doubts);
		}
		if (this.givenNameUnsupported != other.givenNameUnsupported) {
			return this.givenNameUnsupported ? 1 : -1;
		}
		return Double.compare(other.bits, this.bits);
	}

	NameComparison.Result result() {
		List<String> agreeing = new ArrayList<>();
		List<String> against = new ArrayList<>();
		boolean[] paired = new boolean[this.longer.size()];
		for (int i = 0; i < this.pairs.length; i++) {
			Word one = this.shorter.get(i);
			Word other = this.longer.get(this.pairs[i]);
			paired[this.pairs[i]] = true;
			WordMatch level = this.levels[i];
			String said = one.shown() + " " + level.sign() + " " + other.shown()
					+ ((level == WordMatch.EXACT && (one.joined() || other.joined())) ? ": written as one"
							: level.what().isEmpty() ? "" : ": " + level.what());
			(level.contradicts() ? against : agreeing).add(said);
		}
		List<String> missing = new ArrayList<>();
		for (int j = 0; j < paired.length; j++) {
			if (!paired[j]) {
				missing.add(this.longer.get(j).shown());
			}
		}
		boolean partial = !missing.isEmpty();
		if (partial) {
			agreeing.add(String.join(" ", missing) + " missing");
		}
		String evidence = String.join(", ", agreeing);
		if (this.contradictions > 0) {
			return new NameComparison.Result(NameComparison.Verdict.DIFFERENT,
					agreeing.isEmpty() ? String.join(", ", against) : evidence + ", but " + String.join(", ", against),
					partial);
		}
		if (this.doubts > 0) {
			return new NameComparison.Result(NameComparison.Verdict.UNSURE, evidence, partial);
		}
		if (this.givenNameUnsupported) {
			return new NameComparison.Result(NameComparison.Verdict.UNSURE,
					evidence + ": only an initial or what a family shares, which proves nothing alone", partial);
		}
		if (this.bits < NameComparison.SAME_BITS) {
			return new NameComparison.Result(NameComparison.Verdict.UNSURE, evidence + String.format(Locale.ROOT,
					": too little evidence (%.1f of %.0f bits: common words here)", this.bits, NameComparison.SAME_BITS), partial);
		}
		return new NameComparison.Result(NameComparison.Verdict.SAME, evidence, partial);
	}

}
