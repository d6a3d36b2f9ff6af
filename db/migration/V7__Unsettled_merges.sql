-- A merge whose answer was lost and that looking its contacts up could not settle is UNSETTLED
-- (reason merge-unconfirmed; detail says what was found of each contact): the run goes on with the
-- other groups and ends failed, until a later run settles it or an operator records what they
-- found in Invent with --settle (settled_by, settled_reason, settled_at say who, why and when).
ALTER TABLE dedup_audit
    DROP CONSTRAINT dedup_audit_status,
    DROP CONSTRAINT dedup_audit_reason,
    ADD COLUMN settled_by     text,
    ADD COLUMN settled_reason text,
    ADD COLUMN settled_at     timestamptz,
    ADD CONSTRAINT dedup_audit_status
        CHECK (status IN ('PLANNED', 'PENDING', 'MERGED', 'SKIPPED', 'FAILED', 'UNSETTLED')),
    ADD CONSTRAINT dedup_audit_reason CHECK ((status IN ('SKIPPED', 'FAILED', 'UNSETTLED')) = (reason IS NOT NULL));

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
       count(*) FILTER (WHERE a.update_status = 'PENDING')             AS follow_ups_pending,
       count(*) FILTER (WHERE a.status = 'UNSETTLED')                  AS unsettled,
       count(*) FILTER (WHERE a.settled_by IS NOT NULL)                AS settled_by_hand
  FROM dedup_audit a
 GROUP BY a.job_instance_id, a.org_id;

CREATE OR REPLACE VIEW dedup_run_failures AS
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
       a.updated_at,
       a.detail
  FROM dedup_audit a
 WHERE a.status IN ('FAILED', 'PENDING', 'UNSETTLED')
    OR a.update_status IN ('FAILED', 'PENDING');
