-- The API budget that every run on one budget name shares (invent.api.budget): a token bucket
-- kept by Bucket4j, one row per budget and rate (id BUDGET:RATE), its state serialized by Bucket4j.
CREATE TABLE dedup_api_budget (
    id    text  PRIMARY KEY,
    state bytea
);
