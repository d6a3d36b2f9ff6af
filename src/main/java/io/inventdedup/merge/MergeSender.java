package io.inventdedup.merge;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.inventdedup.audit.AuditRecord;
import io.inventdedup.audit.AuditStatus;
import io.inventdedup.invent.AmbiguousMergeException;
import io.inventdedup.invent.ApiBudgetUnavailableException;
import io.inventdedup.invent.InventApiException;
import io.inventdedup.invent.InventAuthenticationException;
import io.inventdedup.invent.InventClient;
import io.inventdedup.invent.InventUnavailableException;
import io.inventdedup.invent.MalformedAnswerException;
import io.inventdedup.invent.MergeResult;
import io.inventdedup.invent.NotSentException;
import io.inventdedup.policy.FollowUp;
import io.inventdedup.policy.MergePolicy;
import io.inventdedup.policy.Settlement;

/**
 * Sends one group's merge and says what became of it, in this order:
 * <ol>
 * <li>the sources go out in calls of at most 50, one call after another;</li>
 * <li>a call whose answer was lost is settled by looking its contacts up ({@link MergeSettler}):
 * applied, it counts as merged; not applied, its own failure stands; undecidable, the group is
 * UNSETTLED and no later call of it is sent;</li>
 * <li>once every call is confirmed, the planned follow-up update is sent, or left PENDING for the
 * follow-up step when the survivor's state is not known (a lost answer).</li>
 * </ol>
 * It never throws: a failure the run must stop for (a refused token, no permit from the API
 * budget, the unexpected) travels in the outcome, so that the groups already sent are still
 * recorded. A merge stopped for want of a permit stays PENDING (some of its calls may have been
 * applied): the next run sends it again as one that may have been; a merge confirmed whose
 * follow-up update got no permit is MERGED with its update PENDING, for the follow-up step.
 */
class MergeSender {

	private static final Logger log = LoggerFactory.getLogger(MergeSender.class);

	private final InventClient client;

	private final MergeSettler settler;

	private final FollowUpSender followUps;

	MergeSender(InventClient client, MergeSettler settler, FollowUpSender followUps) {
		this.client = client;
		this.settler = settler;
		this.followUps = followUps;
	}

	/**
	 * Sends the merge of a PENDING row.
	 * @param resumed true when an earlier execution may have sent it already (a crash)
	 * @param mayLeave asked right before the first call leaves, once its rate permit is taken: false
	 * when its listing has grown too old, and the merge is {@linkplain Outcome#unsent() not sent}
	 */
	Outcome send(AuditRecord row, boolean resumed, BooleanSupplier mayLeave) {
		List<String> merged = new ArrayList<>();
		List<String> leftOut = new ArrayList<>();
		FollowUp.SurvivorState survivor = null;
		try {
			for (int from = 0; from < row.plan().sourceIds().size(); from += MergePolicy.MAX_SOURCES_PER_CALL) {
				List<String> call = row.plan().sourceIds()
					.subList(from, Math.min(from + MergePolicy.MAX_SOURCES_PER_CALL, row.plan().sourceIds().size()));
				MergeResult result;
				try {
					// The bound holds the merge's first call: the later ones of a group of more than 51
					// carry on a merge that left in time.
					result = this.client.merge(row.plan().orgId(), row.plan().survivorId(), call, resumed,
							(from == 0) ? mayLeave : () -> true);
				}
				catch (AmbiguousMergeException lost) {
					Settlement settlement = this.settler.settle(row, call);
					if (settlement instanceof Settlement.Unknown unknown) {
						log.atWarn()
							.addKeyValue("orgId", row.plan().orgId())
							.addKeyValue("groupKey", row.plan().groupKey())
							.addKeyValue("survivor", row.plan().survivorId())
							.addKeyValue("detail", unknown.detail())
							.log("Cannot tell whether a merge whose answer was lost was applied: the group is UNSETTLED");
						return new Outcome(row.unsettled(merged, unknown.detail(), lost.getMessage()), null);
					}
					if (settlement instanceof Settlement.NotApplied) {
						throw lost.lastFailure();
					}
					log.atInfo()
						.addKeyValue("orgId", row.plan().orgId())
						.addKeyValue("survivor", row.plan().survivorId())
						.log("A merge whose answer was lost had been applied: its sources are gone and the survivor lives");
					result = new MergeResult(call, true, null);
				}
				if (!call.containsAll(result.mergedContactIds())) {
					merged.addAll(result.mergedContactIds());
					return new Outcome(row.completed(AuditStatus.FAILED, "unexpected-answer",
							merged, 200, "asked to merge " + call + ", the API answered that it merged "
									+ result.mergedContactIds()),
							null);
				}
				// Invent merges what it still has: a source deleted a moment before is left out of its answer.
				merged.addAll(result.mergedContactIds());
				List<String> answered = result.mergedContactIds();
				call.stream().filter((id) -> !answered.contains(id)).forEach(leftOut::add);
				survivor = (result.survivor() != null) ? result.survivor() : survivor;
			}
			if (merged.isEmpty()) {
				return new Outcome(row.completed(AuditStatus.FAILED, "unexpected-answer", merged, 200,
						"asked to merge " + row.plan().sourceIds() + ", the API answered that it merged none of them"), null);
			}
			AuditRecord done = leftOut.isEmpty() ? row.completed(AuditStatus.MERGED, null, merged, null, null)
					: row.completed(AuditStatus.MERGED, "some-sources-not-merged", merged, 200,
							notMerged(row, leftOut));
			if (row.plan().plannedUpdate() != null && survivor != null) {
				try {
					done = done.withFollowUp(this.followUps.send(done, survivor));
				}
				catch (ApiBudgetUnavailableException | InventAuthenticationException ex) {
					// The merge was applied: MERGED, its follow-up left PENDING for the resumed run to send.
					return new Outcome(done, ex);
				}
			}
			return new Outcome(done, null);
		}
		catch (NotSentException ex) {
			// Only the first call is held to the bound: nothing of the merge was sent.
			return Outcome.notSent(row);
		}
		catch (ApiBudgetUnavailableException ex) {
			log.atWarn()
				.addKeyValue("orgId", row.plan().orgId())
				.addKeyValue("groupKey", row.plan().groupKey())
				.log("No permit from the API budget: the merge stays PENDING for the next run");
			return new Outcome(row, ex);
		}
		catch (InventAuthenticationException ex) {
			return new Outcome(failed(row, merged, "unauthorized", null, ex.getMessage()), ex);
		}
		catch (InventApiException ex) {
			// Busy or down on every attempt (503 after the last retry) is the API unavailable, not a refusal.
			return new Outcome(failed(row, merged, ex.isTransient() ? "api-unavailable" : "merge-refused", ex.status(),
					ex.getMessage()), null);
		}
		catch (InventUnavailableException | MalformedAnswerException ex) {
			return new Outcome(failed(row, merged, "api-unavailable", null, ex.getMessage()), null);
		}
		catch (RuntimeException ex) {
			log.atError()
				.addKeyValue("orgId", row.plan().orgId())
				.addKeyValue("groupKey", row.plan().groupKey())
				.addKeyValue("survivor", row.plan().survivorId())
				.log("Cannot tell what became of a merge; its audit row stays PENDING", ex);
			return new Outcome(row, ex);
		}
	}

	/** What became of the sources Invent left out of its answer, each looked up. */
	private String notMerged(AuditRecord row, List<String> leftOut) {
		List<String> said = new ArrayList<>();
		this.settler.sight(row, leftOut).forEach((id, sighting) -> said.add(id + " " + switch (sighting.presence()) {
			case GONE -> "is gone (deleted in Invent, or merged elsewhere: " + sighting.how() + ")";
			case FOUND -> "is still there (" + sighting.how() + "): a later run merges it if it is still listed";
			case UNKNOWN -> "could not be looked up (" + sighting.how() + ")";
		}));
		log.atWarn()
			.addKeyValue("orgId", row.plan().orgId())
			.addKeyValue("groupKey", row.plan().groupKey())
			.addKeyValue("notMerged", leftOut)
			.log("Invent merged fewer sources than asked");
		return "Invent merged " + (row.plan().sourceIds().size() - leftOut.size()) + " of the " + row.plan().sourceIds().size()
				+ " sources: " + String.join("; ", said);
	}

	/** A failed row: {@code reason}, or {@code partially-merged} when earlier calls were applied. */
	static AuditRecord failed(AuditRecord row, List<String> merged, String reason, @Nullable Integer status,
			@Nullable String error) {
		return row.completed(AuditStatus.FAILED, merged.isEmpty() ? reason : "partially-merged",
				merged, status, error);
	}

	/**
	 * What became of a group's merge.
	 *
	 * @param row its audit row, as it is to be recorded
	 * @param fatal a failure the run must stop for, or null
	 * @param unsent whether nothing of it was sent (its PENDING row is to go)
	 */
	record Outcome(AuditRecord row, @Nullable RuntimeException fatal, boolean unsent) {

		Outcome(AuditRecord row, @Nullable RuntimeException fatal) {
			this(row, fatal, false);
		}

		/** A merge none of whose calls left: its listing grew too old while it waited for its permit. */
		static Outcome notSent(AuditRecord row) {
			return new Outcome(row, null, true);
		}

	}

}
