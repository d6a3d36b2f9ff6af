package io.inventdedup.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import io.inventdedup.simulator.InventSimulator;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real parts every test and the demo run against, started once per JVM: an embedded
 * PostgreSQL 17 (zonky, from Maven artifacts) and the Invent simulator on loopback. Tests keep
 * apart by each using an organization of its own.
 */
public final class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The API token the simulator accepts: recognisable, so that leak tests can look for it. */
	public static final String TOKEN = "sim-token-7f3c9a1e-DO-NOT-LEAK";

	private static EmbeddedPostgres postgres;

	private static InventSimulator simulator;

	public static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot start the embedded PostgreSQL", ex);
			}
		}
		return postgres;
	}

	public static synchronized InventSimulator simulator() {
		if (simulator == null) {
			simulator = InventSimulator.start(TOKEN);
		}
		return simulator;
	}

	/** The embedded database with the application's schema (Flyway's migrations, as the job applies them). */
	public static JdbcTemplate migratedDatabase() {
		DataSource dataSource = postgres().getPostgresDatabase();
		Flyway.configure().dataSource(dataSource).load().migrate();
		return new JdbcTemplate(dataSource);
	}

	public static String jdbcUrl() {
		return postgres().getJdbcUrl("postgres", "postgres");
	}

	/**
	 * The command line of an application run in this JVM as an operator runs the jar: these arguments,
	 * then the settings that point it at the embedded PostgreSQL and the simulator.
	 */
	public static String[] commandLine(String... args) {
		List<String> command = new ArrayList<>(List.of(args));
		command.addAll(List.of("--spring.datasource.url=" + jdbcUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres", "--invent.api.base-url=" + simulator().baseUrl(),
				"--invent.api.token=" + TOKEN));
		return command.toArray(String[]::new);
	}

	/** Points the application at the embedded PostgreSQL and the simulator. */
	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues
			.of("spring.datasource.url=" + jdbcUrl(), "spring.datasource.username=postgres",
					"spring.datasource.password=postgres", "invent.api.base-url=" + simulator().baseUrl(),
					"invent.api.token=" + TOKEN)
			.applyTo(context);
	}

}
