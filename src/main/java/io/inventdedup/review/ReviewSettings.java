package io.inventdedup.review;

import java.lang.reflect.RecordComponent;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

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
		Set<String> known = new TreeSet<>();
		known.add(ReviewServer.LOCAL);
		for (RecordComponent component : ReviewProperties.class.getRecordComponents()) {
			known.add(PREFIX + DataObjectPropertyName.toDashedForm(component.getName()));
		}
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource
					|| !(source instanceof IterableConfigurationPropertySource iterable)) {
				continue;
			}
			iterable.stream()
				.map(ConfigurationPropertyName::toString)
				.filter((name) -> name.startsWith(PREFIX) && !known.contains(name))
				.findFirst()
				.ifPresent((name) -> {
					throw new ReviewSetupException("unknown setting '" + name + "' (in " + source.getUnderlyingSource()
							+ ")", "Use one of " + String.join(", ", known) + " (README, \"Review in a browser\").");
				});
		}
	}

}
