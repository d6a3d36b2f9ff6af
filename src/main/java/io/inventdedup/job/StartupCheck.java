package io.inventdedup.job;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import io.inventdedup.collect.CollectProperties;
import io.inventdedup.config.UnknownSettings;
import io.inventdedup.invent.InventApiProperties;
import io.inventdedup.merge.MergeProperties;
import io.inventdedup.policy.ListingWindow;
import io.inventdedup.run.DedupProperties;
import io.inventdedup.run.InvalidParametersException;
import io.inventdedup.run.RunRequest;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the configuration and the job parameters as soon as the environment is known, before any
 * bean exists: a wrong command or a missing token ends the process with exit code 2 before the
 * database or Invent is touched.
 */
public class StartupCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private final RunRequest request;

	/** Checks the settings and the request the operator typed (read once, by the main class). */
	public StartupCheck(RunRequest request) {
		this.request = request;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Binder binder = Binder.get(event.getEnvironment());
		InventApiProperties api = binder.bindOrCreate("invent.api", Bindable.of(InventApiProperties.class));
		DedupProperties dedup = binder.bindOrCreate("dedup", Bindable.of(DedupProperties.class));
		MergeProperties merge = binder.bindOrCreate("dedup.merge", Bindable.of(MergeProperties.class));
		CollectProperties collect = binder.bindOrCreate("dedup.collect", Bindable.of(CollectProperties.class));
		// In the order of what the operator meant: a misspelt setting, then the job parameters, then
		// what the environment lacks (the token): a typo is reported as such whatever else is missing.
		checkNames(event.getEnvironment());
		try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
			Validator validator = factory.getValidator();
			check("dedup", validator.validate(dedup));
			check("dedup.merge", validator.validate(merge));
			check("dedup.collect", validator.validate(collect));
			this.request.resolve(dedup, Clock.systemUTC());
			check("invent.api", validator.validate(api));
		}
		String tooShort = ListingWindow.refusal(merge.maxListingAge(), api.rateLimitPerMinute());
		if (tooShort != null) {
			throw new InvalidParametersException(tooShort);
		}
		checkBaseUrl(api.baseUrl());
	}

	/**
	 * A misspelt setting ({@code dedup.dryrun}, {@code invent.api.rate-limit}) would be silently
	 * ignored by binding: refuse it, naming the valid ones. Environment variables are not checked:
	 * their names are mapped loosely and the environment holds many that are not ours.
	 */
	private static void checkNames(ConfigurableEnvironment environment) {
		Set<String> known = new TreeSet<>();
		known.addAll(UnknownSettings.of("invent.api.", InventApiProperties.class));
		known.addAll(UnknownSettings.of("dedup.", DedupProperties.class));
		known.addAll(UnknownSettings.of("dedup.merge.", MergeProperties.class));
		known.addAll(UnknownSettings.of("dedup.collect.", CollectProperties.class));
		known.add("dedup.runner.enabled");
		UnknownSettings.first(environment, List.of("invent.", "dedup."), known).ifPresent((unknown) -> {
			throw new InvalidParametersException(
					"unknown setting " + unknown + "; valid settings: " + String.join(", ", known));
		});
	}

	/** Plain http only to a loopback host (the simulator): the token travels in every request. */
	private static void checkBaseUrl(URI baseUrl) {
		String host = (baseUrl.getHost() != null) ? baseUrl.getHost() : "";
		boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
				|| host.equals("::1");
		if (!"https".equals(baseUrl.getScheme()) && !(loopback && "http".equals(baseUrl.getScheme()))) {
			throw new InvalidParametersException("invent.api.base-url must be an https URL (plain http only to a "
					+ "loopback host), was " + baseUrl.getScheme() + "://" + host);
		}
	}

	private static <T> void check(String prefix, Set<ConstraintViolation<T>> violations) {
		if (!violations.isEmpty()) {
			throw new InvalidParametersException(violations.stream()
				.map((violation) -> prefix + "." + DataObjectPropertyName.toDashedForm(violation.getPropertyPath().toString()) + " "
						+ violation.getMessage())
				.sorted()
				.collect(Collectors.joining("; ")));
		}
	}

}
