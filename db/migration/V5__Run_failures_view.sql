-- The failures of each run, with their errors: what an operator reads first after a run failed.
CREATE VIEW dedup_run_failures AS
SELECT a.job_instance_id,
       a.job_execution_id,
       a.org_id,
       a.group_key,
       a.status,
       a.reason,
       a.http_status,
       a.error,
       a.survivor_contact_id,
       a.source_contact_ids,
       a.merged_contact_ids,
       a.update_status,
       a.update_http_status,
       a.update_error,
       a.updated_at
  FROM dedup_audit a
 WHERE a.status IN ('FAILED', 'PENDING')
    OR a.update_status IN ('FAILED', 'PENDING');
