package io.inventdedup.config;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Optional;
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
 * The one check of misspelt settings, for every namespace of ours: binding ignores a setting no
 * property takes ({@code dedup.dryrun}, {@code invent-dedup.review.roles-clam}), and the run or the
 * review would then go on with a default the operator did not mean. The job and the review each
 * refuse the first unknown one, naming the valid ones. Environment variables are not checked: their
 * names are mapped loosely and the environment holds many that are not ours.
 */
public final class UnknownSettings {

	private UnknownSettings() {
	}

	/** The settings a properties record takes under {@code prefix} ({@code dedup.merge.}), dashed. */
	public static Set<String> of(String prefix, Class<? extends Record> properties) {
		Set<String> names = new TreeSet<>();
		for (RecordComponent component : properties.getRecordComponents()) {
			names.add(prefix + DataObjectPropertyName.toDashedForm(component.getName()));
		}
		return names;
	}

	/**
	 * The first setting under one of the {@code prefixes} that is not {@code known}, with where it
	 * was set: {@code 'dedup.dryrun' (in config/application.yml)}.
	 */
	public static Optional<String> first(ConfigurableEnvironment environment, Collection<String> prefixes,
			Set<String> known) {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource
					|| !(source instanceof IterableConfigurationPropertySource iterable)) {
				continue;
			}
			Optional<String> unknown = iterable.stream()
				.map(ConfigurationPropertyName::toString)
				.filter((name) -> prefixes.stream().anyMatch(name::startsWith) && !known.contains(name))
				.findFirst();
			if (unknown.isPresent()) {
				return Optional.of("'" + unknown.get() + "' (in " + source.getUnderlyingSource() + ")");
			}
		}
		return Optional.empty();
	}

}
