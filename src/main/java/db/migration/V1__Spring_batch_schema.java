package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates Spring Batch's metadata tables with the DDL that ships inside spring-batch-core, so
 * that Flyway owns every table and the schema always matches the Batch version on the classpath.
 * A later Batch upgrade that changes the schema gets a migration of its own running the published
 * {@code migration/x.y/*-postgresql.sql} script.
 */
public class V1__Spring_batch_schema extends BaseJavaMigration {

	@Override
	public void migrate(Context context) {
		ScriptUtils.executeSqlScript(context.getConnection(),
				new ClassPathResource("org/springframework/batch/core/schema-postgresql.sql"));
	}

}
