package io.inventdedup.collect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.inventdedup.invent.DuplicatesPage;
import io.inventdedup.invent.InventClient;
import io.inventdedup.policy.ListingWindow;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.util.Assert;

/**
 * Reads the duplicate groups of an org's listing window ({@link ListingWindow}: from its first page,
 * so many pages or to the end), page after page, from {@code GET /orgs/{org}/contacts/duplicates}. The vendor's pages promise at most {@code take}
 * groups a page, not exactly that many: the listing ends at the first <em>empty</em> page, never at
 * a short one, whatever page size the API chose. What the answers say about themselves
 * ({@code pagination-take}, {@code pagination-page}, {@code pagination-count}) is used when it is
 * there and never needed:
 * <ul>
 * <li>{@code pagination-page} other than the page asked for means the API has no such page: the
 * listing ended;</li>
 * <li>{@code pagination-take} (or, without it, the largest page seen) and {@code pagination-count}
 * tell which pages exist: those are fetched a few at a time ahead of the reader, since nothing is
 * merged while it reads and the listing holds still (at 300 ms a call, one page after another would
 * leave the API budget idle);</li>
 * <li>the last {@code pagination-count} is kept in the step's context, for the cross-check of
 * {@link ListingCheck}.</li>
 * </ul>
 * Its position (page, and groups returned from that page) is saved at every chunk; a restart
 * fetches that page again and goes on after the groups already returned. A listing that never ends
 * (the same page answered again and again, a count that keeps growing) stops the step with a
 * message rather than reading forever.
 */
class DuplicateGroupReader implements ItemStreamReader<ListedGroup> {

	private static final Logger log = LoggerFactory.getLogger(DuplicateGroupReader.class);

	static final String PAGE = "duplicateGroupReader.page";

	static final String INDEX = "duplicateGroupReader.index";

	static final String LISTING_COUNT = "duplicateGroupReader.listingCount";

	static final String SHIFTED = "duplicateGroupReader.shifted";

	static final String FIRST_LISTING_COUNT = "duplicateGroupReader.firstListingCount";

	static final String PAGE_SIZE = "duplicateGroupReader.pageSize";

	static final String REACHED_END = "duplicateGroupReader.reachedEnd";

	/** A listing longer than this is not a listing that ends: better to stop than to loop. */
	private static final int MAX_PAGES = 100_000;

	/** How many pages are fetched ahead of the one being read. */
	private static final int PAGES_AHEAD = 4;

	private final InventClient client;

	private final String orgId;

	private final int take;

	private final Supplier<ListingWindow> windows;

	/** The pages this step reads: from its first page, so many or to the end of the listing. */
	private ListingWindow window = ListingWindow.whole();

	private int page = 1;

	private int index;

	private @Nullable List<ListedGroup> buffer;

	private List<String> previousKeys = List.of();

	private boolean exhausted;

	/** Whether the listing's end was read (an empty page), not only the window's last page. */
	private boolean reachedEnd;

	private long listingCount = -1;

	private long firstListingCount = -1;

	/** Whether the count changed between two pages: the listing shifted while it was read. */
	private boolean shifted;

	/** Whether a page was served again after the listing shifted (read past once, never twice). */
	private boolean repeatedOnShift;

	/** The page size the API uses: its {@code pagination-take}, or else the largest page seen. */
	private long pageSize;

	private final Map<Integer, CompletableFuture<DuplicatesPage>> ahead = new HashMap<>();

	public DuplicateGroupReader(InventClient client, String orgId, int take, Supplier<ListingWindow> windows) {
		Assert.notNull(client, "client is required");
		Assert.hasText(orgId, "orgId is required");
		Assert.isTrue(take >= 1 && take <= 100, "take must be between 1 and 100");
		this.client = client;
		this.orgId = orgId;
		this.take = take;
		this.windows = windows;
	}

	@Override
	public void open(ExecutionContext context) {
		this.window = this.windows.get();
		this.page = context.getInt(PAGE, this.window.firstPage());
		this.index = context.getInt(INDEX, 0);
		if (context.containsKey(PAGE)) {
			// A restart within a listing: what the listing said before holds.
			this.shifted = context.containsKey(SHIFTED) && (Boolean) context.get(SHIFTED);
			this.firstListingCount = context.getLong(FIRST_LISTING_COUNT, -1);
		}
	}

	@Override
	public void update(ExecutionContext context) {
		context.putInt(PAGE, this.page);
		context.putInt(INDEX, this.index);
		context.putLong(LISTING_COUNT, this.listingCount);
		context.putLong(FIRST_LISTING_COUNT, this.firstListingCount);
		context.put(SHIFTED, this.shifted);
		context.putInt(PAGE_SIZE, (int) Math.min(Integer.MAX_VALUE, this.pageSize));
		context.put(REACHED_END, this.reachedEnd);
	}

	@Override
	public @Nullable ListedGroup read() {
		while (!this.exhausted) {
			if (this.buffer == null) {
				fetch();
				continue;
			}
			if (this.index < this.buffer.size()) {
				return this.buffer.get(this.index++);
			}
			this.page++;
			this.index = 0;
			this.buffer = null;
		}
		return null;
	}

	@Override
	public void close() {
		this.ahead.values().forEach((pending) -> pending.cancel(true));
		this.ahead.clear();
	}

	private void fetch() {
		if (!this.window.toTheEnd() && this.page >= this.window.firstPage() + this.window.pages()) {
			// The window's last page was read: its groups are merged before the listing is read on.
			this.exhausted = true;
			return;
		}
		if (this.page > pageLimit()) {
			throw new IllegalStateException("The duplicate listing of org " + this.orgId + " did not end: page "
					+ this.page + " still holds groups, although the listing first announced "
					+ this.firstListingCount + " groups (pagination-count). Stopping rather than reading forever; "
					+ "nothing was merged. Run the same command again later");
		}
		CompletableFuture<DuplicatesPage> fetchedAhead = this.ahead.remove(this.page);
		DuplicatesPage fetched = (fetchedAhead != null) ? join(fetchedAhead)
				: this.client.listDuplicates(this.orgId, this.page, this.take);
		log.atDebug()
			.addKeyValue("orgId", this.orgId)
			.addKeyValue("page", this.page)
			.addKeyValue("groups", fetched.groups().size())
			.addKeyValue("listingCount", fetched.totalCount())
			.addKeyValue("answeredPage", fetched.page())
			.addKeyValue("answeredTake", fetched.take())
			.log("Fetched a page of duplicate groups");
		if (fetched.totalCount() >= 0) {
			this.listingCount = fetched.totalCount();
			if (this.firstListingCount < 0) {
				this.firstListingCount = fetched.totalCount();
			}
			else if (fetched.totalCount() != this.firstListingCount && !this.shifted) {
				this.shifted = true;
				log.atInfo()
					.addKeyValue("orgId", this.orgId)
					.addKeyValue("page", this.page)
					.log("The listing's count changed while it was read ({} then {}): groups were merged or added in "
							+ "Invent meanwhile, and the org is listed again before the run completes",
							this.firstListingCount, fetched.totalCount());
			}
		}
		if (fetched.groups().isEmpty()) {
			this.exhausted = true;
			this.reachedEnd = true;
			return;
		}
		if (fetched.page() >= 0 && fetched.page() != this.page) {
			log.atInfo()
				.addKeyValue("orgId", this.orgId)
				.addKeyValue("page", this.page)
				.addKeyValue("answeredPage", fetched.page())
				.log("The API answered another page than the one asked for: the listing has no such page, it ended");
			this.exhausted = true;
			this.reachedEnd = true;
			return;
		}
		List<ListedGroup> groups = new ArrayList<>(fetched.groups().size());
		fetched.groups().forEach((group) -> groups.add(ListedGroup.of(group)));
		List<String> keys = groups.stream().map(ListedGroup::groupKey).toList();
		if (keys.equals(this.previousKeys) && this.shifted && !this.repeatedOnShift) {
			// A listing that moved up between two pages may serve a page again once: read on; the
			// shifted listing is read again before the run completes.
			this.repeatedOnShift = true;
			this.buffer = List.of();
			return;
		}
		if (keys.equals(this.previousKeys)) {
			throw new IllegalStateException("The duplicate listing of org " + this.orgId + " answered page "
					+ this.page + " with the same groups as page " + (this.page - 1)
					+ ": it does not end with an empty page. Stopping rather than reading forever; nothing was merged");
		}
		this.previousKeys = keys;
		this.buffer = groups;
		this.pageSize = (fetched.take() >= 1) ? fetched.take() : Math.max(this.pageSize, groups.size());
		fetchAhead();
	}

	/**
	 * Starts fetching the next pages while this one is read: only those the listing's count says
	 * exist, and the one after the last (the empty page that ends the listing).
	 */
	private void fetchAhead() {
		if (this.listingCount < 0 || this.pageSize < 1) {
			return;
		}
		long lastPage = Math.min(pageLimit(), (this.listingCount + this.pageSize - 1) / this.pageSize + 1);
		if (!this.window.toTheEnd()) {
			lastPage = Math.min(lastPage, this.window.firstPage() + this.window.pages() - 1L);
		}
		for (int next = this.page + 1; next <= Math.min(lastPage, (long) this.page + PAGES_AHEAD); next++) {
			this.ahead.computeIfAbsent(next,
					(pageToFetch) -> this.client.duplicatesPage(this.orgId, pageToFetch, this.take).toFuture());
		}
	}

	/**
	 * The last page a listing that ends can have: twice the pages its first count announced, and a
	 * few more, since the listing grows when new duplicates are detected while it is read.
	 */
	private long pageLimit() {
		if (this.firstListingCount < 0 || this.pageSize < 1) {
			return MAX_PAGES;
		}
		return Math.min(MAX_PAGES, 2 * (this.firstListingCount / this.pageSize + 1) + 10);
	}

	private static DuplicatesPage join(CompletableFuture<DuplicatesPage> pending) {
		try {
			return pending.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

}
