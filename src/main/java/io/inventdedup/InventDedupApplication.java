package io.inventdedup;

import java.util.List;
import java.util.Map;

import io.inventdedup.audit.DatabaseCommands;
import io.inventdedup.job.ExitCodes;
import io.inventdedup.job.StartupCheck;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * invent-dedup: merges the duplicate contacts of an Invent organization by policy, as a
 * restartable Spring Batch job. {@code java -jar invent-dedup.jar orgId=<id> [name=value ...]}, or
 * {@code java -jar invent-dedup.jar --report [jobExecutionId] [--csv=file]} to review runs (see {@link DatabaseCommands}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InventDedupApplication {

	public static void main(String[] args) {
		System.exit(run(args));
	}

	/** Runs the application once and answers the exit code documented in README. */
	public static int run(String... args) {
		if (DatabaseCommands.isRequested(args)) {
			return DatabaseCommands.run(args);
		}
		try {
			SpringApplication application = new SpringApplication(InventDedupApplication.class);
			application.addListeners(new StartupCheck());
			// Metrics pushed at the end of a run are kept per org: each org's CronJob pushes to a group of its own.
			List.of(args)
				.stream()
				.filter((arg) -> arg.startsWith("orgId="))
				.findFirst()
				.ifPresent((orgId) -> application.setDefaultProperties(Map.of(
						"management.prometheus.metrics.export.pushgateway.grouping-key.org", orgId.substring(6))));
			return SpringApplication.exit(application.run(args));
		}
		catch (RuntimeException ex) {
			return ExitCodes.ofStartupFailure(ex);
		}
	}

}
