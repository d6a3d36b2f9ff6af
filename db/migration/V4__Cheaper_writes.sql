-- Measured with the benchmark (docs/benchmarks.md): PostgreSQL shares the machine with the job, and
-- each group was parsed into jsonb twice and indexed by a GIN index on every write.
-- The snapshot is internal and only ever read back whole: plain text is enough.
ALTER TABLE dedup_staged_group ALTER COLUMN listed_group TYPE text USING listed_group::text;
-- Contacts are found by the review queries through listed_group and survivor_contact_id.
DROP INDEX dedup_audit_members;
