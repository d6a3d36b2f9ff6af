package io.inventdedup.merge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import io.inventdedup.audit.AuditRecord;
import io.inventdedup.audit.AuditRepository;
import io.inventdedup.audit.AuditStatus;
import io.inventdedup.policy.MergeCap;
import io.inventdedup.policy.MergePlan;
import io.inventdedup.policy.SkipReason;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out the plans of a chunk and records them. The order matters and is the point of this
 * class:
 * <ol>
 * <li>groups this run already recorded as final (a chunk written again after a failure) are left
 * alone, but for merges that failed, nothing applied, for a cause the run stopped for and that may
 * be fixed now (a refused token, the API unreachable): those are planned and sent again; a PENDING
 * row left by a crash is sent again, as a merge that may have been applied;</li>
 * <li>every row is written and <em>committed</em> (its own transaction) before any merge is sent:
 * a merge the API applies is never left without a PENDING row;</li>
 * <li>the merges go out concurrently, each group's calls one after another ({@link MergeSender});</li>
 * <li>each outcome is committed as soon as its group's calls are done; a merge that planned a
 * follow-up update (an opt-out, a name carried to the survivor) sends it right after the merge,
 * or leaves it PENDING for the follow-up step when the merge's answer was lost;</li>
 * <li>no merge is sent on a listing older than {@code dedup.merge.max-listing-age}
 * ({@link ListingFreshness}): a chunk written after that records nothing, a merge whose turn comes
 * after that is not sent and its PENDING row goes; the groups are planned again from a fresh
 * listing.</li>
 * </ol>
 * A merge whose answer was lost and that cannot be settled is UNSETTLED, and the run goes on: the
 * settle step deals with it. A refused token, no permit from the API budget (its database lost),
 * the unexpected, or failures (UNSETTLED included) past {@code dedup.merge.max-failure-share} of
 * the merges this execution tried stop the run; the first of the three stops the chunk's sending
 * at once, leaving the merges not started PENDING for the resume. A run that no longer holds its
 * org's lease ({@link OrgLease}) records no PENDING row and sends no merge more.
 */
class MergeWriter implements ItemWriter<PlannedGroup>, StepExecutionListener {

	private final MergeSender sender;

	private final AuditRepository audit;

	private final TransactionTemplate ownTransaction;

	private final MergeRun run;

	private final MergeProperties properties;

	private final FollowUpSender followUps;

	private final MeterRegistry meters;

	private final ListingFreshness freshness;

	private final OrgLeases leases;

	private final StandingDecisions standing;

	private @Nullable OrgLease lease;

	/**
	 * The threads the merges of a chunk are sent on, as many as {@code invent.api.concurrency}: their own,
	 * as each blocks on calls whose permits wait on Reactor's shared {@code boundedElastic} scheduler
	 * (sixteen merges in flight on two cores took its every thread and waited for ever for their permits).
	 */
	private Scheduler senders;

	private long jobInstanceId;

	private long jobExecutionId;

	private long mergesCounted;

	private long tried;

	private long failed;

	MergeWriter(MergeSender sender, AuditRepository audit, TransactionTemplate ownTransaction, MergeRun run,
			MergeProperties properties, FollowUpSender followUps, MeterRegistry meters, ListingFreshness freshness,
			OrgLeases leases, StandingDecisions standing) {
		this.sender = sender;
		this.audit = audit;
		this.ownTransaction = ownTransaction;
		this.run = run;
		this.properties = properties;
		this.followUps = followUps;
		this.meters = meters;
		this.freshness = freshness;
		this.leases = leases;
		this.standing = standing;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.senders = Schedulers.newBoundedElastic(this.run.concurrency(), Integer.MAX_VALUE, "invent-dedup-send");
		this.jobInstanceId = stepExecution.getJobExecution().getJobInstanceId();
		this.jobExecutionId = stepExecution.getJobExecutionId();
		this.mergesCounted = this.audit.countMerges(this.jobInstanceId);
		this.tried = 0;
		this.failed = 0;
		this.lease = this.run.dryRun() ? null : this.leases.held(this.run.orgId());
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		if (this.senders != null) {
			this.senders.dispose();
		}
		if (this.lease != null && !stepExecution.getFailureExceptions().isEmpty()) {
			this.lease.takenOver().ifPresent(stepExecution::addFailureException);
		}
		return null;
	}

	@Override
	public void write(Chunk<? extends PlannedGroup> chunk) {
		if (this.freshness.tooOld()) {
			return;
		}
		Set<String> keys = new HashSet<>();
		chunk.forEach((planned) -> keys.add(planned.group().groupKey()));
		Map<String, AuditRecord> recorded = this.audit.findByGroupKeys(this.jobInstanceId, keys);
		List<AuditRecord> rows = new ArrayList<>();
		List<Sending> sendings = new ArrayList<>();
		Map<String, PlannedGroup> decided = new HashMap<>();
		for (PlannedGroup planned : chunk) {
			AuditRecord prior = recorded.get(planned.group().groupKey());
			if (prior != null && prior.retriedOnResume()) {
				// Failed for a cause now perhaps fixed (a new token, the API back): planned and sent again.
				prior = null;
			}
			if (prior != null && prior.outcome().status().isFinal()) {
				continue;
			}
			AuditRecord row = (prior != null) ? prior.resumedBy(this.jobExecutionId) : decide(planned);
			rows.add(row);
			if (row.outcome().status() == AuditStatus.PENDING) {
				sendings.add(new Sending(row, prior != null));
				if (prior == null && !planned.decided().isEmpty()) {
					decided.put(planned.group().groupKey(), planned);
				}
			}
		}
		this.ownTransaction.executeWithoutResult((tx) -> {
			if (this.lease != null && !sendings.isEmpty()) {
				// The PENDING rows are recorded only while this run holds the org (its lease's token).
				this.lease.fence();
			}
			withdraw(decided, rows, sendings);
			this.audit.save(rows);
		});
		if (rows.stream().anyMatch((row) -> row.outcome().status() != AuditStatus.PENDING)) {
			this.freshness.progressed();
		}
		rows.stream().filter((row) -> row.outcome().status() != AuditStatus.PENDING).forEach(this::count);
		if (sendings.isEmpty()) {
			return;
		}
		AtomicReference<RuntimeException> stop = new AtomicReference<>();
		List<AuditRecord> unsent = new CopyOnWriteArrayList<>();
		List<MergeSender.Outcome> outcomes = Flux.fromIterable(sendings)
			.flatMapSequential((sending) -> Mono.fromCallable(() -> send(sending, stop, unsent))
				.subscribeOn(this.senders), this.run.concurrency())
			.collectList()
			.block(Duration.ofHours(1));
		if (!unsent.isEmpty()) {
			this.ownTransaction.executeWithoutResult((tx) -> this.audit.forgetUnsent(unsent));
			this.mergesCounted -= unsent.size();
		}
		RuntimeException fatal = null;
		for (MergeSender.Outcome outcome : outcomes) {
			AuditStatus status = outcome.row().outcome().status();
			count(outcome.row());
			if (status.isFinal()) {
				this.tried++;
				this.failed += (status == AuditStatus.FAILED || status == AuditStatus.UNSETTLED) ? 1 : 0;
			}
			if (status == AuditStatus.FAILED) {
				this.mergesCounted--;
			}
			if (fatal == null && outcome.fatal() != null) {
				fatal = outcome.fatal();
			}
		}
		if (fatal == null) {
			// A stop that no outcome carries: the lease lost before a merge was sent.
			fatal = stop.get();
		}
		if (fatal != null) {
			throw fatal;
		}
		checkFailureShare();
	}

	/**
	 * Sends one group's merge and records its outcome at once (each group counts as its row is
	 * written), unless
	 * <ul>
	 * <li>a failure the run stops for (a refused token, a lost database) came first: from then on no
	 * merge of the chunk is started, and those not sent stay PENDING;</li>
	 * <li>its listing grew older than {@code dedup.merge.max-listing-age} before it could leave (checked
	 * before it waits for its rate permit, and again once it has it, right before it is sent): the
	 * merge is not sent, its PENDING row goes ({@code unsent}), and the group is planned again from
	 * the next window. A merge sent before a crash is sent again whatever the listing's age: it may
	 * have been applied.</li>
	 * </ul>
	 * Null: no outcome, the group is left out of the chunk's outcomes.
	 */
	private MergeSender.@Nullable Outcome send(Sending sending, AtomicReference<RuntimeException> stop,
			List<AuditRecord> unsent) {
		if (stop.get() != null) {
			return null;
		}
		if (!sending.resumed() && (this.freshness.stale() || this.freshness.tooOld())) {
			unsent.add(sending.row());
			return null;
		}
		if (this.lease != null) {
			try {
				this.lease.checkMaySend();
			}
			catch (LeaseLostException ex) {
				// Not sent, and not to be: another run may hold the org now.
				stop.compareAndSet(null, ex);
				unsent.add(sending.row());
				return null;
			}
		}
		// The bound is checked again once the merge's permit is taken, right before it leaves.
		MergeSender.Outcome outcome = this.sender.send(sending.row(), sending.resumed(),
				sending.resumed() ? () -> true : this.freshness::maySend);
		if (outcome.unsent()) {
			unsent.add(sending.row());
			return null;
		}
		this.freshness.progressed();
		this.ownTransaction.executeWithoutResult((tx) -> this.audit.complete(List.of(outcome.row())));
		if (outcome.fatal() != null) {
			stop.compareAndSet(null, outcome.fatal());
		}
		return outcome;
	}

	/**
	 * Judged per execution, so that a run stopped for its failures can be resumed once their cause
	 * is fixed: its old failures stay in the audit but do not count against the resumed execution.
	 */
	private void checkFailureShare() {
		if (this.tried >= this.properties.minTried() && this.failed > this.properties.maxFailureShare() * this.tried) {
			throw new FailureShareExceededException(this.run.orgId(), this.failed, this.tried,
					this.properties.maxFailureShare());
		}
	}

	/** {@code invent_dedup_groups_total{outcome, reason}} and {@code invent_dedup_follow_ups_total{status}}. */
	private void count(AuditRecord row) {
		this.meters.counter("invent.dedup.groups", "outcome", row.outcome().status().name().toLowerCase(Locale.ROOT), "reason",
				(row.outcome().reason() != null) ? row.outcome().reason() : "none").increment();
		if (row.outcome().followUp() != null) {
			String status = row.outcome().followUp().status().name().toLowerCase(Locale.ROOT);
			this.meters.counter("invent.dedup.follow.ups", "status", status).increment();
		}
	}

	private AuditRecord decide(PlannedGroup planned) {
		MergePlan plan = MergeCap.apply(planned.plan(), this.run.maxMerges(), this.mergesCounted);
		return plan.fold((merge) -> {
			this.mergesCounted++;
			String plannedUpdate = this.followUps.plannedUpdate(merge.followUp());
			AuditRecord.FollowUpRecord followUp = (plannedUpdate != null && !this.run.dryRun())
					? AuditRecord.FollowUpRecord.PENDING : null;
			return row(planned, this.run.dryRun() ? AuditStatus.PLANNED : AuditStatus.PENDING, null,
					merge.survivorId(), merge.sources(), merge, merge.detail(), plannedUpdate, followUp);
		}, (review) -> {
			MergePlan.Merge proposed = review.proposed();
			// Names that say different people: left alone, not queued; the proposal stays on the row.
			AuditStatus status = (review.reason() == SkipReason.NAMES_DIFFER) ? AuditStatus.SKIPPED
					: AuditStatus.NEEDS_REVIEW;
			return row(planned, status, review.reason().code(), proposed.survivorId(), proposed.sources(), review,
					review.detail(), this.followUps.plannedUpdate(proposed.followUp()), null);
		}, (skip) -> row(planned, AuditStatus.SKIPPED, skip.reason().code(), null, List.of(), skip, skip.detail(),
				null, null));
	}

	/**
	 * Reads again, under the decided groups' lock, the decisions that these merges carry out, and
	 * plans each merge whose decision no longer stands as it would be without it (waiting for a
	 * person again, or rejected): recorded so, and not sent.
	 */
	private void withdraw(Map<String, PlannedGroup> decided, List<AuditRecord> rows, List<Sending> sendings) {
		if (decided.isEmpty()) {
			return;
		}
		Map<String, List<PlannedGroup.Decided>> decisions = new HashMap<>();
		decided.forEach((key, planned) -> decisions.put(key, planned.decided()));
		Map<String, PlannedGroup.Decided> withdrawn = this.standing.withdrawn(decisions);
		if (withdrawn.isEmpty()) {
			return;
		}
		sendings.removeIf((sending) -> withdrawn.containsKey(sending.row().plan().groupKey()));
		for (int i = 0; i < rows.size(); i++) {
			PlannedGroup planned = decided.get(rows.get(i).plan().groupKey());
			if (planned != null && withdrawn.containsKey(planned.group().groupKey())) {
				this.mergesCounted--;
				rows.set(i, decide(new PlannedGroup(planned.group(), withdrawn.get(planned.group().groupKey()).otherwise())));
			}
		}
	}

	private AuditRecord row(PlannedGroup planned, AuditStatus status, @Nullable String reason,
			@Nullable String survivorId, List<String> sources, MergePlan plan, @Nullable String detail,
			@Nullable String plannedUpdate, AuditRecord.@Nullable FollowUpRecord followUp) {
		return new AuditRecord(
				new AuditRecord.Plan(this.jobInstanceId, this.run.orgId(), planned.group().groupKey(), this.run.dryRun(),
						survivorId, sources, plan.excluded(), planned.group().listedGroup(), this.run.policyJson(),
						plannedUpdate, (!planned.decided().isEmpty() && status == AuditStatus.PENDING)
								? new AuditRecord.DecidedGroup(planned.decided().get(0).run(), planned.decided().get(0).groupKey())
								: null),
				AuditRecord.Outcome.planned(this.jobExecutionId, status, reason, detail, followUp));
	}

	private record Sending(AuditRecord row, boolean resumed) {
	}

}
