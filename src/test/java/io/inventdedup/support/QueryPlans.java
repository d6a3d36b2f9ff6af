package io.inventdedup.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Explains the job's queries as PostgreSQL runs them at the worst moment: on copies of its tables
 * that were never analysed (temporary tables, which autovacuum never touches, with the same columns,
 * defaults and indexes, found first on the search path, and copies of the views that read them), as
 * the generic plan of a prepared statement
 * ({@code plan_cache_mode = force_generic_plan}: what the JDBC driver's server-side statements
 * keep for the life of a pooled connection). Each query runs for real ({@code EXPLAIN ANALYZE}), so
 * that what a plan read is counted, not estimated.
 */
public final class QueryPlans implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Connection connection;

	private QueryPlans(Connection connection) {
		this.connection = connection;
	}

	/** A session on the embedded PostgreSQL whose copies of these tables have no statistics. */
	public static QueryPlans withoutStatistics(String... tables) throws SQLException {
		Flyway.configure()
			.dataSource(TestInfrastructure.postgres().getPostgresDatabase())
			.locations("classpath:db/migration")
			.load()
			.migrate();
		Connection connection = TestInfrastructure.postgres().getPostgresDatabase().getConnection();
		try (Statement statement = connection.createStatement()) {
			Map<String, String> views = viewsOf(statement, List.of(tables));
			for (String table : tables) {
				statement.execute("CREATE TEMPORARY TABLE " + table + " (LIKE public." + table + " INCLUDING ALL)");
			}
			for (Map.Entry<String, String> view : views.entrySet()) {
				statement.execute("CREATE TEMPORARY VIEW " + view.getKey() + " AS " + view.getValue());
			}
			statement.execute("SET plan_cache_mode = force_generic_plan");
		}
		return new QueryPlans(connection);
	}

	/**
	 * A session on a new database of this name, migrated: its tables have the statistics targets that
	 * production's have ({@code V21__Statistics_of_filtered_columns.sql}), for the plans once the
	 * caller has filled them and analysed them, as a run does before its closing steps.
	 */
	public static QueryPlans ofNewDatabase(String name) throws SQLException {
		try (Connection admin = TestInfrastructure.postgres().getPostgresDatabase().getConnection();
				Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + name);
		}
		DataSource database = TestInfrastructure.postgres().getDatabase("postgres", name);
		Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
		Connection connection = database.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET plan_cache_mode = force_generic_plan");
		}
		return new QueryPlans(connection);
	}

	/**
	 * The views of the schema that read these tables, with their definitions as written (read before
	 * the copies exist, so that a definition names the tables, not {@code public.}'s): the copies of
	 * the views read the copies of the tables, as a published view is read in production.
	 */
	private static Map<String, String> viewsOf(Statement statement, List<String> tables) throws SQLException {
		Map<String, String> views = new LinkedHashMap<>();
		try (ResultSet rs = statement.executeQuery("SELECT viewname, definition FROM pg_views "
				+ "WHERE schemaname = 'public' ORDER BY viewname")) {
			while (rs.next()) {
				String definition = rs.getString(2);
				if (tables.stream().anyMatch((table) -> definition.matches("(?s).*\\b" + table + "\\b.*"))) {
					views.put(rs.getString(1), definition);
				}
			}
		}
		return views;
	}

	/** Runs a statement in this session (to fill the copies). */
	public void execute(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** Statements run in this session, and what they assert. */
	@FunctionalInterface
	public interface Work {

		void run() throws SQLException;

	}

	/** Runs {@code work} in a transaction that is rolled back: what it wrote (or dropped) is undone. */
	public void rolledBack(Work work) throws SQLException {
		execute("BEGIN");
		try {
			work.run();
		}
		finally {
			execute("ROLLBACK");
		}
	}

	/** The one number a query answers. */
	public long queryForLong(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Whether PostgreSQL holds statistics of this table (its copy, if it has one): whether anything analysed it. */
	public boolean analysed(String table) throws SQLException {
		return queryForLong("SELECT count(*) FROM pg_statistic WHERE starelid = '" + table + "'::regclass") > 0;
	}

	/** The plan of a query written with {@code :name} parameters (a collection is expanded, as JdbcClient does). */
	public Plan explain(String sql, Map<String, ?> parameters) throws SQLException {
		ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
		MapSqlParameterSource source = new MapSqlParameterSource(parameters);
		String positional = NamedParameterUtils.substituteNamedParameters(parsed, source);
		List<Object> values = new ArrayList<>();
		for (Object value : NamedParameterUtils.buildValueArray(parsed, source, null)) {
			if (value instanceof Collection<?> collection) {
				values.addAll(collection);
			}
			else {
				values.add(value);
			}
		}
		return explain(positional, values.toArray());
	}

	/** The plan of a query written with {@code ?} parameters, run with these values. */
	public Plan explain(String sql, Object... values) throws SQLException {
		StringBuilder numbered = new StringBuilder();
		int n = 0;
		for (char c : sql.toCharArray()) {
			numbered.append((c == '?') ? "$" + (++n) : String.valueOf(c));
		}
		if (n != values.length) {
			throw new IllegalArgumentException(n + " parameters, " + values.length + " values: " + sql);
		}
		String arguments = Stream.of(values).map(QueryPlans::literal).collect(Collectors.joining(", "));
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("PREPARE hot AS " + numbered);
			try (ResultSet rs = statement.executeQuery("EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE hot"
					+ ((n > 0) ? "(" + arguments + ")" : ""))) {
				rs.next();
				return new Plan(JSON.readTree(rs.getString(1)).get(0).get("Plan"));
			}
			finally {
				statement.execute("DEALLOCATE hot");
			}
		}
	}

	private static String literal(Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		if (value instanceof String[] array) {
			return quote(Stream.of(array)
				.map((element) -> "\"" + element.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
				.collect(Collectors.joining(",", "{", "}")));
		}
		return quote(value.toString());
	}

	private static String quote(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	@Override
	public void close() throws SQLException {
		this.connection.close();
	}

	/**
	 * A plan as it ran.
	 * @param root the top node of {@code EXPLAIN (ANALYZE, FORMAT JSON)}
	 */
	public record Plan(JsonNode root) {

		/** The rows the query returned (or wrote). */
		public long returned() {
			return rows(this.root);
		}

		/** Every node that read a table or an index, with what it read. */
		public List<Scan> scans() {
			List<Scan> scans = new ArrayList<>();
			collect(this.root, scans);
			return scans;
		}

		/** Every node of the plan, by type ("Sort", "Seq Scan", "Index Scan", ...). */
		public List<String> nodeTypes() {
			return Stream.concat(Stream.of(this.root), descendants(this.root))
				.map((node) -> node.path("Node Type").asString())
				.toList();
		}

		/**
		 * Asserts that no node read a whole table and that no scan read more than {@code rows} rows
		 * (those it returned and those its filters threw away).
		 */
		public void assertIndexedReadingAtMost(long rows) {
			assertThat(nodeTypes()).as(toString()).doesNotContain("Seq Scan");
			assertThat(scans()).as(toString()).allSatisfy((scan) -> assertThat(scan.examined()).isLessThanOrEqualTo(rows));
		}

		/** The indexes the conflict of an INSERT ... ON CONFLICT is resolved on. */
		public List<String> conflictArbiters() {
			List<String> arbiters = new ArrayList<>();
			this.root.path("Conflict Arbiter Indexes").forEach((index) -> arbiters.add(index.asString()));
			return arbiters;
		}

		private static Stream<JsonNode> descendants(JsonNode node) {
			List<JsonNode> children = new ArrayList<>();
			node.path("Plans").forEach(children::add);
			return children.stream().flatMap((child) -> Stream.concat(Stream.of(child), descendants(child)));
		}

		private static void collect(JsonNode node, List<Scan> scans) {
			String type = node.path("Node Type").asString();
			if (type.contains("Scan")) {
				long loops = Math.max(1, node.path("Actual Loops").asLong());
				long removed = (node.path("Rows Removed by Filter").asLong()
						+ node.path("Rows Removed by Index Recheck").asLong()) * loops;
				scans.add(new Scan(type, node.path("Relation Name").asString(node.path("Index Name").asString()),
						node.path("Index Name").asString(""), rows(node), rows(node) + removed));
			}
			node.path("Plans").forEach((child) -> collect(child, scans));
		}

		private static long rows(JsonNode node) {
			return node.path("Actual Rows").asLong() * Math.max(1, node.path("Actual Loops").asLong());
		}

		@Override
		public String toString() {
			return this.root.toPrettyString();
		}

	}

	/**
	 * One node that read a table or an index.
	 * @param type its node type ("Index Scan", "Bitmap Heap Scan", "Seq Scan", ...)
	 * @param relation the table (or, for a bitmap index scan, the index) it read
	 * @param index the index it read through, empty for none
	 * @param returned the rows it returned
	 * @param examined the rows it read: those it returned and those its filters and rechecks threw away
	 */
	public record Scan(String type, String relation, String index, long returned, long examined) {
	}

}
