-- The name check (checkNames): a group whose members' names disagree, with no agreeing core, is
-- recorded NEEDS_REVIEW (reason names-disagree, or changed-since-review when an approved group
-- changed) with the merge a person approves or rejects. Nothing of it is merged until approved.
ALTER TABLE dedup_audit
    DROP CONSTRAINT dedup_audit_status,
    ADD CONSTRAINT dedup_audit_status
        CHECK (status IN ('PLANNED', 'PENDING', 'MERGED', 'SKIPPED', 'FAILED', 'UNSETTLED', 'NEEDS_REVIEW')),
    DROP CONSTRAINT dedup_audit_reason,
    ADD CONSTRAINT dedup_audit_reason
        CHECK ((status IN ('SKIPPED', 'FAILED', 'UNSETTLED', 'NEEDS_REVIEW')) = (reason IS NOT NULL));

-- The ids of a listed group's members (its primary and duplicates), sorted: later runs find the
-- queued groups that share members with a group listed now, and an apply run the planned group of
-- a group listed now, through this index, in the database rather than in a map of the whole plan.
CREATE FUNCTION dedup_member_ids(listed jsonb) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT id ORDER BY id), '{}')
      FROM (SELECT listed -> 'primary' ->> 'id' AS id
            UNION ALL
            SELECT duplicate ->> 'id'
              FROM jsonb_array_elements(CASE jsonb_typeof(listed -> 'duplicates')
                                        WHEN 'array' THEN listed -> 'duplicates' ELSE '[]' END) AS duplicate
             WHERE jsonb_typeof(duplicate) = 'object') AS members
     WHERE id IS NOT NULL
$$;

CREATE INDEX dedup_audit_plan_members ON dedup_audit USING gin (dedup_member_ids(listed_group))
    WHERE status IN ('PLANNED', 'NEEDS_REVIEW');

-- Queued groups (NEEDS_REVIEW) a person approved (--approve): every later run of the org merges
-- such a group while its plan recomputed now is the approved one, for dedup.plan-max-age.
-- Rejections of queued groups are rows of dedup_rejection, like those of planned groups.
CREATE TABLE dedup_approval (
    run_instance_id bigint      NOT NULL,
    group_key       text        NOT NULL,
    reason          text        NOT NULL CHECK (reason <> ''),
    approved_by     text        NOT NULL,
    approved_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_instance_id, group_key)
);

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
