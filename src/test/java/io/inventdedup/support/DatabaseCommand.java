package io.inventdedup.support;

import java.util.ArrayList;
import java.util.List;

import io.inventdedup.InventDedupApplication;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Runs one of the jar's database-only commands ({@code --report}, {@code --settle}, ...) in this JVM,
 * on the embedded PostgreSQL, the way an operator runs it: through the application's {@code main}.
 * Those commands quiet the logs to WARN for their own output; the logging system is shared by the
 * whole test JVM, so it is put back to INFO afterwards.
 */
public final class DatabaseCommand {

	private DatabaseCommand() {
	}

	/** Runs the command with these arguments and answers its exit code. */
	public static int run(String... args) {
		List<String> command = new ArrayList<>(List.of(args));
		command.add("--spring.datasource.url=" + TestInfrastructure.jdbcUrl());
		command.add("--spring.datasource.username=postgres");
		command.add("--spring.datasource.password=postgres");
		try {
			return InventDedupApplication.run(command.toArray(String[]::new));
		}
		finally {
			LoggingSystem.get(DatabaseCommand.class.getClassLoader()).setLogLevel(LoggingSystem.ROOT_LOGGER_NAME,
					LogLevel.INFO);
		}
	}

}
