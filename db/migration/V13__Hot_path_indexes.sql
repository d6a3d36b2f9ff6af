-- The staged reader's page, `WHERE job_instance_id = $1 AND listing = $2 AND id > $3 ORDER BY id
-- LIMIT 100`, read straight off one index in the order it returns, whatever the plan: without it a
-- generic plan made before the collected snapshot was analysed took every row of the run through
-- dedup_staged_group_once and sorted them, for every page (282 ms a page at 200,000 groups, the
-- merge step at 160-200 groups a second instead of 1,000+).
CREATE INDEX dedup_staged_group_page ON dedup_staged_group (job_instance_id, listing, id);
