package io.inventdedup.audit;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.inventdedup.decision.DecisionRepository;
import io.inventdedup.support.QueryPlans.Plan;
import io.inventdedup.support.QueryPlans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit's and the decisions' queries on a run's hot path (a chunk's writes and lookups, the
 * planned group of a listed one, the decision on a queued one), planned as PostgreSQL plans them on
 * 120,000 audit rows, as the generic plan of a prepared statement, twice: on copies of the tables
 * that nothing analysed yet (a run's first chunks), and on the tables as migrated, with their
 * statistics targets, once analysed (a run after {@code AuditStatistics}, the next run on the same
 * table): each is served by an index that reads no more rows than the query needs.
 */
class AuditQueryPlanTests {

	/** The copy of {@code dedup_audit_once}: a copied constraint's index is named after its columns. */
	private static final String COPIED_ONCE = "dedup_audit_job_instance_id_group_key_key";

	private static QueryPlans unanalysed;

	private static QueryPlans analysed;

	/**
	 * Run 1, a dry run of org acme: 60,000 groups, one in twelve waiting for a person; 500 of those
	 * approved and 500 planned ones rejected. Run 2, its apply: 60,000 groups merged.
	 */
	@BeforeAll
	static void fill() throws SQLException {
		unanalysed = QueryPlans.withoutStatistics("dedup_audit", "dedup_approval", "dedup_rejection");
		analysed = QueryPlans.ofNewDatabase("audit_plans_analysed");
		// Analysed once, below, and by nothing else while the tests plan on it.
		analysed.execute("ALTER TABLE dedup_audit SET (autovacuum_enabled = false); "
				+ "ALTER TABLE dedup_approval SET (autovacuum_enabled = false); "
				+ "ALTER TABLE dedup_rejection SET (autovacuum_enabled = false)");
		for (QueryPlans plans : List.of(unanalysed, analysed)) {
			fill(plans);
		}
		analysed.execute("ANALYZE dedup_audit, dedup_approval, dedup_rejection");
		assertThat(unanalysed.analysed("dedup_audit")).isFalse();
		assertThat(analysed.analysed("dedup_audit")).isTrue();
	}

	private static void fill(QueryPlans plans) throws SQLException {
		plans.execute("""
				INSERT INTO dedup_audit (job_instance_id, job_execution_id, org_id, group_key, dry_run, status, reason,
				    survivor_contact_id, source_contact_ids, listed_group, policy)
				SELECT r.run, r.run, 'acme', 'g' || g, r.run = 1,
				       CASE WHEN r.run = 2 THEN 'MERGED' WHEN g % 12 = 0 THEN 'NEEDS_REVIEW' ELSE 'PLANNED' END,
				       CASE WHEN r.run = 1 AND g % 12 = 0 THEN 'names-disagree' END,
				       'ct_' || g || '_a', ARRAY['ct_' || g || '_b'],
				       jsonb_build_object('primary', jsonb_build_object('id', 'ct_' || g || '_a'),
				           'duplicates', jsonb_build_array(jsonb_build_object('id', 'ct_' || g || '_b'))), '{}'
				  FROM (VALUES (1), (2)) r(run), generate_series(1, 60000) g
				""");
		plans.execute("""
				INSERT INTO dedup_approval (run_instance_id, group_key, reason, approved_by)
				SELECT 1, 'g' || g, 'one customer', 'ana' FROM generate_series(12, 6000, 12) g
				""");
		plans.execute("""
				INSERT INTO dedup_rejection (plan_instance_id, group_key, reason, rejected_by)
				SELECT 1, 'g' || g, 'two people', 'ana' FROM generate_series(1, 6000, 12) g
				""");
	}

	@AfterAll
	static void close() throws SQLException {
		unanalysed.close();
		analysed.close();
	}

	static Stream<Tables> tables() {
		return Stream.of(new Tables("never analysed", unanalysed, COPIED_ONCE),
				new Tables("analysed", analysed, "dedup_audit_once"));
	}

	/** The tables the queries are planned on, and the name there of the audit's unique index. */
	record Tables(String state, QueryPlans plans, String once) {

		@Override
		public String toString() {
			return this.state;
		}

	}

	/** Group g7 of run 2, merged. */
	private static AuditRecord merged() {
		return new AuditRecord(
				new AuditRecord.Plan(2L, "acme", "g7", false, "ct_7_a", List.of("ct_7_b"), List.of(),
						"{\"primary\":{\"id\":\"ct_7_a\"}}", "{}", null, null),
				new AuditRecord.Outcome(2L, AuditStatus.MERGED, null, List.of("ct_7_b"), null, 200, null, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tables")
	void aChunksRowsAreWrittenOnTheUniqueKeysConflictWithoutReadingTheTable(Tables tables) throws SQLException {
		QueryPlans plans = tables.plans();
		plans.rolledBack(() -> {
			Plan plan = plans.explain(AuditRows.UPSERT, AuditRows.columns(merged()).getValues());

			assertThat(plan.conflictArbiters()).as(plan.toString()).containsExactly(tables.once());
			assertThat(plan.scans()).as(plan.toString()).isEmpty();
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tables")
	void aSentMergesOutcomeIsRecordedThroughTheUniqueKey(Tables tables) throws SQLException {
		QueryPlans plans = tables.plans();
		plans.rolledBack(() -> {
			Plan plan = plans.explain(AuditRows.COMPLETE, AuditRows.columns(merged()).getValues());

			assertThat(plan.scans()).as(plan.toString()).singleElement().satisfies((scan) -> {
				assertThat(scan.index()).isEqualTo(tables.once());
				assertThat(scan.examined()).isEqualTo(1);
			});
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tables")
	void aChunksRecordedRowsAreFoundThroughTheUniqueKeyAlone(Tables tables) throws SQLException {
		QueryPlans plans = tables.plans();
		List<String> keys = IntStream.rangeClosed(30_001, 30_100).mapToObj((g) -> "g" + g).toList();

		Plan plan = plans.explain(AuditRepository.BY_GROUP_KEYS, Map.of("instance", 2L, "keys", keys));

		assertThat(plan.returned()).isEqualTo(100);
		plan.assertIndexedReadingAtMost(100);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tables")
	void aListedGroupsPlannedGroupIsFoundThroughTheMembersIndexAlone(Tables tables) throws SQLException {
		QueryPlans plans = tables.plans();
		Plan plan = plans.explain(AuditRepository.PLAN_GROUPS_HOLDING,
				Map.of("plan", 1L, "members", new String[] { "ct_30001_b", "ct_30001_a", "ct_nobody" }));

		assertThat(plan.returned()).isEqualTo(1);
		plan.assertIndexedReadingAtMost(2);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tables")
	void whatAMergeOfTheRunLeftListedIsFoundThroughTheMembersIndexOfMergesAlone(Tables tables) throws SQLException {
		QueryPlans plans = tables.plans();
		Plan plan = plans.explain(AuditRepository.MERGED_HOLDING,
				Map.of("run", 2L, "key", "g30001-anew", "members", new String[] { "ct_30001_a", "ct_new" }));

		assertThat(plan.returned()).isEqualTo(1);
		plan.assertIndexedReadingAtMost(2);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tables")
	void aMergeNeverSentIsForgottenThroughTheUniqueKey(Tables tables) throws SQLException {
		QueryPlans plans = tables.plans();
		plans.rolledBack(() -> {
			Plan plan = plans.explain(AuditRepository.FORGET_UNSENT, 2L, "g7");

			assertThat(plan.scans()).as(plan.toString())
				.singleElement()
				.satisfies((scan) -> assertThat(scan.examined()).isLessThanOrEqualTo(1));
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tables")
	void theDecisionOnAQueuedGroupIsFoundThroughTheMembersIndexThenTheDecisionsKeys(Tables tables) throws SQLException {
		QueryPlans plans = tables.plans();
		Plan approved = plans.explain(DecisionRepository.LAST_DECISION,
				Map.of("approvalsFor", 86_400L, "org", "acme", "members", new String[] { "ct_120_a", "ct_120_b" }));
		Plan undecided = plans.explain(DecisionRepository.LAST_DECISION,
				Map.of("approvalsFor", 86_400L, "org", "acme", "members", new String[] { "ct_36000_a" }));

		assertThat(approved.returned()).isEqualTo(1);
		assertThat(undecided.returned()).isZero();
		for (Plan plan : List.of(approved, undecided)) {
			plan.assertIndexedReadingAtMost(2);
		}
	}

}
