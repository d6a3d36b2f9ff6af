-- A group whose names say different people is SKIPPED with reason names-differ, not queued, but a
-- person may still approve it (--approve, or the review in a browser), and every later run of the
-- org then merges it while it stays as approved: the decision on it is looked up through the
-- members' index like that of a queued group, so the index holds those rows too.
DROP INDEX dedup_audit_plan_members;
CREATE INDEX dedup_audit_plan_members ON dedup_audit USING gin (dedup_member_ids(listed_group))
    WHERE status IN ('PLANNED', 'NEEDS_REVIEW') OR reason = 'names-differ';
