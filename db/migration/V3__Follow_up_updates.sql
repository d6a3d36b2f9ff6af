-- What the survivor of a merge must carry from its sources (an opt-out, a name), and what became of
-- the PATCH that carries it. planned_update is the body the plan calls for (null: nothing to carry);
-- update_status: PENDING (not sent yet), SENT, NOT_NEEDED (the merged survivor already had it),
-- FAILED (update_http_status, update_error say why; the same command sends it again).
ALTER TABLE dedup_audit
    ADD COLUMN planned_update     jsonb,
    ADD COLUMN update_status      text,
    ADD COLUMN sent_update        jsonb,
    ADD COLUMN update_http_status integer,
    ADD COLUMN update_error       text,
    ADD CONSTRAINT dedup_audit_update_status
        CHECK (update_status IN ('PENDING', 'SENT', 'NOT_NEEDED', 'FAILED'));

CREATE INDEX dedup_audit_follow_ups ON dedup_audit (job_instance_id)
    WHERE update_status IN ('PENDING', 'FAILED');

CREATE OR REPLACE VIEW dedup_run_summary AS
SELECT a.job_instance_id,
       max(a.job_execution_id)                                         AS last_job_execution_id,
       a.org_id,
       bool_or(a.dry_run)                                              AS dry_run,
       (array_agg(a.policy))[1]                                        AS policy,
       count(*)                                                        AS groups,
       count(*) FILTER (WHERE a.status = 'PLANNED')                    AS planned,
       count(*) FILTER (WHERE a.status = 'MERGED')                     AS merged,
       count(*) FILTER (WHERE a.status = 'SKIPPED')                    AS skipped,
       count(*) FILTER (WHERE a.status = 'FAILED')                     AS failed,
       count(*) FILTER (WHERE a.status = 'PENDING')                    AS pending,
       coalesce(sum(cardinality(a.merged_contact_ids)), 0)             AS contacts_merged_away,
       (SELECT jsonb_object_agg(r.reason, r.n)
          FROM (SELECT reason, count(*) AS n FROM dedup_audit r
                 WHERE r.job_instance_id = a.job_instance_id AND r.reason IS NOT NULL
                 GROUP BY reason) r)                                   AS reasons,
       min(a.created_at)                                               AS first_row_at,
       max(a.updated_at)                                               AS last_row_at,
       (SELECT e.status FROM batch_job_execution e
         WHERE e.job_execution_id = max(a.job_execution_id))           AS last_execution_status,
       count(*) FILTER (WHERE a.planned_update IS NOT NULL)            AS follow_ups_planned,
       count(*) FILTER (WHERE a.update_status = 'SENT')                AS follow_ups_sent,
       count(*) FILTER (WHERE a.update_status = 'FAILED')              AS follow_ups_failed,
       count(*) FILTER (WHERE a.update_status = 'PENDING')             AS follow_ups_pending
  FROM dedup_audit a
 GROUP BY a.job_instance_id, a.org_id;
