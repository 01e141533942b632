-- Proposals: a member project's specification on its way to an association standard. A proposal's number is
-- permanent and never reused (numbers come from a counter per year, not from the rows). Its history is
-- append-only, and a revision's content never changes once generated.

CREATE TABLE proposal_numbers (
  year INTEGER PRIMARY KEY,
  last INTEGER NOT NULL
);

CREATE TABLE proposals (
  number               TEXT PRIMARY KEY,      -- MP-2026-001
  repository_id        INTEGER NOT NULL REFERENCES repositories(id) ON UPDATE CASCADE,
  type                 TEXT NOT NULL,         -- association
  stage                TEXT NOT NULL,         -- a stage id of the workflow
  title_zh             TEXT NOT NULL,
  title_en             TEXT NOT NULL,
  scope                TEXT NOT NULL,
  rationale            TEXT NOT NULL,
  proposing_unit       TEXT NOT NULL DEFAULT '',
  drafting_units       TEXT NOT NULL DEFAULT '[]', -- JSON array of names
  drafters             TEXT NOT NULL DEFAULT '[]', -- JSON array of names
  implementations      TEXT NOT NULL DEFAULT '[]', -- JSON array of { name, url }
  ipr_statement        TEXT,                  -- the proposer's IPR and patent statement; null until given
  ref                  TEXT NOT NULL,         -- tag, branch or commit the sources are taken from
  commit_sha           TEXT NOT NULL,         -- the commit the ref resolved to when the sources were pinned
  sources_yml          TEXT NOT NULL,         -- the proposal's sources.yml
  created_by           TEXT NOT NULL,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  version              INTEGER NOT NULL DEFAULT 1, -- bumped by every action: concurrent actions, one wins
  period_kind          TEXT CHECK (period_kind IN ('notice', 'comment')),
  period_started_at    TEXT,
  period_ends_at       TEXT,
  last_comment_ended_at TEXT,
  published_at         TEXT,
  review_due_at        TEXT
);
CREATE INDEX proposals_repository ON proposals (repository_id);
CREATE INDEX proposals_stage ON proposals (stage);

CREATE TABLE proposal_history (
  id          INTEGER PRIMARY KEY,
  number      TEXT NOT NULL REFERENCES proposals(number),
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,               -- create, or an action id of the workflow
  from_stage  TEXT,
  to_stage    TEXT NOT NULL,
  rev         INTEGER,                     -- the latest revision when the action was taken
  comment     TEXT NOT NULL DEFAULT '',
  decision    TEXT                         -- a link to the decision (minutes, ballot) when the action records one
);
CREATE INDEX proposal_history_number ON proposal_history (number, id);
CREATE TRIGGER proposal_history_no_update BEFORE UPDATE ON proposal_history
BEGIN SELECT RAISE(ABORT, 'proposal history is append-only'); END;
CREATE TRIGGER proposal_history_no_delete BEFORE DELETE ON proposal_history
BEGIN SELECT RAISE(ABORT, 'proposal history is append-only'); END;

CREATE TABLE proposal_revisions (
  number        TEXT NOT NULL REFERENCES proposals(number),
  rev           INTEGER NOT NULL,            -- 0, 1, 2 … shown as -00, -01 …
  ref           TEXT NOT NULL,
  commit_sha    TEXT,                        -- null until the ref is resolved
  sources_yml   TEXT NOT NULL,
  sources_digest TEXT NOT NULL,              -- same sources at the same commit: the same revision
  status        TEXT NOT NULL CHECK (status IN ('queued', 'ready', 'failed')),
  stage         TEXT NOT NULL,               -- the proposal's stage when asked for (names the draft)
  requested_by  TEXT NOT NULL,
  reason        TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  ready_at      TEXT,
  draft_md      TEXT,
  manifest_json TEXT,
  draft_html    TEXT,
  lint_json     TEXT,
  error         TEXT,                        -- a failed generation's message (JSON of a Message)
  PRIMARY KEY (number, rev)
);
CREATE UNIQUE INDEX proposal_revisions_same_input
  ON proposal_revisions (number, commit_sha, sources_digest) WHERE status = 'ready';
-- A generated revision is immutable: its content and commit never change once it is ready.
CREATE TRIGGER proposal_revisions_immutable BEFORE UPDATE ON proposal_revisions
WHEN OLD.status = 'ready'
BEGIN SELECT RAISE(ABORT, 'a generated revision is immutable'); END;
CREATE TRIGGER proposal_revisions_no_delete BEFORE DELETE ON proposal_revisions
WHEN OLD.status = 'ready'
BEGIN SELECT RAISE(ABORT, 'a generated revision is immutable'); END;
