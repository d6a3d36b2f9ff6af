package io.inventdedup.web;

import io.inventdedup.audit.RunLookups;
import io.inventdedup.audit.RunRecords;
import io.inventdedup.decision.DecisionRepository;
import io.inventdedup.decision.DecisionConfiguration;
import io.inventdedup.report.HtmlReport;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The review in a browser as an application of its own: Boot's auto-configuration for the
 * database, Spring MVC and Spring Security, this package's beans, the decision room
 * ({@link DecisionConfiguration}) and what {@code audit} has for a run's content. None of the job's beans, no Spring Batch, no Invent client.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration(excludeName = { "org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration",
		"org.springframework.boot.batch.autoconfigure.BatchJobLauncherAutoConfiguration",
		"org.springframework.boot.batch.autoconfigure.observation.BatchObservationAutoConfiguration",
		"org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration" })
@ComponentScan
@EnableConfigurationProperties(ReviewProperties.class)
@Import(DecisionConfiguration.class)
class ReviewApplication implements WebMvcConfigurer {

	@Bean
	RunRecords runRecords(JdbcTemplate jdbc) {
		return new RunRecords(jdbc);
	}

	@Bean
	HtmlReport htmlReport(RunRecords runs, RunLookups lookups, DecisionRepository decisions, JsonMapper json) {
		return new HtmlReport(runs, lookups, decisions, json);
	}

	/** The page's script and style, and the home page's, served as files of their own (the CSP allows 'self' alone). */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/report/", "classpath:/review/");
	}

}
