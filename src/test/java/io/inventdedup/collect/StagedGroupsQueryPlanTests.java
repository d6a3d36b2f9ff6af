package io.inventdedup.collect;

import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.inventdedup.support.QueryPlans;
import io.inventdedup.support.TestInfrastructure;
import io.inventdedup.support.QueryPlans.Plan;

import org.springframework.batch.infrastructure.item.database.support.PostgresPagingQueryProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot's queries on a run's hot path, planned as PostgreSQL plans them right after a collect
 * filled 120,000 rows, before anything analysed them, as the generic plan of a prepared statement: each
 * is served by an index that reads no more rows than the query needs, so that a run's speed does
 * not depend on when autovacuum analyses the table.
 */
class StagedGroupsQueryPlanTests {

	private static final int PAGE = 100;

	/** The copy of {@code dedup_staged_group_page}: a copied index is named after its columns. */
	private static final String PAGE_INDEX = "dedup_staged_group_job_instance_id_listing_id_idx";

	private static QueryPlans plans;

	/**
	 * Run 1: listings 1 and 2 of 40,000 groups each (windows of two passes; Invent keyed the second's
	 * groups anew), 300 of the first listing's merges PENDING; run 2: one listing of 40,000 groups.
	 */
	@BeforeAll
	static void fill() throws SQLException {
		plans = QueryPlans.withoutStatistics("dedup_staged_group", "dedup_audit", "dedup_listing");
		plans.execute("""
				INSERT INTO dedup_staged_group (job_instance_id, org_id, group_key, listed_group, listing)
				SELECT r.run, 'org-' || r.run, CASE l.listing WHEN 1 THEN 'g' ELSE 'h' END || g,
				       '{"primary":{"id":"ct_' || r.run || '_' || g || '"}}', l.listing
				  FROM (VALUES (1, 2), (2, 1)) r(run, listings),
				       generate_series(1, 2) l(listing), generate_series(1, 40000) g
				 WHERE l.listing <= r.listings
				 ORDER BY l.listing, g, r.run
				""");
		plans.execute("""
				INSERT INTO dedup_audit (job_instance_id, job_execution_id, org_id, group_key, dry_run, status,
				    listed_group, policy)
				SELECT 1, 1, 'org-1', 'g' || g, false, CASE WHEN g % 100 = 0 THEN 'PENDING' ELSE 'MERGED' END, '{}', '{}'
				  FROM generate_series(1, 30000) g
				""");
		// Run 1's listings are two passes' windows; run 2's one window.
		plans.execute("""
				INSERT INTO dedup_listing (job_instance_id, org_id, listing, collected, completed, pass)
				VALUES (1, 'org-1', 1, 40000, true, 1), (1, 'org-1', 2, 40000, true, 2), (2, 'org-2', 1, 40000, true, 1)
				""");
		assertThat(plans.analysed("dedup_staged_group")).isFalse();
	}

	@AfterAll
	static void close() throws SQLException {
		plans.close();
	}

	@Test
	void theReadersPageReadsOnlyItsRowsInIndexOrderWithoutASort() throws SQLException {
		Plan plan = pageOfRunOneListingTwo();

		assertThat(plan.returned()).isEqualTo(PAGE);
		assertThat(plan.nodeTypes()).as(plan.toString()).doesNotContain("Sort", "Seq Scan", "Bitmap Heap Scan");
		assertThat(plan.scans()).as(plan.toString())
			.singleElement()
			.satisfies((scan) -> {
				assertThat(scan.index()).isEqualTo(PAGE_INDEX);
				assertThat(scan.examined()).isEqualTo(PAGE);
			});
	}

	/** The guard itself: without the page's index, the plan the issue measured (every row of the run, sorted). */
	@Test
	void withoutThePagesIndexTheSamePageReadsTheWholeListing() throws SQLException {
		plans.rolledBack(() -> {
			plans.execute("DROP INDEX pg_temp." + PAGE_INDEX);
			Plan plan = pageOfRunOneListingTwo();

			assertThat(plan.returned()).isEqualTo(PAGE);
			assertThat(plan.scans()).anySatisfy((scan) -> assertThat(scan.examined()).isGreaterThan(30_000));
		});
	}

	@Test
	void countingAListingReadsOnlyThatListing() throws SQLException {
		Plan plan = plans.explain(StagedGroups.COUNT, 1L, 2);

		plan.assertIndexedReadingAtMost(40_000);
	}

	@Test
	void countingTheGroupsOfAWindowThatStayReadsOnlyThatWindowAndItsRows() throws SQLException {
		Plan plan = plans.explain(ListingWindows.STAYED, 1L, 1, 1L);

		assertThat(plan.returned()).isEqualTo(1);
		plan.assertIndexedReadingAtMost(40_000);
	}

	@Test
	void aWindowsStartReadsOnlyTheRunsPendingMergesAndTheEarlierPassesListings() throws SQLException {
		plans.rolledBack(() -> {
			// Into a third window of the second pass: the rows it adds (rolled back) stay out of the other tests' listings.
			plans.execute("INSERT INTO dedup_listing (job_instance_id, org_id, listing, collected, completed, pass) "
					+ "VALUES (1, 'org-1', 3, 0, true, 2)");
			Plan carry = plans.explain(StagedGroups.CARRY_PENDING, 3, 3, 1L);
			Plan retire = plans.explain(StagedGroups.RETIRE, 1L, 1L, 2);

			assertThat(plans.queryForLong("SELECT count(*) FROM dedup_staged_group WHERE job_instance_id = 1"
					+ " AND listing = 3 AND group_key LIKE 'g%'")).isEqualTo(300);
			carry.assertIndexedReadingAtMost(300);
			assertThat(retire.nodeTypes()).as(retire.toString()).doesNotContain("Seq Scan");
			assertThat(retire.scans()).as(retire.toString())
				.filteredOn((scan) -> scan.relation().equals("dedup_staged_group"))
				.singleElement()
				.satisfies((scan) -> assertThat(scan.examined()).isEqualTo(40_000));
		});
	}

	private static Plan pageOfRunOneListingTwo() throws SQLException {
		PostgresPagingQueryProvider query = StagedGroups.pageQuery();
		try {
			query.init(TestInfrastructure.postgres().getPostgresDatabase());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return plans.explain(query.generateRemainingPagesQuery(PAGE),
				Map.of("jobInstanceId", 1L, "listing", 2, "_id", firstIdOfRunOneListingTwo() + 1000));
	}

	private static long firstIdOfRunOneListingTwo() throws SQLException {
		return plans.queryForLong("SELECT min(id) FROM dedup_staged_group WHERE job_instance_id = 1 AND listing = 2");
	}

}
