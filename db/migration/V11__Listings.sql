-- A run may list the org more than once (dedup.merge.max-listing-age): no merge is sent on a
-- listing older than the bound, so a long or resumed run lists again. Each listing of a run has
-- its number: the snapshot keeps the groups of the listing a run merges from, dedup_listing one row
-- per listing, with when it began (the age of every group it holds is counted from then) and the
-- oldest listing a merge acted on; checked_at stays empty until the listing was read to its end.
ALTER TABLE dedup_staged_group ADD COLUMN listing integer NOT NULL DEFAULT 1;
ALTER TABLE dedup_staged_group
    DROP CONSTRAINT dedup_staged_group_once,
    ADD CONSTRAINT dedup_staged_group_once UNIQUE (job_instance_id, listing, group_key);

ALTER TABLE dedup_listing
    ADD COLUMN listing integer NOT NULL DEFAULT 1,
    ADD COLUMN started_at timestamptz,
    ADD COLUMN completed boolean NOT NULL DEFAULT true,
    ADD COLUMN oldest_merge_age_ms bigint;
UPDATE dedup_listing SET started_at = checked_at WHERE started_at IS NULL;
ALTER TABLE dedup_listing
    ALTER COLUMN started_at SET NOT NULL,
    ALTER COLUMN started_at SET DEFAULT now(),
    ALTER COLUMN completed SET DEFAULT false,
    ALTER COLUMN checked_at DROP NOT NULL,
    ALTER COLUMN checked_at DROP DEFAULT,
    DROP CONSTRAINT dedup_listing_pkey,
    ADD PRIMARY KEY (job_instance_id, listing);
