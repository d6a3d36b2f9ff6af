package io.inventdedup.policy;

/**
 * The cap of a run's merges ({@code maxMerges}): a run that merged, or would merge, as many groups
 * as the cap allows merges no more; every later group it would merge is skipped
 * {@code max-merges-reached}, with the merge it would have made, so that the next run takes it.
 * Groups a person must decide and groups skipped pass as they are: they merge nothing.
 */
public final class MergeCap {

	private MergeCap() {
	}

	/**
	 * The plan, or a skip when it is a merge and the run has reached its cap.
	 * @param maxMerges how many groups the run may merge at most, 0 for no cap
	 * @param mergesSoFar how many groups the run merged, is merging, or would merge already
	 */
	public static MergePlan apply(MergePlan plan, long maxMerges, long mergesSoFar) {
		if (maxMerges < 0 || mergesSoFar < 0) {
			throw new IllegalArgumentException("a cap and a count are never negative: maxMerges " + maxMerges
					+ ", merges so far " + mergesSoFar);
		}
		return plan.fold((merge) -> (maxMerges > 0 && mergesSoFar >= maxMerges)
				? new MergePlan.Skip(SkipReason.MAX_MERGES_REACHED, "this run already merged " + maxMerges
						+ " groups (maxMerges); would merge " + merge.sources() + " into " + merge.survivorId(),
						merge.excluded())
				: merge, (review) -> review, (skip) -> skip);
	}

}
