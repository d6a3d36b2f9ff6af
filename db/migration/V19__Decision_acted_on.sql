-- The decision a merge carries out: the group of an earlier run that a person approved, or the planned
-- group of a reviewed plan that no one rejected. The run reads each decision its merge carries out under
-- a share lock of the decided group's row in the transaction that records the merge's PENDING row, and a
-- decision takes that row's lock and is refused once a later run of the org has such a row for the group
-- (the same members, the same key): a decision and a run agree on one order.
ALTER TABLE dedup_audit ADD COLUMN decided_run bigint, ADD COLUMN decided_group_key text;

-- A decision's look for merges of its groups by later runs, by group key.
CREATE INDEX dedup_audit_acted ON dedup_audit (group_key) WHERE status IN ('PENDING', 'MERGED', 'UNSETTLED', 'FAILED');
