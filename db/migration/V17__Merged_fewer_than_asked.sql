-- A merge Invent applied to fewer sources than it was asked (a source deleted in Invent's UI a moment
-- before): the group is MERGED with the reason some-sources-not-merged, and its error says what became
-- of each source left out. Every other MERGED row has no reason.
ALTER TABLE dedup_audit
    DROP CONSTRAINT dedup_audit_reason,
    ADD CONSTRAINT dedup_audit_reason
        CHECK ((status IN ('SKIPPED', 'FAILED', 'UNSETTLED', 'NEEDS_REVIEW')) = (reason IS NOT NULL)
               OR (status = 'MERGED' AND reason = 'some-sources-not-merged'));
