package io.inventdedup.audit;

import java.util.Map;

/**
 * The counts of one run, read from its audit rows.
 *
 * @param jobInstanceId the run
 * @param groups groups recorded
 * @param planned groups a dry run would merge
 * @param merged groups merged
 * @param skipped groups left alone
 * @param failed groups whose merge failed
 * @param pending groups whose outcome is not known yet
 * @param unsettled groups whose merge's answer was lost and could not be settled
 * @param contactsMergedAway contacts merged into a survivor
 * @param reasons how many SKIPPED and FAILED rows carry each reason
 * @param followUpsSent follow-up updates sent
 * @param followUpsDue follow-up updates failed or not sent yet
 * @param needsReview groups waiting for a person (their names disagree)
 */
public record RunSummary(long jobInstanceId, long groups, long planned, long merged, long skipped, long failed,
		long pending, long unsettled, long contactsMergedAway, Map<String, Long> reasons, long followUpsSent, long followUpsDue,
		long needsReview) {
}
