package io.inventdedup.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import io.inventdedup.support.TestInfrastructure;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema is Flyway's, Spring Batch's tables included, and two pods starting at once against
 * an empty database cannot corrupt it: Flyway serialises them with a PostgreSQL advisory lock. The
 * view of a run's counts is a repeatable migration ({@code R__}), applied after the versioned ones.
 */
class MigrationTests {

	@Test
	void twoPodsMigratingAnEmptyDatabaseAtOnceLeaveOneCompleteSchema() throws Exception {
		List<String> versions = new ArrayList<>(List.of("1"));
		List<String> repeatables = new ArrayList<>();
		try (Stream<Path> scripts = Files.list(Path.of("db", "migration"))) {
			scripts.map((script) -> script.getFileName().toString()).forEach((name) -> {
				String description = name.substring(name.indexOf("__") + 2, name.length() - ".sql".length());
				if (name.startsWith("R__")) {
					repeatables.add("R " + description.replace('_', ' '));
				}
				else {
					versions.add(name.substring(1, name.indexOf("__")));
				}
			});
		}
		versions.sort(Comparator.comparingInt(Integer::parseInt));
		repeatables.sort(Comparator.naturalOrder());
		List<String> applied = new ArrayList<>(versions);
		applied.addAll(repeatables);
		JdbcTemplate admin = new JdbcTemplate(TestInfrastructure.postgres().getPostgresDatabase());
		admin.execute("DROP DATABASE IF EXISTS migration_race");
		admin.execute("CREATE DATABASE migration_race");
		DataSource database = TestInfrastructure.postgres().getDatabase("postgres", "migration_race");
		Callable<MigrateResult> pod = () -> Flyway.configure().dataSource(database).load().migrate();
		ExecutorService pods = Executors.newFixedThreadPool(2);
		try {
			List<Future<MigrateResult>> results = pods.invokeAll(List.of(pod, pod));
			int executed = 0;
			for (Future<MigrateResult> result : results) {
				assertThat(result.get().success).isTrue();
				executed += result.get().migrationsExecuted;
			}
			assertThat(executed).as("each migration applied once, by one of the two").isEqualTo(applied.size());
		}
		finally {
			pods.shutdown();
		}
		JdbcTemplate jdbc = new JdbcTemplate(database);
		assertThat(jdbc.queryForList("""
				SELECT coalesce(version, 'R ' || description) FROM flyway_schema_history
				 WHERE success ORDER BY installed_rank
				""", String.class))
			.as("the versioned migrations in order, then the repeatable ones")
			.containsExactlyElementsOf(applied);
		assertThat(jdbc.queryForList("""
				SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'
				AND table_name LIKE 'batch_job%' ORDER BY table_name
				""", String.class))
			.containsExactly("batch_job_execution", "batch_job_execution_context", "batch_job_execution_params",
					"batch_job_instance");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM dedup_run_summary", Long.class)).isZero();
	}

}
