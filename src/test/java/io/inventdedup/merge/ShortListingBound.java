package io.inventdedup.merge;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;

import io.inventdedup.support.IntegrationTest;

import org.springframework.test.context.TestPropertySource;

/**
 * An integration test whose runs must keep to a short bound: {@code dedup.merge.max-listing-age} of
 * two seconds, 6,000 requests a minute, two merges in flight. One Spring context for every class that
 * uses it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@TestPropertySource(properties = { "dedup.merge.max-listing-age=" + ShortListingBound.SECONDS + "s",
		"invent.api.concurrency=2", "invent.api.rate-limit-per-minute=6000" })
@interface ShortListingBound {

	/** {@code dedup.merge.max-listing-age}, in seconds. */
	int SECONDS = 2;

	/** {@code dedup.merge.max-listing-age}: what the tests hold each merge's listing to. */
	Duration BOUND = Duration.ofSeconds(SECONDS);

}
