-- Upstream drift: what changed on the project's default branch under a proposal's current revision, computed from
-- the mirror after each fetch (one row per proposal, replaced when the head or the revision moves).
CREATE TABLE proposal_drift (
  number       TEXT PRIMARY KEY REFERENCES proposals(number),
  rev          INTEGER NOT NULL,
  head_commit  TEXT NOT NULL,
  drifted      INTEGER NOT NULL CHECK (drifted IN (0, 1)),
  report_json  TEXT NOT NULL,
  computed_at  TEXT NOT NULL
);
