package io.inventdedup.collect;

import java.time.Duration;

/**
 * What the collect step of a run read of the listing, beside what the listing announced.
 *
 * @param announced the {@code pagination-count} the API answered as the run began to read (its last
 * for one collect step), or -1 when it gave none
 * @param collected the groups the run's first pass over the listing read (for one collect step, the
 * distinct groups it staged)
 * @param listings how many windows of the listing the run read (a dry run reads one; a run that
 * merges reads as many as its merges need, and one pass more, which finds them gone)
 * @param oldestMergeAgeMillis the age of the oldest window a merge acted on, or -1 when no merge
 * was sent
 */
public record Listing(long announced, long collected, int listings, long oldestMergeAgeMillis) {

	/** One listing, as the collect step sees it when it checks what it read. */
	public Listing(long announced, long collected) {
		this(announced, collected, 1, -1);
	}

	/** How many groups the listing announced beyond those collected; 0 when none or unknown. */
	public long shortfall() {
		return Math.max(0, this.announced - this.collected);
	}

	/** For a summary line: {@code 700 announced, 690 collected (10 short)}. */
	public String describe() {
		String text = (this.announced >= 0) ? this.announced + " announced (pagination-count), " : "no count announced, ";
		text += this.collected + " collected";
		text = (shortfall() > 0) ? text + " (" + shortfall() + " short)" : text;
		return text + listed(this.listings, this.oldestMergeAgeMillis);
	}

	/** {@code ; read in 3 windows, merges acted on windows at most 29 min 40 s old}. */
	public static String listed(long listings, long oldestMergeAgeMillis) {
		String text = "; read in " + listings + ((listings == 1) ? " window" : " windows");
		if (oldestMergeAgeMillis >= 0) {
			Duration age = Duration.ofMillis(oldestMergeAgeMillis);
			text += ", merges acted on windows at most " + ((age.toMinutes() > 0)
					? age.toMinutes() + " min " + age.toSecondsPart() + " s"
					: age.toSeconds() + "." + (age.toMillisPart() / 100) + " s") + " old";
		}
		return text;
	}

}
