-- A listing that shifted while it was read (its count changed between pages, or a group was served
-- twice: groups merged or deleted in Invent's UI moved the later pages up): the run lists the org
-- again before it completes, so that no group the shift hid is left unlooked at.
ALTER TABLE dedup_listing ADD COLUMN shifted boolean NOT NULL DEFAULT false;
