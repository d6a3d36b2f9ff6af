package io.inventdedup.collect;

import io.inventdedup.audit.AuditReport;

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
		return text + AuditReport.listed(this.listings, this.oldestMergeAgeMillis);
	}

}
