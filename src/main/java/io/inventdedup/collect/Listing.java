package io.inventdedup.collect;

import java.time.Duration;

/**
 * What the collect step of a run read of the listing, beside what the listing announced.
 *
 * @param announced the last {@code pagination-count} the API answered, or -1 when it gave none
 * @param collected the distinct groups the collect staged
 * @param listings how many times the run listed the org (1 for a run that merged within
 * {@code dedup.merge.max-listing-age} of its listing)
 * @param oldestMergeAgeMillis the age of the oldest listing a merge acted on, or -1 when no merge
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

	/** {@code ; listed 3 times, merges acted on listings at most 29 min 40 s old}. */
	public static String listed(long listings, long oldestMergeAgeMillis) {
		String text = "; listed " + listings + ((listings == 1) ? " time" : " times");
		if (oldestMergeAgeMillis >= 0) {
			Duration age = Duration.ofMillis(oldestMergeAgeMillis);
			text += ", merges acted on listings at most " + ((age.toMinutes() > 0)
					? age.toMinutes() + " min " + age.toSecondsPart() + " s"
					: age.toSeconds() + "." + (age.toMillisPart() / 100) + " s") + " old";
		}
		return text;
	}

}
