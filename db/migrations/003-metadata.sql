-- API-derived metadata beyond repository facts: contributors and their public profiles (organisational
-- diversity), per issue and pull request the first response, review approvals and CI checks (process signals),
-- and an HTTP cache so unchanged resources are answered by a free 304.

-- Where the incremental issue listing resumes: the newest `updated_at` seen by a completed listing page.
-- NULL until the first full pass has stored something; webhooks never move it.
ALTER TABLE repositories ADD COLUMN issues_since TEXT;

-- `GET /repos/{owner}/{repo}/contributors`: commits on the default branch per GitHub login. The list is
-- replaced as a whole on each successful fetch.
CREATE TABLE contributors (
  repository_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE ON UPDATE CASCADE,
  login         TEXT NOT NULL COLLATE NOCASE,
  contributions INTEGER NOT NULL,
  type          TEXT,                      -- 'User' or 'Bot'
  PRIMARY KEY (repository_id, login)
) WITHOUT ROWID;

-- `GET /users/{login}`: public profile fields, shared by every repository the person works on.
CREATE TABLE github_users (
  login      TEXT PRIMARY KEY COLLATE NOCASE,
  type       TEXT,
  name       TEXT,
  company    TEXT,                         -- as the user typed it, e.g. "@magnolia-labs" or "Magnolia Labs Inc."
  email      TEXT,                         -- public email only
  fetched_at TEXT NOT NULL
) WITHOUT ROWID;

-- Process facts per issue or pull request. The first response is the first comment or review by someone other
-- than the author; a bot's is kept apart so the evaluator decides whether bots count.
ALTER TABLE issues ADD COLUMN comments_count INTEGER;
ALTER TABLE issues ADD COLUMN first_response_at TEXT;        -- first human response (not the author, not a bot)
ALTER TABLE issues ADD COLUMN first_response_login TEXT;
ALTER TABLE issues ADD COLUMN first_response_kind TEXT;      -- 'comment' or 'review'
ALTER TABLE issues ADD COLUMN first_bot_response_at TEXT;    -- first response by a bot (not the author)
ALTER TABLE issues ADD COLUMN first_bot_response_login TEXT;
-- The item's `updated_at` when its comments (and reviews) were last read: re-read only after it changes.
ALTER TABLE issues ADD COLUMN responses_checked_at TEXT;
ALTER TABLE issues ADD COLUMN head_sha TEXT;                 -- pull requests: head commit the checks ran on
ALTER TABLE issues ADD COLUMN check_runs_count INTEGER;      -- NULL: not looked at; 0: no CI ran
ALTER TABLE issues ADD COLUMN check_conclusions TEXT;        -- JSON object, conclusion -> count
-- The pull request's `updated_at` when its reviews and checks were last read.
ALTER TABLE issues ADD COLUMN details_checked_at TEXT;
CREATE INDEX issues_closed ON issues (repository_id, is_pull_request, state, closed_at);

-- `GET /repos/{owner}/{repo}/pulls/{number}/reviews`, replaced per pull request when read.
CREATE TABLE pull_request_reviews (
  id             INTEGER PRIMARY KEY,      -- GitHub review id
  issue_id       INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  repository_id  INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE ON UPDATE CASCADE,
  reviewer_login TEXT,
  reviewer_type  TEXT,
  state          TEXT NOT NULL,            -- APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED
  submitted_at   TEXT
);
CREATE INDEX pull_request_reviews_issue ON pull_request_reviews (issue_id);
CREATE INDEX pull_request_reviews_repository ON pull_request_reviews (repository_id, state);

-- Conditional requests: the validators and body of the last 200 answer per URL, served again on a 304.
CREATE TABLE http_cache (
  url           TEXT PRIMARY KEY,
  etag          TEXT,
  last_modified TEXT,
  link          TEXT,                      -- the Link header, so cached pages still paginate
  body          TEXT NOT NULL,             -- JSON
  stored_at     TEXT NOT NULL,
  used_at       TEXT NOT NULL
);
CREATE INDEX http_cache_used ON http_cache (used_at);
