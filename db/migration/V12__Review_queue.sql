-- The review in a browser (--serve) lists the groups waiting for a person across runs, oldest first:
-- since when a group waits is the first NEEDS_REVIEW row of its org and key. Those rows are few.
CREATE INDEX dedup_audit_queued ON dedup_audit (org_id, group_key, created_at) WHERE status = 'NEEDS_REVIEW';
-- The last runs of each org, by the listings they made.
CREATE INDEX dedup_listing_org ON dedup_listing (org_id, job_instance_id);
