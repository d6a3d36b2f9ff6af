package io.inventdedup.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import io.inventdedup.InventDedupApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the real job: the whole application on the embedded PostgreSQL and the Invent
 * simulator over HTTP, launched by the tests themselves (the command-line runner is off), its
 * logging set up as the context set it before each test ({@link FreshLogging}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = InventDedupApplication.class, properties = { "spring.main.web-application-type=none", "dedup.runner.enabled=false", "invent.api.initial-backoff=20ms",
		"invent.api.max-backoff=200ms", "invent.api.read-timeout=5s",
		"invent.api.rate-limit-per-minute=600000", "dedup.retention-days=30" })
@ContextConfiguration(initializers = TestInfrastructure.class)
@Import(ShiftedClock.Config.class)
@ExtendWith(FreshLogging.class)
public @interface IntegrationTest {

}
