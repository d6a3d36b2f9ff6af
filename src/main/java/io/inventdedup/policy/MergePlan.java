package io.inventdedup.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * What the policy decided for one group: merge its sources into a survivor, leave it alone, or let
 * a person decide.
 */
public sealed interface MergePlan {

	/** The contacts the policy keeps out of any merge, with why. */
	List<Exclusion> excluded();

	/**
	 * The value of the function of this plan's case: one function per case, so that a caller cannot
	 * forget one, and a new case does not compile until every caller handles it (Java 17, the target,
	 * has no exhaustive {@code switch} over a sealed type).
	 */
	<T> T fold(Function<? super Merge, ? extends T> onMerge, Function<? super Review, ? extends T> onReview,
			Function<? super Skip, ? extends T> onSkip);

	/**
	 * Merge {@code sources} into {@code survivorId}.
	 *
	 * @param survivorId the contact that stays
	 * @param sources the contacts merged into it, best survivor candidate first; never empty
	 * @param excluded the contacts left alone
	 * @param followUp what the survivor must carry from its sources after the merge
	 * @param detail what an operator should know of the decision (the names of a group merged only
	 * in part because they disagree), or null
	 */
	record Merge(String survivorId, List<String> sources, List<Exclusion> excluded, FollowUp followUp,
			@Nullable String detail) implements MergePlan {

		/** A merge with nothing to carry. */
		public Merge(String survivorId, List<String> sources, List<Exclusion> excluded) {
			this(survivorId, sources, excluded, FollowUp.NONE, null);
		}

		/** A merge with nothing to say. */
		public Merge(String survivorId, List<String> sources, List<Exclusion> excluded, FollowUp followUp) {
			this(survivorId, sources, excluded, followUp, null);
		}

		public Merge {
			sources = List.copyOf(sources);
			excluded = List.copyOf(excluded);
			if (sources.isEmpty()) {
				throw new IllegalArgumentException("a merge needs at least one source");
			}
			if (sources.contains(survivorId)) {
				throw new IllegalArgumentException("the survivor " + survivorId + " cannot be one of its sources");
			}
		}

		/** Whether the other merges the same contacts into the same survivor, with the same follow-up. */
		public boolean sameAs(Merge other) {
			return this.survivorId.equals(other.survivorId) && this.sources.equals(other.sources)
					&& this.excluded.equals(other.excluded) && this.followUp.equals(other.followUp);
		}

		/** The same merge, with this detail. */
		@Override
		public <T> T fold(Function<? super Merge, ? extends T> onMerge,
				Function<? super Review, ? extends T> onReview, Function<? super Skip, ? extends T> onSkip) {
			return onMerge.apply(this);
		}

		public Merge withDetail(@Nullable String detail) {
			return new Merge(this.survivorId, this.sources, this.excluded, this.followUp, detail);
		}

		/** The sources cut into the calls the merge endpoint accepts: at most 50 ids each. */
		public List<List<String>> calls() {
			List<List<String>> calls = new ArrayList<>();
			for (int from = 0; from < this.sources.size(); from += MergePolicy.MAX_SOURCES_PER_CALL) {
				calls.add(this.sources.subList(from,
						Math.min(from + MergePolicy.MAX_SOURCES_PER_CALL, this.sources.size())));
			}
			return calls;
		}

	}

	/**
	 * Leave the group as it is.
	 *
	 * @param reason why
	 * @param detail what an operator needs to understand the reason
	 * @param excluded the contacts the policy keeps out of any merge
	 */
	record Skip(SkipReason reason, String detail, List<Exclusion> excluded) implements MergePlan {

		public Skip {
			excluded = List.copyOf(excluded);
		}

		@Override
		public <T> T fold(Function<? super Merge, ? extends T> onMerge,
				Function<? super Review, ? extends T> onReview, Function<? super Skip, ? extends T> onSkip) {
			return onSkip.apply(this);
		}

	}

	/**
	 * Merge nothing until a person approves {@code proposed}: the group is doubtful (its names
	 * disagree), and a merge cannot be undone.
	 *
	 * @param proposed the merge a person approves or rejects, by the policy's survivor rule
	 * @param reason why a person must decide ({@code names-disagree}, {@code changed-since-review})
	 * @param detail what the person needs to decide: the names, or what changed
	 */
	record Review(Merge proposed, SkipReason reason, String detail) implements MergePlan {

		@Override
		public List<Exclusion> excluded() {
			return this.proposed.excluded();
		}

		@Override
		public <T> T fold(Function<? super Merge, ? extends T> onMerge,
				Function<? super Review, ? extends T> onReview, Function<? super Skip, ? extends T> onSkip) {
			return onReview.apply(this);
		}

	}

}
