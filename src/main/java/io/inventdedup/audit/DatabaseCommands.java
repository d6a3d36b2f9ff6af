package io.inventdedup.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.Banner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code java -jar invent-dedup.jar --report [jobExecutionId] [--csv=audit.csv]}: reviews runs
 * from the database alone. It starts none of the job's beans, so it needs no API token.
 */
public final class ReportMode {

	private ReportMode() {
	}

	/** Boot's auto-configuration alone (DataSource, Flyway, JdbcTemplate): none of the job's beans. */
	@EnableAutoConfiguration
	static class ReportContext {

	}

	/** Whether the command line asks for the report mode. */
	public static boolean isRequested(String... args) {
		return List.of(args).stream().anyMatch((arg) -> arg.equals("--report") || arg.startsWith("--report="));
	}

	/** Prints the report the arguments ask for and answers the exit code (0, or 2 for a wrong command). */
	public static int run(String... args) {
		SpringApplication application = new SpringApplication(ReportContext.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setDefaultProperties(Map.of("logging.level.root", "WARN"));
		ApplicationArguments arguments = new DefaultApplicationArguments(args);
		String execution = firstOf(arguments.getOptionValues("report"));
		if (execution == null || execution.isEmpty()) {
			execution = arguments.getNonOptionArgs().isEmpty() ? null : arguments.getNonOptionArgs().get(0);
		}
		Long jobExecutionId = null;
		if (execution != null) {
			try {
				jobExecutionId = Long.parseLong(execution);
			}
			catch (NumberFormatException ex) {
				System.err.println("--report takes a job execution id (a number), not '" + execution + "'");
				return 2;
			}
		}
		try (ConfigurableApplicationContext context = application.run(args)) {
			AuditReport report = new AuditReport(context.getBean(JdbcTemplate.class), System.out);
			if (jobExecutionId == null) {
				report.printRuns(20);
				return 0;
			}
			if (!report.printRun(jobExecutionId)) {
				System.err.println("No run has job execution " + jobExecutionId
						+ ": run --report alone to list the last runs");
				return 2;
			}
			String csv = firstOf(arguments.getOptionValues("csv"));
			if (csv != null) {
				long rows = report.exportCsv(jobExecutionId, Path.of(csv));
				System.out.printf("%nWrote %d audit rows to %s%n", rows, csv);
			}
			return 0;
		}
	}

	private static String firstOf(List<String> values) {
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

}
