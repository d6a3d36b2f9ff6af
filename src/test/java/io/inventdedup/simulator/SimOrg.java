package io.inventdedup.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The contacts of one simulated organization, and the duplicate groups computed from them the way
 * Invent describes it: contacts sharing an external channel identity are one group. The listing
 * is computed from the live contacts, so a merged group disappears and later groups move up.
 */
public final class SimOrg {

	/** The recommended primary: most channels, then oldest, then smallest id. */
	private static final Comparator<SimContact> RECOMMENDED = Comparator
		.comparingInt((SimContact c) -> -c.channels.size())
		.thenComparing(SimContact::createdAt)
		.thenComparing(SimContact::id);

	final String id;

	private final TreeMap<String, SimContact> contacts = new TreeMap<>();

	private List<SimGroup> groups;

	volatile Faults faults = Faults.NONE;

	volatile String listingOverride;

	volatile boolean listingOverrideOnEveryPage;

	volatile int pageCap;

	volatile boolean paginationHeaders = true;

	volatile int pageOverlap;

	volatile int countSurplus;

	volatile boolean contactSearchesRefused;

	volatile boolean endlessListing;

	final Set<String> lostAnswerSurvivors = ConcurrentHashMap.newKeySet();

	/** What a person does in Invent's UI just before a page of the listing is first served. */
	final Map<Integer, Runnable> beforePage = new ConcurrentHashMap<>();

	/** After this many merges the org's API key is revoked (every later request answered 401); 0: never. */
	volatile int revokeKeyAfterMerges;

	/** Contacts someone deletes in Invent's UI just before a merge names them. */
	final Set<String> deletedBeforeMerge = ConcurrentHashMap.newKeySet();

	volatile int unavailablePage;

	volatile String lookupOverride;

	/** What the listing served, and how old it was when merges arrived. */
	final ListingWatch watch = new ListingWatch();

	public SimOrg(String id) {
		this.id = id;
	}

	/**
	 * Describes a contact to add, with readable defaults (a name of its id, created 2022-01-01, not
	 * admin, not blocked, subscribed, no channel):
	 * {@code org.newContact("ct_1").named("Ann Lee").createdAt("2023-05-01").email("ann@example.test").add()}.
	 */
	public NewContact newContact(String contactId) {
		return new NewContact(this, contactId);
	}

	/** Adds a contact ({@link NewContact#add}). */
	synchronized SimContact add(SimContact contact) {
		if (this.contacts.putIfAbsent(contact.id(), contact) != null) {
			throw new IllegalArgumentException("contact " + contact.id() + " already exists");
		}
		this.groups = null;
		return contact;
	}

	public void setFaults(Faults faults) {
		this.faults = faults;
	}

	/**
	 * Makes the first page of the duplicate listing answer this body as it is, and every later page
	 * an empty array (hostile-input tests); {@code null} goes back to the computed listing.
	 */
	public void answerListingWith(String body) {
		this.listingOverride = body;
		this.listingOverrideOnEveryPage = false;
	}

	/** Makes every page of the duplicate listing answer this body: a listing that never ends. */
	public void answerEveryListingPageWith(String body) {
		this.listingOverride = body;
		this.listingOverrideOnEveryPage = true;
	}

	/**
	 * Serves at most this many groups a page, whatever {@code take} asks (0: as many as asked), as an
	 * API that lowered its cap would; {@code pagination-take} then says the page size used.
	 */
	public void capPagesAt(int groups) {
		this.pageCap = groups;
	}

	/** Answers the listing without its pagination headers (or with them again). */
	public void sendPaginationHeaders(boolean send) {
		this.paginationHeaders = send;
	}

	/**
	 * Makes each page of the listing start this many groups before the end of the previous one, as
	 * when new duplicates are detected while the job pages.
	 */
	public void overlapPages(int groups) {
		this.pageOverlap = groups;
	}

	/**
	 * Makes every page of the listing hold new groups, the count growing ahead of the pages: a
	 * listing that never ends, as a broken API's could.
	 */
	public void listEndlessly() {
		this.endlessListing = true;
	}

	/** Makes {@code pagination-count} announce this many groups more than the listing holds. */
	public void announceMoreGroupsThanListed(int surplus) {
		this.countSurplus = surplus;
	}

	/** Makes {@code GET /orgs/{org}/contacts/{id}} of an existing contact answer this body; null to stop. */
	public void answerLookupsWith(String body) {
		this.lookupOverride = body;
	}

	/** Makes {@code GET /orgs/{org}/contacts} (the contact listing and its filters) answer 405, or not. */
	public void refuseContactSearches(boolean refuse) {
		this.contactSearchesRefused = refuse;
	}

	/** Makes every merge into this survivor be applied, then answered 502: its answer is lost. */
	public void loseTheAnswerOfMergesInto(String survivorId) {
		this.lostAnswerSurvivors.add(survivorId);
	}

	/** Revokes the org's API key once this many merges were applied, as its admin rotating it mid-run would. */
	public void revokeTheKeyAfterMerges(int merges) {
		this.revokeKeyAfterMerges = merges;
	}

	/**
	 * Runs {@code action} (a person working in Invent's UI: {@link #mergeByHand}) just before this
	 * page of the duplicate listing is first served, so that the listing shifts while it is read.
	 */
	public void beforePage(int page, Runnable action) {
		this.beforePage.put(page, action);
	}

	/**
	 * Makes this contact be deleted (as by a person in Invent's UI) just before a merge that names it
	 * as a source is applied: the API merges the other sources and answers 200 without it.
	 */
	public void deleteBeforeAMergeNames(String contactId) {
		this.deletedBeforeMerge.add(contactId);
	}

	/** Deletes a contact, as a person would in Invent's UI. */
	synchronized void delete(String contactId) {
		this.contacts.remove(contactId);
		this.groups = null;
	}

	/** The contacts having a channel whose {@code filter} field (email, user_id, username) is {@code value}. */
	synchronized List<SimContact> contactsMatching(String filter, String value) {
		return this.contacts.values()
			.stream()
			.filter((contact) -> contact.channels.stream().anyMatch((channel) -> value.equals(channel.field(filter))))
			.toList();
	}

	/** Makes this page of the duplicate listing answer 503, every time; 0 for none. */
	public void makePageUnavailable(int page) {
		this.unavailablePage = page;
	}

	/** Changes a contact as an admin of the org would in Invent's UI: the listing follows. */
	public synchronized void change(String contactId, Consumer<SimContact> change) {
		change.accept(this.contacts.get(contactId));
		this.groups = null;
	}

	/** Merges contacts the way someone would by hand in Invent's UI: not in the API's merge log. */
	public void mergeByHand(String survivorId, List<String> sourceIds) {
		merge(survivorId, sourceIds);
	}

	public synchronized SimContact contact(String contactId) {
		return this.contacts.get(contactId);
	}

	public synchronized Set<String> contactIds() {
		return Set.copyOf(this.contacts.keySet());
	}

	/**
	 * What the duplicate listing served and how old it was when each merge request arrived, as the
	 * API sees it.
	 */
	public ListingWatch watch() {
		return this.watch;
	}

	/** The duplicate groups as the API lists them now. */
	public synchronized List<SimGroup> groups() {
		if (this.groups == null) {
			this.groups = computeGroups();
		}
		return this.groups;
	}

	synchronized SimContact merge(String survivorId, List<String> sourceIds) {
		SimContact survivor = this.contacts.get(survivorId);
		for (String sourceId : sourceIds) {
			SimContact source = this.contacts.remove(sourceId);
			for (SimContact.SimChannel channel : source.channels) {
				if (survivor.channels.stream().noneMatch((c) -> c.identity().equals(channel.identity()))) {
					survivor.channels.add(channel);
				}
			}
			for (String segment : source.segments) {
				if (!survivor.segments.contains(segment)) {
					survivor.segments.add(segment);
				}
			}
		}
		survivor.updatedAt = Instant.now();
		this.groups = null;
		return survivor;
	}

	synchronized void changed() {
		this.groups = null;
	}

	private List<SimGroup> computeGroups() {
		Map<String, String> parent = new HashMap<>();
		Map<String, String> ownerOfIdentity = new HashMap<>();
		for (SimContact contact : this.contacts.values()) {
			parent.put(contact.id, contact.id);
		}
		for (SimContact contact : this.contacts.values()) {
			for (SimContact.SimChannel channel : contact.channels) {
				String owner = ownerOfIdentity.putIfAbsent(channel.identity(), contact.id);
				if (owner != null) {
					union(parent, owner, contact.id);
				}
			}
		}
		Map<String, List<SimContact>> components = new TreeMap<>();
		for (SimContact contact : this.contacts.values()) {
			components.computeIfAbsent(find(parent, contact.id), (root) -> new ArrayList<>()).add(contact);
		}
		List<SimGroup> listed = new ArrayList<>();
		for (List<SimContact> members : components.values()) {
			if (members.size() < 2) {
				continue;
			}
			members.sort(RECOMMENDED);
			SimContact primary = members.get(0);
			List<SimContact> duplicates = new ArrayList<>(members.subList(1, members.size()));
			duplicates.sort(Comparator.comparing(SimContact::id));
			listed.add(new SimGroup(primary, duplicates, sharedIdentities(members)));
		}
		listed.sort(Comparator.comparing((SimGroup g) -> g.smallestId()));
		return List.copyOf(listed);
	}

	private static List<SimContact.SimChannel> sharedIdentities(List<SimContact> members) {
		Map<String, Integer> counts = new HashMap<>();
		Map<String, SimContact.SimChannel> byIdentity = new HashMap<>();
		for (SimContact member : members) {
			for (SimContact.SimChannel channel : member.channels) {
				counts.merge(channel.identity(), 1, Integer::sum);
				byIdentity.putIfAbsent(channel.identity(), channel);
			}
		}
		Set<SimContact.SimChannel> shared = new LinkedHashSet<>();
		counts.forEach((identity, count) -> {
			if (count > 1) {
				shared.add(byIdentity.get(identity));
			}
		});
		return List.copyOf(shared);
	}

	private static String find(Map<String, String> parent, String id) {
		String root = id;
		while (!parent.get(root).equals(root)) {
			root = parent.get(root);
		}
		parent.put(id, root);
		return root;
	}

	private static void union(Map<String, String> parent, String a, String b) {
		String rootA = find(parent, a);
		String rootB = find(parent, b);
		if (!rootA.equals(rootB)) {
			parent.put(rootB, rootA);
		}
	}

	/** A listed group. */
	public record SimGroup(SimContact primary, List<SimContact> duplicates, List<SimContact.SimChannel> matchedOn) {

		String smallestId() {
			String smallest = this.primary.id;
			for (SimContact duplicate : this.duplicates) {
				if (duplicate.id.compareTo(smallest) < 0) {
					smallest = duplicate.id;
				}
			}
			return smallest;
		}

		public List<SimContact> members() {
			List<SimContact> members = new ArrayList<>();
			members.add(this.primary);
			members.addAll(this.duplicates);
			return members;
		}

	}

}
