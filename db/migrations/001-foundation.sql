-- Foundation: users and tokens, webhook deliveries, the job queue, and the member repositories that webhooks
-- update. Times are ISO-8601 UTC strings except queue timings, which are epoch milliseconds for cheap comparisons.

CREATE TABLE users (
  id          INTEGER PRIMARY KEY,
  login       TEXT NOT NULL COLLATE NOCASE UNIQUE,
  role        TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'member')),
  github_id   INTEGER UNIQUE,
  created_at  TEXT NOT NULL
);

CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash   TEXT NOT NULL UNIQUE,      -- sha256 of the token; the token itself is never stored
  prefix       TEXT NOT NULL,             -- first characters, to tell tokens apart in listings
  created_at   TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at   TEXT
);

CREATE TABLE deliveries (
  id             TEXT PRIMARY KEY,        -- X-GitHub-Delivery
  event          TEXT NOT NULL,           -- X-GitHub-Event
  action         TEXT,
  hook_id        TEXT,
  repository_id  INTEGER,
  installation_id INTEGER,
  payload        BLOB NOT NULL,           -- the verified raw JSON body
  status         TEXT NOT NULL CHECK (status IN ('queued', 'processing', 'processed', 'ignored', 'failed', 'dead')),
  attempts       INTEGER NOT NULL DEFAULT 0,
  last_error     TEXT,
  note           TEXT,                    -- why a delivery was ignored
  received_at    TEXT NOT NULL,
  redelivered_at TEXT,
  arrivals       INTEGER NOT NULL DEFAULT 1,
  finished_at    TEXT
);
CREATE INDEX deliveries_received ON deliveries (received_at DESC, id);

CREATE TABLE jobs (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,              -- 'delivery', later 'fetch', 'metadata', ...
  subject     TEXT NOT NULL,              -- delivery id, repository id, ...
  queue_key   TEXT NOT NULL,              -- jobs sharing a key run one at a time (one repository at a time)
  state       TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'dead')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  run_at      INTEGER NOT NULL,           -- epoch ms: not before
  lease_until INTEGER,                    -- epoch ms: a running job whose lease passed is taken again
  last_error  TEXT,
  created_at  INTEGER NOT NULL,
  finished_at INTEGER
);
CREATE INDEX jobs_due ON jobs (state, run_at, id);
CREATE INDEX jobs_key ON jobs (queue_key, state);
-- At most one pending job of a kind per subject: a burst of pushes coalesces into one fetch.
CREATE UNIQUE INDEX jobs_one_pending ON jobs (kind, subject) WHERE state = 'pending';

-- Member repositories, keyed by GitHub's numeric id so renames and transfers keep one row.
-- A project registered before its GitHub id is known gets a provisional negative id, replaced when learnt.
CREATE TABLE repositories (
  id                INTEGER PRIMARY KEY,
  node_id           TEXT,
  owner             TEXT NOT NULL,
  name              TEXT NOT NULL,
  full_name         TEXT NOT NULL,
  domain            TEXT,
  clone_url         TEXT,
  description       TEXT,
  homepage          TEXT,
  topics            TEXT,                 -- JSON array
  license_spdx      TEXT,
  license_name      TEXT,
  default_branch    TEXT,
  visibility        TEXT,
  archived          INTEGER,
  fork              INTEGER,
  stars             INTEGER,
  forks             INTEGER,
  watchers          INTEGER,
  open_issues       INTEGER,
  installation_id   INTEGER,
  created_at        TEXT,                 -- on GitHub
  pushed_at         TEXT,
  github_updated_at TEXT,                 -- repository.updated_at of the newest facts applied
  registered_at     TEXT NOT NULL,
  updated_at        TEXT NOT NULL,        -- here
  deleted_at        TEXT,                 -- tombstone: deleted on GitHub
  removed_at        TEXT                  -- no longer a member project
);
CREATE UNIQUE INDEX repositories_live_name ON repositories (full_name COLLATE NOCASE)
  WHERE deleted_at IS NULL AND removed_at IS NULL;

-- Every name a repository has had, for redirects after renames and transfers.
CREATE TABLE repository_names (
  full_name     TEXT NOT NULL COLLATE NOCASE,
  repository_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE ON UPDATE CASCADE,
  until         TEXT NOT NULL,
  PRIMARY KEY (full_name, repository_id)
);

CREATE TABLE releases (
  id            INTEGER PRIMARY KEY,      -- GitHub release id
  repository_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE ON UPDATE CASCADE,
  tag_name      TEXT NOT NULL,
  name          TEXT,
  body          TEXT,
  draft         INTEGER NOT NULL DEFAULT 0,
  prerelease    INTEGER NOT NULL DEFAULT 0,
  author_login  TEXT,
  assets        TEXT,                     -- JSON array of asset names
  created_at    TEXT,
  published_at  TEXT,
  deleted_at    TEXT
);
CREATE INDEX releases_repository ON releases (repository_id, published_at);

-- Issues and pull requests share GitHub's numbering; both keyed by their numeric id.
CREATE TABLE issues (
  id                 INTEGER PRIMARY KEY,
  repository_id      INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE ON UPDATE CASCADE,
  number             INTEGER NOT NULL,
  is_pull_request    INTEGER NOT NULL,
  title              TEXT NOT NULL,
  state              TEXT NOT NULL,
  author_login       TEXT,
  author_type        TEXT,
  author_association TEXT,
  created_at         TEXT,
  updated_at         TEXT,
  closed_at          TEXT,
  merged_at          TEXT,
  merged_by_login    TEXT,
  deleted_at         TEXT
);
CREATE INDEX issues_repository ON issues (repository_id, is_pull_request, created_at);

CREATE TABLE collaborators (
  repository_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE ON UPDATE CASCADE,
  user_id       INTEGER NOT NULL,
  login         TEXT NOT NULL,
  permission    TEXT,
  added_at      TEXT NOT NULL,
  removed_at    TEXT,
  PRIMARY KEY (repository_id, user_id)
);

CREATE TABLE installations (
  id            INTEGER PRIMARY KEY,      -- GitHub App installation id
  account_login TEXT,
  account_type  TEXT,
  suspended_at  TEXT,
  deleted_at    TEXT,
  updated_at    TEXT NOT NULL
);
