package io.inventdedup.decision;

import io.inventdedup.audit.AuditRepository;
import io.inventdedup.audit.RunLookups;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The decision room wired once, for the command line's decisions, the review in a browser and the
 * tests: the rules ({@link Decisions}) on the decisions' tables ({@link DecisionRepository}) and what
 * the audit says of the runs' groups. Any context with a {@code DataSource} imports it.
 */
@Configuration(proxyBeanMethods = false)
@Import({ AuditRepository.class, DecisionRepository.class })
public class DecisionConfiguration {

	@Bean
	RunLookups runLookups(JdbcTemplate jdbc) {
		return new RunLookups(jdbc);
	}

	@Bean
	Decisions decisions(AuditRepository audit, RunLookups lookups, DecisionRepository repository,
			PlatformTransactionManager transactionManager) {
		return new Decisions(audit, lookups, repository, new TransactionTemplate(transactionManager));
	}

}
