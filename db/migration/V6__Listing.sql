-- What the collect step of each run read of the listing, beside what the listing announced
-- (pagination-count; null when the API gave none): a shortfall is reported, and fails the run past
-- dedup.collect.max-shortfall.
CREATE TABLE dedup_listing (
    job_instance_id bigint      PRIMARY KEY,
    org_id          text        NOT NULL,
    announced       bigint,
    collected       bigint      NOT NULL,
    checked_at      timestamptz NOT NULL DEFAULT now()
);
