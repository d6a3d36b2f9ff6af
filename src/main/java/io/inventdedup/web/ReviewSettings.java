package io.inventdedup.web;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.inventdedup.config.UnknownSettings;

import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A misspelt setting of the review ({@code invent-dedup.review.roles-clam}) would be silently ignored
 * by binding, and people would get the default roles: refuse it, naming the valid ones. Environment
 * variables are not checked (their names are mapped loosely).
 */
final class ReviewSettings {

	private static final String PREFIX = "invent-dedup.review.";

	private ReviewSettings() {
	}

	static void check(ConfigurableEnvironment environment) {
		Set<String> known = new TreeSet<>(UnknownSettings.of(PREFIX, ReviewProperties.class));
		known.add(ReviewServer.LOCAL);
		UnknownSettings.first(environment, List.of(PREFIX), known).ifPresent((unknown) -> {
			throw new ReviewSetupException("unknown setting " + unknown,
					"Use one of " + String.join(", ", known) + " (docs/review.md, \"Review in a browser\").");
		});
	}

}
