-- The decision a merge carries out: the group of an earlier run that a person approved, or the planned
-- group of a reviewed plan that no one rejected. The run reads that decision under a lock on the
-- decided group's row in the transaction that records the merge's PENDING row, and a decision on that
-- group is refused once such a row exists: a decision and a run agree on one order.
ALTER TABLE dedup_audit ADD COLUMN decided_run bigint, ADD COLUMN decided_group_key text;

CREATE INDEX dedup_audit_decided ON dedup_audit (decided_run, decided_group_key) WHERE decided_run IS NOT NULL;
