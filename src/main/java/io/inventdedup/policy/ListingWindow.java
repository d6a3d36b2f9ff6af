package io.inventdedup.policy;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A window of the duplicate listing: the pages a run reads before it merges what they hold, as many
 * as it can merge within {@code dedup.merge.max-listing-age} at the API's rate, so that every merge
 * acts on a listing younger than the bound whatever the size of the org, and the budget goes to
 * merges rather than to listing the whole org again.
 * <p>
 * The listing moves as a run merges: a merged group leaves it and every later group moves up, while
 * the groups that stay listed (skipped, queued, failed) stay in front. So the next window does not
 * begin where the last one ended, but where the first group not looked at is now: after the groups
 * known to stay ({@link Read#stayed()}), on the page that holds it. A walk over the listing from its
 * first page to its end is a <em>pass</em>; a pass that sent merges moved the listing while it was
 * walked (and the order of the groups is not promised), so another pass follows, until one sends
 * no merge: that pass read every group listed, page after page, and the run can say so.
 *
 * @param pass which walk over the listing the window belongs to, from 1
 * @param firstPage the first page it reads, from 1
 * @param pages how many pages it reads at most; 0 for every page to the end (a dry run, which sends
 * nothing and reads the whole org at once)
 */
public record ListingWindow(int pass, int firstPage, int pages) {

	/** The groups a page holds at most ({@code take}, the API's maximum). */
	public static final int TAKE = 100;

	/** The share of the bound a window is sized to fill: the rest absorbs slow answers and 429s. */
	static final double SHARE_OF_BOUND = 0.75;

	/** How many passes in a row may send merges before the run completes on the last (and says so). */
	public static final int MAX_PASSES = 3;

	/** Every page of the listing, in one window: a dry run's. */
	public static ListingWindow whole() {
		return new ListingWindow(1, 1, 0);
	}

	/** A run's first window: as many pages as the bound holds at the rate, each with its merges. */
	public static ListingWindow first(Duration bound, int requestsPerMinute) {
		return new ListingWindow(1, 1, mostPages(bound, requestsPerMinute, TAKE));
	}

	/**
	 * Why no run can merge within the bound at this rate, or null when one can: the bound must hold at
	 * least one page and one merge (the run then merges what it can of each page and reads the page
	 * again for the rest).
	 */
	public static @Nullable String refusal(Duration bound, int requestsPerMinute) {
		if (requestsWithin(bound, requestsPerMinute) >= 2) {
			return null;
		}
		return "dedup.merge.max-listing-age (" + bound + ") is shorter than reading one page of the duplicate listing "
				+ "and sending one merge take at invent.api.rate-limit-per-minute=" + requestsPerMinute + " (" + Math
					.round(Math.ceil(2 * 60_000.0 / (SHARE_OF_BOUND * requestsPerMinute)))
				+ " ms): no merge could be sent within it. Raise dedup.merge.max-listing-age";
	}

	/**
	 * Whether the run gives up walking the listing after this window: it ends the last pass the run
	 * allows, and that pass found the listing moved (groups the moves hid may not have been looked at).
	 */
	public boolean givesUp(Read read) {
		return read.endsPass() && read.moved() && this.pass >= MAX_PASSES;
	}

	/** Whether the window reads every page to the end of the listing. */
	public boolean toTheEnd() {
		return this.pages == 0;
	}

	/**
	 * What comes after this window, once its groups were merged (or its bound came first).
	 * @param read what the window read and what became of its groups
	 * @return the next window, or null when the run has looked at every group listed
	 */
	public @Nullable ListingWindow next(Read read, Duration bound, int requestsPerMinute) {
		if (read.endsPass()) {
			return (read.moved() && this.pass < MAX_PASSES) ? new ListingWindow(this.pass + 1, 1,
					this.toTheEnd() ? 0 : sized(read, bound, requestsPerMinute)) : null;
		}
		int page;
		if (!read.sentMerges() && !read.stale()) {
			// This window moved nothing and every group of it was handled: the next page is the next group.
			page = read.lastPage() + 1;
		}
		else {
			// The groups before this window's first page stayed; so did those of it counted in stayed.
			long ahead = (long) (this.firstPage - 1) * read.pageSize() + read.stayed();
			page = (int) Math.min(Integer.MAX_VALUE, ahead / read.pageSize() + 1);
		}
		return new ListingWindow(this.pass, page, this.toTheEnd() ? 0 : sized(read, bound, requestsPerMinute));
	}

	/**
	 * The next window's pages: this one's scaled to fill the bound by the time it took (halved when
	 * it did not fit), never more than the rate allows, never fewer than one.
	 */
	private int sized(Read read, Duration bound, int requestsPerMinute) {
		int most = mostPages(bound, requestsPerMinute, read.pageSize());
		int pages = this.pages;
		if (read.stale()) {
			pages = pages / 2;
		}
		else if (read.took().toMillis() > 0) {
			pages = (int) Math.min(Integer.MAX_VALUE, (long) (pages * SHARE_OF_BOUND * bound.toMillis() / read.took().toMillis()));
		}
		else {
			pages = most;
		}
		return Math.max(1, Math.min(most, pages));
	}

	/** The pages whose merges the bound holds at the rate: a page and a merge a group, one request each. */
	static int mostPages(Duration bound, int requestsPerMinute, int pageSize) {
		return (int) Math.max(1, Math.min(100_000, requestsWithin(bound, requestsPerMinute) / (1 + Math.max(1, pageSize))));
	}

	private static long requestsWithin(Duration bound, int requestsPerMinute) {
		return (long) (bound.toMillis() * SHARE_OF_BOUND * requestsPerMinute / 60_000.0);
	}

	/**
	 * What a window read and what became of its groups, once merged.
	 *
	 * @param lastPage the last page it read
	 * @param pageSize the groups a page holds: the API's {@code pagination-take}, or the most a page held
	 * @param reachedEnd whether it read the listing's end (an empty page)
	 * @param stale whether the bound came before every group of it was handled
	 * @param sentMerges whether it sent a merge (merged groups leave the listing: the later ones move up)
	 * @param stayed how many of its groups, from its first one up to the first not handled, stay listed
	 * (skipped, queued, failed: not merged)
	 * @param passMoved whether the listing may have moved under the pass: this window or an earlier one
	 * of its pass sent a merge, or was cut short by the bound (the next window then begins after the
	 * groups known to stay, as after merges)
	 * @param shifted whether the listing's count changed while a window of the pass was read (groups
	 * merged or added in Invent meanwhile)
	 * @param took from the window's start to its last merge's outcome
	 */
	public record Read(int lastPage, int pageSize, boolean reachedEnd, boolean stale, boolean sentMerges, long stayed,
			boolean passMoved, boolean shifted, Duration took) {

		public Read {
			pageSize = Math.max(1, pageSize);
		}

		/** Whether the window ended its pass: it read the listing's end and handled every group of it. */
		boolean endsPass() {
			return this.reachedEnd && !this.stale;
		}

		/** Whether the listing may have moved under the pass: its merges, or a change in Invent. */
		boolean moved() {
			return this.passMoved || this.shifted;
		}

	}

}
