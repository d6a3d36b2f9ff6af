package io.inventdedup.collect;

/**
 * What the collect step of a run read of the listing, beside what the listing announced.
 *
 * @param announced the last {@code pagination-count} the API answered, or -1 when it gave none
 * @param collected the distinct groups the collect staged
 */
public record Listing(long announced, long collected) {

	/** How many groups the listing announced beyond those collected; 0 when none or unknown. */
	public long shortfall() {
		return Math.max(0, this.announced - this.collected);
	}

	/** For a summary line: {@code 700 announced, 690 collected (10 short)}. */
	public String describe() {
		String text = (this.announced >= 0) ? this.announced + " announced (pagination-count), " : "no count announced, ";
		text += this.collected + " collected";
		return (shortfall() > 0) ? text + " (" + shortfall() + " short)" : text;
	}

}
