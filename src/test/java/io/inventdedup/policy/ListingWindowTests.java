package io.inventdedup.policy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The windows a run lists its org in: as many pages as the bound holds with their merges, where the
 * first group not looked at is now, and one more pass after a pass that moved the listing.
 */
class ListingWindowTests {

	private static final Duration BOUND = Duration.ofMinutes(30);

	@Test
	void theFirstWindowHoldsWhatTheBoundCanMergeAtTheRate() {
		// 30 min at 500 a minute: 15,000 requests, three quarters of them planned, a page and its 100 merges each.
		assertThat(ListingWindow.first(BOUND, 500)).isEqualTo(new ListingWindow(1, 1, 111));
		assertThat(ListingWindow.first(Duration.ofMinutes(2), 500)).isEqualTo(new ListingWindow(1, 1, 7));
		assertThat(ListingWindow.first(Duration.ofSeconds(10), 500)).as("at least a page")
			.isEqualTo(new ListingWindow(1, 1, 1));
		assertThat(ListingWindow.whole().toTheEnd()).isTrue();
	}

	@Test
	void aBoundThatCannotHoldAPageAndAMergeIsRefusedAndNothingLonger() {
		assertThat(ListingWindow.refusal(Duration.ofMillis(200), 500)).contains("shorter than reading one page")
			.contains("(320 ms)")
			.contains("Raise dedup.merge.max-listing-age");
		assertThat(ListingWindow.refusal(Duration.ofMillis(400), 500)).isNull();
		assertThat(ListingWindow.refusal(Duration.ofSeconds(1), 60)).isNotNull();
	}

	@Test
	void afterMergesTheNextWindowBeginsWhereTheGroupsKnownToStayEnd() {
		ListingWindow window = new ListingWindow(1, 3, 10);
		// Pages 1-2 held groups that stay; of this window's 1,000 groups, 250 stayed before the first not handled.
		ListingWindow next = window.next(read(12, 100, false, false, 250, true, Duration.ofMinutes(20)), BOUND, 500);

		assertThat(next.pass()).isEqualTo(1);
		assertThat(next.firstPage()).as("(200 + 250) / 100 + 1").isEqualTo(5);
	}

	@Test
	void aWindowThatSentNoMergeIsFollowedByTheNextPageEvenWhenItsPassMovedTheListing() {
		// Two groups left on page 1, both staying: page 1 again would be read for ever.
		ListingWindow.Read stayed = new ListingWindow.Read(1, 100, false, false, false, 2, true, false,
				Duration.ofMillis(50));

		assertThat(new ListingWindow(1, 1, 1).next(stayed, BOUND, 500).firstPage()).isEqualTo(2);
	}

	@Test
	void withoutMergesTheNextWindowIsTheNextPage() {
		ListingWindow next = new ListingWindow(1, 3, 10).next(read(12, 100, false, false, 1_000, false, Duration.ofMinutes(1)),
				BOUND, 500);

		assertThat(next.firstPage()).isEqualTo(13);
	}

	@Test
	void theWindowGrowsToFillTheBoundAndHalvesWhenTheBoundCameFirst() {
		ListingWindow window = new ListingWindow(1, 1, 10);

		assertThat(window.next(read(10, 100, false, false, 0, true, Duration.ofMinutes(5)), BOUND, 500).pages())
			.as("10 pages took 5 min of 30: 45 pages fill three quarters").isEqualTo(45);
		assertThat(window.next(read(10, 100, false, false, 0, true, Duration.ofSeconds(1)), BOUND, 500).pages())
			.as("never more than the rate allows").isEqualTo(111);
		assertThat(window.next(read(10, 100, false, true, 0, true, Duration.ofMinutes(31)), BOUND, 500).pages())
			.isEqualTo(5);
		assertThat(new ListingWindow(1, 1, 1).next(read(1, 100, false, true, 0, true, BOUND), BOUND, 500).pages())
			.as("never fewer than one").isEqualTo(1);
		assertThat(window.next(read(10, 2, false, false, 0, true, Duration.ofSeconds(1)), Duration.ofSeconds(10), 500)
			.pages()).as("pages of 2 groups: 62 requests hold 20 pages and their merges").isEqualTo(20);
	}

	@Test
	void aPassThatMovedTheListingIsFollowedByAnotherUntilOneSendsNothing() {
		ListingWindow last = new ListingWindow(1, 40, 10);

		ListingWindow sweep = last.next(read(45, 100, true, false, 30, true, Duration.ofMinutes(1)), BOUND, 500);
		assertThat(sweep.pass()).isEqualTo(2);
		assertThat(sweep.firstPage()).isEqualTo(1);

		assertThat(new ListingWindow(2, 3, 10).next(read(4, 100, true, false, 150, false, Duration.ofSeconds(30)), BOUND,
				500)).as("a pass that sent nothing read every group listed: the run is done").isNull();
		assertThat(new ListingWindow(1, 1, 0).next(read(7, 100, true, false, 600, false, Duration.ofSeconds(3)), BOUND,
				500)).as("a dry run's whole listing").isNull();
	}

	@Test
	void aListingThatShiftedWhileReadIsReadAgainAtMostThreePassesInAll() {
		ListingWindow.Read shifted = new ListingWindow.Read(7, 100, true, false, false, 600, false, true,
				Duration.ofSeconds(3));

		assertThat(ListingWindow.whole().next(shifted, BOUND, 500)).isEqualTo(new ListingWindow(2, 1, 0));
		assertThat(new ListingWindow(3, 1, 0).next(shifted, BOUND, 500)).isNull();
		assertThat(new ListingWindow(3, 1, 0).givesUp(shifted)).as("the third pass found it moved: the run says so")
			.isTrue();
		assertThat(new ListingWindow(3, 1, 0).givesUp(read(7, 100, true, false, 600, false, Duration.ofSeconds(3))))
			.as("a third pass that sent nothing read every group").isFalse();
	}

	@Test
	void aWindowCutShortIsReadOnFromItsFirstGroupNotHandledEvenAtTheEnd() {
		ListingWindow next = new ListingWindow(1, 5, 4).next(read(6, 100, true, true, 120, true, BOUND), BOUND, 500);

		assertThat(next.pass()).isEqualTo(1);
		assertThat(next.firstPage()).as("(400 + 120) / 100 + 1").isEqualTo(6);
		assertThat(next.pages()).isEqualTo(2);
	}

	/** A window's read; it sent merges when its pass moved and it was not the pass's last. */
	private static ListingWindow.Read read(int lastPage, int pageSize, boolean reachedEnd, boolean stale, long stayed,
			boolean passMoved, Duration took) {
		return new ListingWindow.Read(lastPage, pageSize, reachedEnd, stale, passMoved, stayed, passMoved, false, took);
	}

}
