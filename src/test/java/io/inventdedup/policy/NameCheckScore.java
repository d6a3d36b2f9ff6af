package io.inventdedup.policy;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import io.inventdedup.policy.OrgGroup.Member;

/**
 * The figures of a planner's name check on groups whose truth is known (the multilingual org, the
 * hand-written convention cases): what it planned for each group, tallied by locale and by kind.
 * <ul>
 * <li>merges of two people: groups whose planned merge joins contacts of two people or more;</li>
 * <li>one person's records merged unattended: of the contacts of the one-person groups, the share
 * that a planned merge joins (a queued or skipped group merges none);</li>
 * <li>queued: groups left for a person ({@link MergePlan.Review} for any reason but
 * {@link SkipReason#NAMES_DIFFER});</li>
 * <li>skipped: groups left alone ({@link MergePlan.Skip}, or a review skipped as names-differ).</li>
 * </ul>
 */
final class NameCheckScore {

	/** How many wrong merges {@link #print} lists. */
	static final int WRONG_SHOWN = 30;

	private final Tally all = new Tally();

	private final Map<String, Tally> byLocale = new TreeMap<>();

	private final Map<String, Tally> byKind = new TreeMap<>();

	private final Map<String, Tally> nativeByLocale = new TreeMap<>();

	private final List<String> wrong = new ArrayList<>();

	/** How many wrong merges each locale and kind has so far: the listing shows each pair's first ones first. */
	private final Map<String, Integer> wrongRanks = new HashMap<>();

	private final List<Integer> wrongRank = new ArrayList<>();

	private NameCheckScore() {
	}

	/** The figures of the planner on the groups. */
	static NameCheckScore of(List<OrgGroup> groups, MergePlanner planner) {
		NameCheckScore score = new NameCheckScore();
		for (OrgGroup group : groups) {
			score.add(group, planner.plan(group.listed()));
		}
		return score;
	}

	private void add(OrgGroup group, MergePlan plan) {
		Outcome outcome = Outcome.of(group, plan);
		this.all.add(group, outcome);
		this.byLocale.computeIfAbsent(group.locale(), (locale) -> new Tally()).add(group, outcome);
		this.byKind.computeIfAbsent(group.kind(), (kind) -> new Tally()).add(group, outcome);
		if (group.kind().equals(MultilingualOrg.NATIVE)) {
			this.nativeByLocale.computeIfAbsent(group.locale(), (locale) -> new Tally()).add(group, outcome);
		}
		if (outcome.joinsPeople()) {
			this.wrong.add(group.locale() + ", " + group.kind() + ": " + describe(group) + " -> merged "
					+ outcome.merged().stream().map(names(group)).toList());
			this.wrongRank.add(this.wrongRanks.merge(group.locale() + "\t" + group.kind(), 1, Integer::sum));
		}
	}

	/** All the groups' figures. */
	Tally all() {
		return this.all;
	}

	/** The figures of the groups of one kind (an empty tally where there is none). */
	Tally kind(String kind) {
		return this.byKind.getOrDefault(kind, new Tally());
	}

	/** The planned merges that join two people or more, each with the group's names and truth. */
	List<String> wrong() {
		return List.copyOf(this.wrong);
	}

	/**
	 * The tables by locale, by kind, and of the native names beside their romanised forms by
	 * locale, the overall figures, and {@value #WRONG_SHOWN} wrong merges (each locale and kind's
	 * first before any second).
	 */
	void print(String title, PrintStream out) {
		out.println(title + ":");
		table("locale", this.byLocale, out);
		table("kind", this.byKind, out);
		if (!this.nativeByLocale.isEmpty()) {
			table(MultilingualOrg.NATIVE + ", by locale", this.nativeByLocale, out);
		}
		out.printf(Locale.ROOT, "  overall: %d groups; merges of two people %d; one person's records merged unattended "
				+ "%s; native beside romanised merged %s; queued %d (%.1f%% of all groups); skipped %d%n",
				this.all.groups, this.all.wrongMerges, this.all.onePersonFigure(),
				kind(MultilingualOrg.NATIVE).onePersonFigure(), this.all.queued, 100.0 * this.all.queuedShare(),
				this.all.skipped);
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < this.wrong.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparing(this.wrongRank::get));
		order.stream()
			.limit(WRONG_SHOWN)
			.forEach((i) -> out.println("  merges two people: " + this.wrong.get(i)));
		if (this.wrong.size() > WRONG_SHOWN) {
			out.println("  ... and " + (this.wrong.size() - WRONG_SHOWN) + " more");
		}
		out.println();
	}

	private static void table(String by, Map<String, Tally> rows, PrintStream out) {
		out.printf(Locale.ROOT, "  %-34s %6s %10s %26s %7s %7s%n", by, "groups", "two merged", "one person merged",
				"queued", "skipped");
		rows.forEach((row, tally) -> out.printf(Locale.ROOT, "  %-34s %6d %10d %26s %7d %7d%n", row, tally.groups,
				tally.wrongMerges, tally.onePersonFigure(), tally.queued, tally.skipped));
	}

	private static String describe(OrgGroup group) {
		List<String> members = new ArrayList<>();
		for (Member member : group.members()) {
			members.add(member.name() + " (" + member.person() + ")");
		}
		return String.join(" / ", members);
	}

	private static Function<String, String> names(OrgGroup group) {
		Map<String, String> names = new HashMap<>();
		group.members().forEach((member) -> names.put(member.id(), member.name()));
		return names::get;
	}

	/** What a plan did with a group: the contacts merged together (none unless a merge), queued or skipped. */
	private record Outcome(Set<String> merged, boolean joinsPeople, boolean queued, boolean skipped) {

		static Outcome of(OrgGroup group, MergePlan plan) {
			if (plan instanceof MergePlan.Merge merge) {
				Set<String> merged = new HashSet<>(merge.sources());
				merged.add(merge.survivorId());
				Map<String, String> person = new HashMap<>();
				group.members().forEach((member) -> person.put(member.id(), member.person()));
				boolean joinsPeople = merged.stream().map(person::get).distinct().count() > 1;
				return new Outcome(merged, joinsPeople, false, false);
			}
			boolean queued = plan instanceof MergePlan.Review review && review.reason() != SkipReason.NAMES_DIFFER;
			return new Outcome(Set.of(), false, queued, !queued);
		}

	}

	/** The figures of some groups. */
	static final class Tally {

		private long groups;

		private long wrongMerges;

		private long onePersonContacts;

		private long onePersonMerged;

		private long queued;

		private long skipped;

		private void add(OrgGroup group, Outcome outcome) {
			this.groups++;
			this.wrongMerges += outcome.joinsPeople() ? 1 : 0;
			this.queued += outcome.queued() ? 1 : 0;
			this.skipped += outcome.skipped() ? 1 : 0;
			if (group.onePerson()) {
				this.onePersonContacts += group.members().size();
				this.onePersonMerged += outcome.merged().size();
			}
		}

		long groups() {
			return this.groups;
		}

		long wrongMerges() {
			return this.wrongMerges;
		}

		long queued() {
			return this.queued;
		}

		/** Of the one-person groups' contacts, the share merged unattended; 1 where there is none. */
		double onePersonMergedShare() {
			return (this.onePersonContacts == 0) ? 1 : (double) this.onePersonMerged / this.onePersonContacts;
		}

		double queuedShare() {
			return (this.groups == 0) ? 0 : (double) this.queued / this.groups;
		}

		String onePersonFigure() {
			if (this.onePersonContacts == 0) {
				return "-";
			}
			return String.format(Locale.ROOT, "%d of %d (%.1f%%)", this.onePersonMerged, this.onePersonContacts,
					100.0 * onePersonMergedShare());
		}

	}

}
