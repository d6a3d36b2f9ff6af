package io.inventdedup.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * What the policy decided for one group: merge its sources into a survivor, or leave it alone.
 */
public sealed interface MergePlan {

	/** The contacts the policy keeps out of any merge, with why. */
	List<Exclusion> excluded();

	/**
	 * Merge {@code sources} into {@code survivorId}.
	 *
	 * @param survivorId the contact that stays
	 * @param sources the contacts merged into it, best survivor candidate first; never empty
	 * @param excluded the contacts left alone
	 * @param followUp what the survivor must carry from its sources after the merge
	 */
	record Merge(String survivorId, List<String> sources, List<Exclusion> excluded,
			FollowUp followUp) implements MergePlan {

		/** A merge with nothing to carry. */
		public Merge(String survivorId, List<String> sources, List<Exclusion> excluded) {
			this(survivorId, sources, excluded, FollowUp.NONE);
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

	}

}
