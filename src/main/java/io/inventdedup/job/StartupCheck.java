package io.inventdedup.job;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import io.inventdedup.invent.InventApiProperties;
import io.inventdedup.merge.MergeProperties;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Checks the configuration and the job parameters as soon as the environment is known, before any
 * bean exists: a wrong command or a missing token ends the process with exit code 2 before the
 * database or Invent is touched.
 */
public class StartupCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Binder binder = Binder.get(event.getEnvironment());
		InventApiProperties api = binder.bindOrCreate("invent.api", Bindable.of(InventApiProperties.class));
		DedupProperties dedup = binder.bindOrCreate("dedup", Bindable.of(DedupProperties.class));
		MergeProperties merge = binder.bindOrCreate("dedup.merge", Bindable.of(MergeProperties.class));
		try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
			Validator validator = factory.getValidator();
			check("invent.api", validator.validate(api));
			check("dedup", validator.validate(dedup));
			check("dedup.merge", validator.validate(merge));
		}
		DedupParameters.resolve(new DefaultApplicationArguments(event.getArgs()).getNonOptionArgs(), dedup,
				Clock.systemUTC());
	}

	private static <T> void check(String prefix, Set<ConstraintViolation<T>> violations) {
		if (!violations.isEmpty()) {
			throw new InvalidParametersException(violations.stream()
				.map((violation) -> prefix + "." + kebab(violation.getPropertyPath().toString()) + " "
						+ violation.getMessage())
				.sorted()
				.collect(Collectors.joining("; ")));
		}
	}

	private static String kebab(String name) {
		return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
	}

}
