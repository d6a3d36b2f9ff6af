package io.inventdedup.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What an org's duplicate listing served, and how old the listing a merge acted on was when the
 * merge request reached the API: from the last page that served its survivor to the request's
 * arrival, as the API sees it (the job's own record is not asked).
 */
public final class ListingWatch {

	/** When each contact was last served in a page (System.nanoTime). */
	private final Map<String, Long> servedAt = new ConcurrentHashMap<>();

	private final List<Long> mergeAges = new CopyOnWriteArrayList<>();

	private final List<Integer> pagesServed = new CopyOnWriteArrayList<>();

	/** Notes that these groups were served now, as this page of the listing. */
	void served(int page, List<SimOrg.SimGroup> groups) {
		this.pagesServed.add(page);
		long now = System.nanoTime();
		groups.forEach((group) -> group.members().forEach((member) -> this.servedAt.put(member.id(), now)));
	}

	/** Notes a merge request into this survivor arriving now (answered or not). */
	void mergeArrived(String survivorId) {
		Long served = this.servedAt.get(survivorId);
		if (served != null) {
			this.mergeAges.add(System.nanoTime() - served);
		}
	}

	/** For every merge request that arrived: how long after the page that last listed its survivor. */
	public List<Duration> mergeAges() {
		return this.mergeAges.stream().map(Duration::ofNanos).toList();
	}

	/** The pages of the duplicate listing that were served (with groups or empty), in order. */
	public List<Integer> pagesServed() {
		return List.copyOf(this.pagesServed);
	}

}
