-- The git mirror: where each member's bare mirror lives, what it was last fetched to, and the commits and refs
-- indexed from it. Also the state of the API-derived metadata (known, or unknown with the reason).

ALTER TABLE repositories ADD COLUMN mirror_path TEXT;          -- absolute path of the bare mirror
ALTER TABLE repositories ADD COLUMN head_sha TEXT;             -- tip of the default branch in the mirror
ALTER TABLE repositories ADD COLUMN mirror_branch TEXT;        -- the default branch as the mirror's HEAD names it
ALTER TABLE repositories ADD COLUMN commit_count INTEGER;      -- commits on the default branch
ALTER TABLE repositories ADD COLUMN last_fetch_at TEXT;        -- last successful fetch
ALTER TABLE repositories ADD COLUMN last_fetch_error TEXT;     -- redacted message of the last failed fetch
ALTER TABLE repositories ADD COLUMN last_fetch_attempt_at TEXT;
ALTER TABLE repositories ADD COLUMN metadata_source TEXT;      -- 'api' or 'demo' (demo data is never refreshed from the API)
ALTER TABLE repositories ADD COLUMN metadata_status TEXT;      -- 'ok' or 'unknown'
ALTER TABLE repositories ADD COLUMN metadata_reason TEXT;      -- why metadata is unknown, e.g. "no GITHUB_TOKEN"
ALTER TABLE repositories ADD COLUMN metadata_fetched_at TEXT;

CREATE TABLE domains (
  slug    TEXT PRIMARY KEY,
  name_en TEXT NOT NULL,
  name_zh TEXT NOT NULL
);
INSERT INTO domains (slug, name_en, name_zh) VALUES
  ('cloud-computing', 'Cloud computing', '云计算'),
  ('big-data', 'Big data', '大数据'),
  ('industrial-internet', 'Industrial internet', '工业互联网'),
  ('blockchain', 'Blockchain', '区块链'),
  ('artificial-intelligence', 'Artificial intelligence', '人工智能'),
  ('iot', 'Internet of things', '物联网'),
  ('open-source-governance', 'Open source governance', '开源治理');

-- Commits reachable from any ref of the mirror, indexed incrementally (only what a fetch brought).
CREATE TABLE commits (
  repository_id   INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE ON UPDATE CASCADE,
  sha             TEXT NOT NULL,
  parents         TEXT NOT NULL,          -- space-separated parent shas
  author_name     TEXT NOT NULL,          -- as .mailmap maps it
  author_email    TEXT NOT NULL,          -- as .mailmap maps it, lower-cased
  raw_author_name TEXT NOT NULL,
  raw_author_email TEXT NOT NULL,
  author_date     TEXT NOT NULL,          -- ISO-8601 with offset, as recorded
  author_time     INTEGER NOT NULL,       -- epoch seconds, for windows
  committer_name  TEXT NOT NULL,
  committer_email TEXT NOT NULL,
  committer_date  TEXT NOT NULL,
  subject         TEXT NOT NULL,
  signed_off_by   TEXT,                   -- JSON array of "Name <email>" trailers, NULL when none
  PRIMARY KEY (repository_id, sha)
) WITHOUT ROWID;
CREATE INDEX commits_by_time ON commits (repository_id, author_time);

-- Branches and tags of the mirror as of the last fetch.
CREATE TABLE git_refs (
  repository_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE ON UPDATE CASCADE,
  name          TEXT NOT NULL,            -- refs/heads/main, refs/tags/v1.0.0
  sha           TEXT NOT NULL,            -- the object the ref points at (an annotated tag object for such tags)
  commit_sha    TEXT,                     -- the commit it peels to
  kind          TEXT NOT NULL CHECK (kind IN ('branch', 'tag', 'other')),
  tagged_at     TEXT,                     -- tagger date of an annotated tag, else the commit date
  PRIMARY KEY (repository_id, name)
) WITHOUT ROWID;

-- Instance-wide facts, e.g. when the demo community was seeded (so removing demo projects never re-seeds them).
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
