package io.inventdedup.collect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import io.inventdedup.invent.DuplicatesPage;
import io.inventdedup.invent.InventClient;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.util.Assert;

/**
 * Reads every duplicate group of an org, page after page, from
 * {@code GET /orgs/{org}/contacts/duplicates}. Nothing is merged while it reads (the collect step
 * runs before the merge step), so the listing holds still; its position (page, and groups
 * returned from that page) is saved at every chunk, and a restart fetches that page again and
 * goes on after the groups already returned. Because the listing holds still, the pages that its
 * {@code pagination-count} announces are fetched a few at a time ahead of the reader: at 300 ms a
 * call, one page after another would leave the rate limiter idle.
 */
public class DuplicateGroupReader implements ItemStreamReader<ListedGroup> {

	private static final Logger log = LoggerFactory.getLogger(DuplicateGroupReader.class);

	private static final String PAGE = "duplicateGroupReader.page";

	private static final String INDEX = "duplicateGroupReader.index";

	private static final String LISTING_COUNT = "duplicateGroupReader.listingCount";

	/** A listing longer than this is not a listing that ends: better to stop than to loop. */
	private static final int MAX_PAGES = 100_000;

	/** How many pages are fetched ahead of the one being read. */
	private static final int PAGES_AHEAD = 4;

	private final InventClient client;

	private final String orgId;

	private final int take;

	private int page = 1;

	private int index;

	private @Nullable List<JsonNode> buffer;

	private boolean exhausted;

	private long listingCount = -1;

	private final Map<Integer, CompletableFuture<DuplicatesPage>> ahead = new HashMap<>();

	public DuplicateGroupReader(InventClient client, String orgId, int take) {
		Assert.notNull(client, "client is required");
		Assert.hasText(orgId, "orgId is required");
		Assert.isTrue(take >= 1 && take <= 100, "take must be between 1 and 100");
		this.client = client;
		this.orgId = orgId;
		this.take = take;
	}

	@Override
	public void open(ExecutionContext context) {
		this.page = context.getInt(PAGE, 1);
		this.index = context.getInt(INDEX, 0);
	}

	@Override
	public void update(ExecutionContext context) {
		context.putInt(PAGE, this.page);
		context.putInt(INDEX, this.index);
		context.putLong(LISTING_COUNT, this.listingCount);
	}

	@Override
	public @Nullable ListedGroup read() {
		while (!this.exhausted) {
			if (this.buffer == null) {
				fetch();
			}
			List<JsonNode> groups = this.buffer;
			if (this.index < groups.size()) {
				return ListedGroup.of(groups.get(this.index++));
			}
			if (groups.size() < this.take) {
				this.exhausted = true;
			}
			else {
				this.page++;
				this.index = 0;
				this.buffer = null;
			}
		}
		return null;
	}

	@Override
	public void close() {
		this.ahead.values().forEach((pending) -> pending.cancel(true));
		this.ahead.clear();
	}

	/**
	 * Starts fetching the next pages while this one is read: only those the listing's count says
	 * exist, and the one after the last (the sequential reader would ask for it too, to see the end).
	 */
	private void fetchAhead(DuplicatesPage fetched) {
		if (fetched.totalCount() < 0 || fetched.groups().size() < this.take) {
			return;
		}
		long lastPage = Math.min(MAX_PAGES, fetched.totalCount() / this.take + 1);
		for (int next = this.page + 1; next <= Math.min(lastPage, (long) this.page + PAGES_AHEAD); next++) {
			this.ahead.computeIfAbsent(next,
					(pageToFetch) -> this.client.duplicatesPage(this.orgId, pageToFetch, this.take).toFuture());
		}
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

	private void fetch() {
		if (this.page > MAX_PAGES) {
			throw new IllegalStateException("The duplicate listing of org " + this.orgId + " did not end after "
					+ MAX_PAGES + " pages of " + this.take + ": stopping rather than reading forever");
		}
		CompletableFuture<DuplicatesPage> fetchedAhead = this.ahead.remove(this.page);
		DuplicatesPage fetched = (fetchedAhead != null) ? join(fetchedAhead)
				: this.client.listDuplicates(this.orgId, this.page, this.take);
		this.buffer = fetched.groups();
		this.listingCount = fetched.totalCount();
		fetchAhead(fetched);
		log.atDebug()
			.addKeyValue("orgId", this.orgId)
			.addKeyValue("page", this.page)
			.addKeyValue("groups", fetched.groups().size())
			.addKeyValue("listingCount", fetched.totalCount())
			.log("Fetched a page of duplicate groups");
	}

}
