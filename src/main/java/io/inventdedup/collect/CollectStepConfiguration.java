package io.inventdedup.collect;

import java.time.Clock;

import javax.sql.DataSource;

import io.inventdedup.invent.InventClient;
import io.inventdedup.policy.ListingWindow;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The collect step: every duplicate group of the org, page after page, into a new listing of the
 * run's snapshot, then checked against the count the listing announced. It runs again, in the same
 * run, whenever the listing the merges act on grows older than {@code dedup.merge.max-listing-age}. A chunk is 100 groups; the pages are asked
 * for with {@code take=100}, the API's maximum, and may hold fewer.
 */
@Configuration(proxyBeanMethods = false)
public class CollectStepConfiguration {

	static final int TAKE = ListingWindow.TAKE;

	/** This process's clock; a test shifts it, as a pod's may be. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** The database's clock, which every age the job compares is measured on. */
	@Bean
	DatabaseClock databaseClock(DataSource dataSource, Clock clock) {
		return new DatabaseClock(dataSource, clock);
	}

	@Bean
	Step collectStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DuplicateGroupReader duplicateGroupReader, StagedGroupWriter stagedGroupWriter, ListingCheck listingCheck) {
		return new StepBuilder("collect", jobRepository).<ListedGroup, ListedGroup>chunk(TAKE)
			.transactionManager(transactionManager)
			.reader(duplicateGroupReader)
			.writer(stagedGroupWriter)
			.listener(listingCheck)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	@StepScope
	DuplicateGroupReader duplicateGroupReader(InventClient inventClient, CollectRun collectRun,
			StagedGroups stagedGroups, @Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) {
		return new DuplicateGroupReader(inventClient, collectRun.orgId(), TAKE,
				() -> stagedGroups.collectingWindow(jobInstanceId));
	}

	@Bean
	@StepScope
	StagedGroupWriter stagedGroupWriter(StagedGroups stagedGroups,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId, CollectRun collectRun) {
		return new StagedGroupWriter(stagedGroups, jobInstanceId, collectRun.orgId());
	}

	/** Step-scoped, registered as the step's listener: it checks what the listing read against what it announced. */
	@Bean
	@StepScope
	ListingCheck listingCheck(StagedGroups stagedGroups, ListingWindows listingWindows,
			CollectProperties collectProperties, CollectRun collectRun) {
		return new ListingCheck(stagedGroups, listingWindows, collectProperties.maxShortfall(), collectRun);
	}

}
