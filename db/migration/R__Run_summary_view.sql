-- A run's counts, every one defined here and nowhere else: the launcher's summary, --report, the
-- run's page and the home page read them through this view (audit.RunFacts.Counts, by column name).
-- Flyway runs a repeatable migration after the versioned ones whenever its text changes. A new count
-- is a column appended at the end (PostgreSQL replaces a view only when its columns before stay as
-- they were, in order) and a component of RunFacts.Counts. (V2, V3, V7, V8 and V10 defined the view
-- before this file; a migration once applied is never edited, so they stay as they were.)
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
       count(*) FILTER (WHERE a.settled_by IS NOT NULL)                AS settled_by_hand,
       count(*) FILTER (WHERE a.reason = 'changed-since-review')       AS changed_since_review,
       count(*) FILTER (WHERE a.reason = 'rejected-in-review')         AS rejected_in_review,
       count(*) FILTER (WHERE a.reason = 'not-in-plan')                AS not_in_plan,
       count(*) FILTER (WHERE a.reason = 'no-longer-listed')           AS no_longer_listed,
       count(*) FILTER (WHERE a.status = 'NEEDS_REVIEW')               AS needs_review
  FROM dedup_audit a
 GROUP BY a.job_instance_id, a.org_id;
