-- A run lists the org in windows (issue 44): as many pages as it can merge within
-- dedup.merge.max-listing-age, then the next window, where the first group not looked at is now;
-- a walk from the first page to the end is a pass, and a pass that sent merges is followed by
-- another. Each window is a listing of the run (one row here), with its pass, its first page, how
-- many pages it may read (0: to the end), the last page it read, the groups a page held, whether it
-- read the end; once merged, when, whether the bound came before every group of it was handled,
-- whether it sent merges, and how many of its groups stay listed.
ALTER TABLE dedup_listing
    ADD COLUMN pass integer NOT NULL DEFAULT 1,
    ADD COLUMN first_page integer NOT NULL DEFAULT 1,
    ADD COLUMN pages integer NOT NULL DEFAULT 0,
    ADD COLUMN last_page integer,
    ADD COLUMN page_size integer,
    ADD COLUMN merged_at timestamptz,
    ADD COLUMN reached_end boolean NOT NULL DEFAULT true,
    ADD COLUMN stale boolean NOT NULL DEFAULT false,
    ADD COLUMN sent_merges boolean NOT NULL DEFAULT false,
    ADD COLUMN stayed bigint;

-- A merge sent before a crash is carried into the next window by its key, from the few PENDING rows:
-- never by reading the earlier windows of a pass whole (the key first: the queries of a whole listing
-- keep to the index of its pages).
CREATE INDEX dedup_staged_group_key ON dedup_staged_group (group_key, job_instance_id);
CREATE INDEX dedup_audit_pending ON dedup_audit (job_instance_id) WHERE status = 'PENDING';

-- A group listed anew after a merge of the run (its survivor and the contacts the merge kept out) is
-- the same people: the run finds them among the members of its merges, never decides on them twice.
CREATE INDEX dedup_audit_merged_members ON dedup_audit USING gin (dedup_member_ids(listed_group))
    WHERE status IN ('MERGED', 'UNSETTLED', 'PENDING') OR reason = 'partially-merged';

-- What each run read of the listing: its first pass (the one that read the org) beside what that
-- announced as it began (the first window's pagination-count) and the groups its windows read (a
-- group read by two windows counted twice); how many windows, the oldest one a merge acted on, how
-- many passes.
CREATE OR REPLACE VIEW dedup_run_listing AS
SELECT r.job_instance_id,
       r.org_id,
       r.listing,
       (SELECT f.announced FROM dedup_listing f
         WHERE f.job_instance_id = r.job_instance_id AND f.checked_at IS NOT NULL AND f.pass = 1
         ORDER BY f.listing LIMIT 1)                                               AS announced,
       (SELECT sum(f.collected) FROM dedup_listing f
         WHERE f.job_instance_id = r.job_instance_id AND f.checked_at IS NOT NULL
           AND f.pass = 1)::bigint                                                 AS collected,
       (SELECT count(*) FROM dedup_listing c
         WHERE c.job_instance_id = r.job_instance_id AND c.completed)              AS listings,
       (SELECT max(c.oldest_merge_age_ms) FROM dedup_listing c
         WHERE c.job_instance_id = r.job_instance_id)                              AS oldest_merge_age_ms,
       (SELECT max(c.pass) FROM dedup_listing c
         WHERE c.job_instance_id = r.job_instance_id AND c.checked_at IS NOT NULL)  AS passes
  FROM dedup_listing r
 WHERE r.checked_at IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM dedup_listing n
                    WHERE n.job_instance_id = r.job_instance_id AND n.checked_at IS NOT NULL
                      AND n.listing > r.listing);

-- audit publishes when each row was last written: the collect step reads whether a window sent
-- merges (a merge of one of its groups recorded since the window began).
CREATE OR REPLACE VIEW dedup_recorded_group AS
SELECT a.id,
       a.job_instance_id,
       a.job_execution_id,
       a.org_id,
       a.group_key,
       a.status,
       a.reason,
       a.detail,
       a.listed_group,
       a.survivor_contact_id,
       a.source_contact_ids,
       a.excluded_contact_ids,
       a.exclusion_reasons,
       a.planned_update,
       a.policy,
       a.created_at,
       a.updated_at
  FROM dedup_audit a;
