-- Maturity: the model (versioned, one active), each project's current result, the append-only history of every
-- signal, exemptions granted by reviewers, organisation corrections, and a content-addressed cache of what was
-- read from file blobs (so re-evaluating after a push only reads the blobs the push changed).

-- Every model an administrator installed; exactly one is active (none: the default model in content/maturity).
CREATE TABLE maturity_models (
  version     INTEGER PRIMARY KEY,
  source      TEXT NOT NULL,              -- the YAML as installed
  digest      TEXT NOT NULL,              -- sha256 of the source
  active      INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  created_by  TEXT
);
CREATE UNIQUE INDEX maturity_models_one_active ON maturity_models (active) WHERE active = 1;

-- The latest evaluation of each project, as the API returns it.
CREATE TABLE maturity_results (
  repository_id INTEGER PRIMARY KEY REFERENCES repositories(id) ON DELETE CASCADE ON UPDATE CASCADE,
  model_digest  TEXT NOT NULL,
  level         TEXT,
  next_level    TEXT,
  score         REAL,
  commit_sha    TEXT,
  evaluated_at  TEXT NOT NULL,
  result        TEXT NOT NULL             -- JSON MaturityJson
);

-- History: a row when a signal's value, status or reason changes, and one snapshot a day otherwise.
CREATE TABLE maturity_observations (
  id            INTEGER PRIMARY KEY,
  repository_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE ON UPDATE CASCADE,
  signal        TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('change', 'snapshot')),
  value         TEXT,                     -- JSON
  status        TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'not-applicable', 'unknown')),
  reason        TEXT,
  commit_sha    TEXT,
  evidence      TEXT,                     -- JSON EvidenceJson[] at that time: what flipped the signal
  observed_at   TEXT NOT NULL
);
CREATE INDEX maturity_observations_signal ON maturity_observations (repository_id, signal, observed_at, id);
-- Append-only: history is never rewritten (a repository id adopted from a provisional one may still cascade).
CREATE TRIGGER maturity_observations_append_only
BEFORE UPDATE OF signal, kind, value, status, reason, commit_sha, evidence, observed_at ON maturity_observations
BEGIN
  SELECT RAISE(ABORT, 'maturity observations are append-only');
END;

CREATE TABLE maturity_exemptions (
  id            INTEGER PRIMARY KEY,
  repository_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE ON UPDATE CASCADE,
  signal        TEXT NOT NULL,
  reason        TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  revoked_at    TEXT,
  revoked_by    TEXT
);
CREATE INDEX maturity_exemptions_repository ON maturity_exemptions (repository_id, signal);

-- Administrator corrections for organisational diversity: an email, an @domain or a GitHub login → organisation.
CREATE TABLE maturity_organisations (
  match        TEXT PRIMARY KEY COLLATE NOCASE,
  organisation TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT
) WITHOUT ROWID;

-- What was read from a blob (BCP 14 keywords, headings, links, licence), keyed by blob id and reader version.
CREATE TABLE maturity_blob_facts (
  key   TEXT PRIMARY KEY,                 -- '<reader version>:<blob sha>'
  facts TEXT NOT NULL                     -- JSON
) WITHOUT ROWID;
