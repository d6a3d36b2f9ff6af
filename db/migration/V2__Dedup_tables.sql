-- The snapshot of an org's duplicate groups taken by the collect step of a run (a job instance).
-- The merge step works from it, never from the live listing, which shifts as groups are merged.
CREATE TABLE dedup_staged_group (
    id              bigserial   PRIMARY KEY,
    job_instance_id bigint      NOT NULL,
    org_id          text        NOT NULL,
    group_key       text        NOT NULL,
    listed_group    jsonb       NOT NULL,
    collected_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dedup_staged_group_once UNIQUE (job_instance_id, group_key)
);

-- One row per group per run: what the policy decided, what was sent, what the API confirmed.
-- A row is written PENDING and committed before its merge request is sent.
CREATE TABLE dedup_audit (
    id                   bigserial   PRIMARY KEY,
    job_instance_id      bigint      NOT NULL,
    job_execution_id     bigint      NOT NULL,
    org_id               text        NOT NULL,
    group_key            text        NOT NULL,
    dry_run              boolean     NOT NULL,
    status               text        NOT NULL,
    reason               text,
    survivor_contact_id  text,
    source_contact_ids   text[]      NOT NULL DEFAULT '{}',
    merged_contact_ids   text[]      NOT NULL DEFAULT '{}',
    excluded_contact_ids text[]      NOT NULL DEFAULT '{}',
    exclusion_reasons    text[]      NOT NULL DEFAULT '{}',
    detail               text,
    http_status          integer,
    error                text,
    listed_group         jsonb       NOT NULL,
    policy               jsonb       NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dedup_audit_once UNIQUE (job_instance_id, group_key),
    CONSTRAINT dedup_audit_status CHECK (status IN ('PLANNED', 'PENDING', 'MERGED', 'SKIPPED', 'FAILED')),
    CONSTRAINT dedup_audit_reason CHECK ((status IN ('SKIPPED', 'FAILED')) = (reason IS NOT NULL)),
    CONSTRAINT dedup_audit_exclusions CHECK (cardinality(excluded_contact_ids) = cardinality(exclusion_reasons))
);

CREATE INDEX dedup_audit_org_created ON dedup_audit (org_id, created_at);
CREATE INDEX dedup_audit_execution ON dedup_audit (job_execution_id);
CREATE INDEX dedup_audit_survivor ON dedup_audit (survivor_contact_id);
CREATE INDEX dedup_audit_members ON dedup_audit USING gin (source_contact_ids);

-- One row per run: its parameters' effect, its counts, how its last execution ended.
CREATE VIEW dedup_run_summary AS
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
         WHERE e.job_execution_id = max(a.job_execution_id))           AS last_execution_status
  FROM dedup_audit a
 GROUP BY a.job_instance_id, a.org_id;
