package io.inventdedup.merge;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import io.inventdedup.audit.AuditRecord;
import io.inventdedup.audit.AuditRepository;
import io.inventdedup.audit.UnlistedGroups;
import io.inventdedup.collect.CurrentListing;
import io.inventdedup.collect.DatabaseClock;
import io.inventdedup.collect.ListingWindows;
import io.inventdedup.collect.StagedGroup;
import io.inventdedup.collect.StagedGroups;
import io.inventdedup.decision.DecisionRepository;
import io.inventdedup.invent.ContactLocator;
import io.inventdedup.invent.InventApiProperties;
import io.inventdedup.invent.InventClient;
import io.inventdedup.policy.MergePlanner;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The merge step: the run's snapshot, read by key; the policy applied to each group; the merges
 * sent and audited.
 */
@Configuration(proxyBeanMethods = false)
public class MergeStepConfiguration {

	/**
	 * Groups per chunk: large enough that the pause between two chunks costs little throughput,
	 * small enough that a stop asked for between chunks lands within seconds (100 merges take 12 s
	 * at 500 requests a minute).
	 */
	static final int CHUNK_SIZE = 100;

	/** How many unsettled merges a failed run's message names. */
	private static final int UNSETTLED_LISTED = 20;

	/** The merge step's exit status when the run reads another window of the listing before it ends. */
	public static final String RELIST = "RELIST";

	/**
	 * The merge step. It runs once for each window of the listing: once a window's groups are handled,
	 * or it grows older than {@code dedup.merge.max-listing-age}, it ends with the exit status
	 * {@value #RELIST}, the job reads the next window, and it runs again on it (the groups it handled
	 * already are never handled twice: the writer skips them); it completes once the run has looked
	 * at every group listed.
	 */
	@Bean
	Step mergeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			FreshListingReader stagedGroupReader, MergePlanProcessor mergePlanProcessor,
			MergeWriter mergeWriter,
			@Qualifier("listingFreshnessListener") StepExecutionListener listingFreshnessListener) {
		return new StepBuilder("merge", jobRepository).<StagedGroup, PlannedGroup>chunk(CHUNK_SIZE)
			.transactionManager(transactionManager)
			.reader(stagedGroupReader)
			.processor(mergePlanProcessor)
			.writer(mergeWriter)
			.listener(listingFreshnessListener)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	@StepScope
	FreshListingReader stagedGroupReader(StagedGroups stagedGroups, ListingFreshness listingFreshness,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) {
		int listing = stagedGroups.latestListing(jobInstanceId).map(CurrentListing::number).orElse(1);
		return new FreshListingReader(stagedGroups.reader(jobInstanceId, listing, CHUNK_SIZE), listingFreshness);
	}

	/**
	 * Not proxied: the merges are sent on threads of their own, where no step scope is active; the
	 * reader and the writer, created inside the step, share this one, and the step calls its listener
	 * methods through {@link #listingFreshnessListener}.
	 */
	@Bean
	@Scope(scopeName = "step", proxyMode = ScopedProxyMode.NO)
	ListingFreshness listingFreshness(StagedGroups stagedGroups, ListingWindows listingWindows, MergeRun mergeRun,
			MergeProperties mergeProperties, InventApiProperties inventApiProperties, DatabaseClock databaseClock) {
		return new ListingFreshness(stagedGroups, listingWindows, mergeRun,
				mergeProperties.maxListingAge(), inventApiProperties.rateLimitPerMinute(), databaseClock);
	}

	/** The step's one {@link ListingFreshness}, registered as the merge step's listener through a step-scoped proxy. */
	@Bean
	@StepScope
	StepExecutionListener listingFreshnessListener(ListingFreshness listingFreshness) {
		return listingFreshness;
	}

	@Bean
	@StepScope
	MergePlanProcessor mergePlanProcessor(MergeRun mergeRun, DecisionRepository reviewRepository,
			AuditRepository auditRepository, FollowUpSender followUpSender, StagedGroups stagedGroups,
			JobRepository jobRepository,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) {
		ReviewGate gate = ReviewGate.open();
		Long plan = mergeRun.plan();
		if (plan != null) {
			long planInstanceId = planInstance(jobRepository, plan);
			gate = ReviewGate.of(planInstanceId, auditRepository, reviewRepository.rejections(planInstanceId),
					followUpSender);
		}
		ReviewQueue queue = new ReviewQueue(reviewRepository, followUpSender, mergeRun.orgId(),
				mergeRun.approvalsFor(), new MergePlanner(mergeRun.policy().withCheckNames(false)));
		return new MergePlanProcessor(new MergePlanner(mergeRun.policy()), reviewRepository,
				mergeRun.orgId(), queue, gate,
				mergeRun.dryRun() ? (groupKey, members) -> AuditRepository.EarlierMerges.NONE
						: (groupKey, members) -> auditRepository.earlierMerges(jobInstanceId, groupKey, members));
	}

	/** In an apply run, records the planned groups no longer listed, so that every one is accounted for. */
	@Bean
	Step noLongerListedStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			NoLongerListedTasklet noLongerListedTasklet, AuditRepository auditRepository) {
		return new StepBuilder("noLongerListed", jobRepository).tasklet(noLongerListedTasklet, transactionManager)
			.listener(new AuditStatistics(auditRepository))
			.build();
	}

	@Bean
	@StepScope
	NoLongerListedTasklet noLongerListedTasklet(UnlistedGroups unlistedGroups, JobRepository jobRepository,
			MergeRun mergeRun) {
		return new NoLongerListedTasklet(unlistedGroups, jobRepository, mergeRun.plan());
	}

	@Bean
	@StepScope
	MergeWriter mergeWriter(MergeSender mergeSender, AuditRepository auditRepository,
			PlatformTransactionManager transactionManager, MergeRun mergeRun, MergeProperties mergeProperties,
			FollowUpSender followUpSender, MeterRegistry meterRegistry, ListingFreshness listingFreshness,
			OrgLeases orgLeases, DecisionRepository decisionRepository) {
		return new MergeWriter(mergeSender, auditRepository, ownTransaction(transactionManager), mergeRun,
				mergeProperties, followUpSender, meterRegistry, listingFreshness, orgLeases,
				new StandingDecisions(auditRepository, decisionRepository));
	}

	/**
	 * Sends what the policy carries to survivors after their merge (opt-outs, names) that is still
	 * due, one update a chunk, so that a stop asked for lands between two and the step's counts say
	 * how many were sent. It runs on every execution of a run, even after it completed once: an
	 * update comes due when an operator settles a merge by hand, and the run then resumes at the
	 * settle step, after this one. An update left unsent fails the run once every other was tried.
	 */
	@Bean
	Step followUpStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DueRowsReader followUpsDue, FollowUpProcessor followUpProcessor, AuditRepository auditRepository) {
		return closingStep("followUp", jobRepository, transactionManager, followUpsDue, followUpProcessor,
				auditRepository, true);
	}

	@Bean
	@StepScope
	DueRowsReader followUpsDue(AuditRepository auditRepository,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) {
		return new DueRowsReader(auditRepository::findFollowUpsDue, jobInstanceId,
				() -> failIfFollowUpsLeft(auditRepository, jobInstanceId));
	}

	@Bean
	@StepScope
	FollowUpProcessor followUpProcessor(FollowUpSender followUpSender,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
		return new FollowUpProcessor(followUpSender, jobExecutionId);
	}

	/**
	 * The last step: looks again at every merge of the run left UNSETTLED, one a chunk, each outcome
	 * committed on its own. It comes after the follow-up step, which runs again on every execution,
	 * so that updates due elsewhere are never held up by a merge waiting for an operator. One still
	 * undecidable fails the run once every other was looked at, naming them and the command that
	 * records what an operator found in Invent ({@code --settle}); the same command then completes
	 * the run. So does a follow-up update sent here that failed (the follow-up step of the next
	 * execution sends it).
	 */
	@Bean
	Step settleStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DueRowsReader unsettledMerges, SettleProcessor settleProcessor, AuditRepository auditRepository) {
		return closingStep("settle", jobRepository, transactionManager, unsettledMerges, settleProcessor,
				auditRepository, false);
	}

	/**
	 * A closing step: the due rows one a chunk (each outcome committed on its own, a stop lands
	 * between two), the processor's row of each written to the audit.
	 */
	private static Step closingStep(String name, JobRepository jobRepository,
			PlatformTransactionManager transactionManager, DueRowsReader due,
			ItemProcessor<AuditRecord, AuditRecord> processor, AuditRepository auditRepository,
			boolean everyExecution) {
		return new StepBuilder(name, jobRepository).<AuditRecord, AuditRecord>chunk(1)
			.transactionManager(transactionManager)
			.reader(due)
			.processor(processor)
			.writer((chunk) -> auditRepository.complete(List.copyOf(chunk.getItems())))
			.allowStartIfComplete(everyExecution)
			.build();
	}

	@Bean
	@StepScope
	DueRowsReader unsettledMerges(AuditRepository auditRepository,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
		return new DueRowsReader(auditRepository::findUnsettled, jobInstanceId, () -> {
			List<AuditRecord> unsettled = auditRepository.findUnsettled(jobInstanceId);
			if (!unsettled.isEmpty()) {
				throw new UnsettledMergesException(jobExecutionId, unsettled, UNSETTLED_LISTED);
			}
			failIfFollowUpsLeft(auditRepository, jobInstanceId);
		});
	}

	@Bean
	@StepScope
	SettleProcessor settleProcessor(MergeSettler mergeSettler, FollowUpSender followUpSender,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
		return new SettleProcessor(mergeSettler, followUpSender, jobExecutionId);
	}

	/** A follow-up update left unsent fails the run: the same command sends it. */
	private static void failIfFollowUpsLeft(AuditRepository auditRepository, long jobInstanceId) {
		long left = auditRepository.countFollowUpsDue(jobInstanceId);
		if (left > 0) {
			throw new IllegalStateException(left + " follow-up updates (opt-outs or names carried to survivors) "
					+ "could not be sent; see update_error in dedup_audit, then re-run the same command to send them");
		}
	}

	@Bean
	FollowUpSender followUpSender(InventClient inventClient, ContactLocator contactLocator, JsonMapper jsonMapper) {
		return new FollowUpSender(inventClient, contactLocator, jsonMapper);
	}

	@Bean
	MergeSettler mergeSettler(ContactLocator contactLocator) {
		return new MergeSettler(contactLocator);
	}

	@Bean
	MergeSender mergeSender(InventClient inventClient, MergeSettler mergeSettler, FollowUpSender followUpSender) {
		return new MergeSender(inventClient, mergeSettler, followUpSender);
	}

	/** Audit rows are committed on their own, whatever becomes of the step's transaction. */
	private static TransactionTemplate ownTransaction(PlatformTransactionManager transactionManager) {
		TransactionTemplate ownTransaction = new TransactionTemplate(transactionManager);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return ownTransaction;
	}

	/** The run (job instance) of a plan's job execution, which the launcher checked before the run began. */
	static long planInstance(JobRepository jobRepository, long planExecutionId) {
		JobExecution plan = jobRepository.getJobExecution(planExecutionId);
		if (plan == null) {
			throw new IllegalStateException("the plan's job execution " + planExecutionId + " is gone");
		}
		return plan.getJobInstanceId();
	}

}
