package io.inventdedup;

import java.util.Map;
import java.util.Objects;

import io.inventdedup.cli.CommandLine;
import io.inventdedup.cli.CommandLineException;
import io.inventdedup.cli.DatabaseCommands;
import io.inventdedup.cli.Mode;
import io.inventdedup.job.ExitCodes;
import io.inventdedup.job.StartupCheck;
import io.inventdedup.run.InvalidParametersException;
import io.inventdedup.run.RunParameters;
import io.inventdedup.run.RunRequest;
import io.inventdedup.web.ReviewServer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * invent-dedup: merges the duplicate contacts of an Invent organization by policy, as a
 * restartable Spring Batch job. {@code java -jar invent-dedup.jar orgId=<id> [name=value ...]}, or
 * {@code java -jar invent-dedup.jar --report [jobExecutionId] [--csv=file]} to review runs (see {@link DatabaseCommands}),
 * or {@code java -jar invent-dedup.jar --serve} for the review in a browser ({@link ReviewServer}). The job
 * starts no web server, and none of the review's beans: the {@code web} package is left out of its scan.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = { @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
		@ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
		@ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.inventdedup\\.web\\..*") })
@ConfigurationPropertiesScan(basePackages = { "io.inventdedup.invent", "io.inventdedup.collect",
		"io.inventdedup.merge", "io.inventdedup.job", "io.inventdedup.run" })
public class InventDedupApplication {

	public static void main(String[] args) {
		System.exit(run(args));
	}

	/** Runs the application once and answers the exit code documented in docs/running.md. */
	public static int run(String... args) {
		CommandLine line;
		RunRequest request = null;
		try {
			line = CommandLine.parse(RunParameters.NAMES, args);
			if (line.mode() == Mode.JOB) {
				request = RunRequest.parse(line.words());
			}
		}
		catch (CommandLineException | InvalidParametersException ex) {
			System.err.println("Invalid command, nothing was run: " + ex.getMessage());
			return ExitCodes.INVALID;
		}
		return switch (line.mode()) {
			case SERVE -> ReviewServer.run(args);
			case DATABASE -> DatabaseCommands.run(args);
			case JOB -> runJob(Objects.requireNonNull(request), args);
		};
	}

	/** The job, for the request read from the command line (the arguments are passed on for the settings). */
	private static int runJob(RunRequest request, String... args) {
		try {
			SpringApplication application = new SpringApplication(InventDedupApplication.class);
			application.setWebApplicationType(WebApplicationType.NONE);
			application.addListeners(new StartupCheck(request));
			application.addInitializers((context) -> context.getBeanFactory().registerSingleton("runRequest", request));
			// Metrics pushed at the end of a run are kept per org: each org's CronJob pushes to a group of its own.
			request.orgId()
				.ifPresent((orgId) -> application.setDefaultProperties(
						Map.of("management.prometheus.metrics.export.pushgateway.grouping-key.org", orgId)));
			return SpringApplication.exit(application.run(args));
		}
		catch (RuntimeException ex) {
			return ExitCodes.ofStartupFailure(ex);
		}
	}

}
