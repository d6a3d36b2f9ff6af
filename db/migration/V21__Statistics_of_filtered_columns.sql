-- ANALYZE (the merge step's, and autovacuum's) samples 30,000 rows of a table and builds statistics of
-- every column, and of every index expression: for dedup_audit, that meant reading and comparing the
-- listed group's JSON of each sampled row and computing dedup_member_ids() on it twice, for columns no
-- query filters or joins on. The planner needs statistics of the columns the queries filter on (ids,
-- keys, statuses, reasons, times, the source ids); the JSON and the free text are only ever read back,
-- and a lookup of members goes through its GIN index whatever the statistics (AuditQueryPlanTests).
-- Measured on 60,000 audit rows (PostgreSQL 15, 2 cores): ANALYZE dedup_audit 0.88 s -> 0.35 s.
ALTER TABLE dedup_audit
    ALTER COLUMN listed_group SET STATISTICS 0,
    ALTER COLUMN policy SET STATISTICS 0,
    ALTER COLUMN planned_update SET STATISTICS 0,
    ALTER COLUMN sent_update SET STATISTICS 0,
    ALTER COLUMN detail SET STATISTICS 0,
    ALTER COLUMN error SET STATISTICS 0,
    ALTER COLUMN update_error SET STATISTICS 0;

-- Column 1 of each index is dedup_member_ids(listed_group).
ALTER INDEX dedup_audit_plan_members ALTER COLUMN 1 SET STATISTICS 0;
ALTER INDEX dedup_audit_merged_members ALTER COLUMN 1 SET STATISTICS 0;

ALTER TABLE dedup_staged_group
    ALTER COLUMN listed_group SET STATISTICS 0;
