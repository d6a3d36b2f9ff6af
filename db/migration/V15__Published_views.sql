-- What a room of the code publishes for the other rooms to read (README, "Development"): each table
-- is queried by its own room alone; another room reads it through one of these views, so that the
-- owner can change its table and keep the view. Each is a plain projection or filter, which
-- PostgreSQL folds into the query that reads it: the indexes of the table serve as before.

-- audit publishes the groups that the runs recorded, what was decided and planned of each: read by
-- the decisions (the queue, the last decision on a group) and by the collect step (the groups whose
-- merge was sent and whose outcome is not recorded).
CREATE VIEW dedup_recorded_group AS
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
       a.created_at
  FROM dedup_audit a;

-- collect publishes the runs that listed an org's groups (one row a run, failed listings too):
-- read by the audit's records of runs and by the queue (each org's last run).
CREATE VIEW dedup_listed_run AS
SELECT DISTINCT l.job_instance_id, l.org_id
  FROM dedup_listing l;

-- collect publishes what each run read of the listing: its latest checked listing beside what that
-- announced, how many listings completed, and the age of the oldest listing a merge acted on.
CREATE VIEW dedup_run_listing AS
SELECT l.job_instance_id,
       l.org_id,
       l.listing,
       l.announced,
       l.collected,
       (SELECT count(*) FROM dedup_listing c
         WHERE c.job_instance_id = l.job_instance_id AND c.completed)              AS listings,
       (SELECT max(c.oldest_merge_age_ms) FROM dedup_listing c
         WHERE c.job_instance_id = l.job_instance_id)                              AS oldest_merge_age_ms
  FROM dedup_listing l
 WHERE l.checked_at IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM dedup_listing n
                    WHERE n.job_instance_id = l.job_instance_id AND n.checked_at IS NOT NULL
                      AND n.listing > l.listing);

-- collect publishes the groups that each listing of a run held (the run's snapshot): read by the
-- audit when it records the groups no longer listed.
CREATE VIEW dedup_listed_group AS
SELECT s.id,
       s.job_instance_id,
       s.listing,
       s.org_id,
       s.group_key,
       s.listed_group
  FROM dedup_staged_group s;
