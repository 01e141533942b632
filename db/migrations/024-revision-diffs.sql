-- The clause diff of a revision against the ready revision before it, made with the revision (in its background
-- process) and kept with it, so that it never depends on the ICU of a later day. NULL for a first revision and for
-- revisions made before this migration (their diff is computed when it is read).
ALTER TABLE proposal_revisions ADD COLUMN diff_from INTEGER;
ALTER TABLE proposal_revisions ADD COLUMN diff_json TEXT;
