-- One run per org, whatever becomes of its database session: the run that holds an org's lease
-- renews it every few seconds; every merge is fenced by its token (a run whose token is no longer
-- the row's, or whose lease expired, sends nothing more). Times are the database's alone.
CREATE TABLE dedup_org_lease (
    org_id      text        PRIMARY KEY,
    token       bigint      NOT NULL,
    holder      text        NOT NULL,
    acquired_at timestamptz NOT NULL,
    renewed_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
