-- Accounts (issue 12). Roles become grants: who granted which role when, and who revoked it when (the rows stay).
-- Users learn their GitHub identity and name; API tokens get scopes, an expiry, a label and whether they carry a
-- checksum; maintainers are recorded per project from their GitHub permission, with the time it was read.

CREATE TABLE role_grants (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role        TEXT NOT NULL CHECK (role IN ('reviewer', 'secretariat', 'admin')),
  granted_by  TEXT NOT NULL,              -- a login, or `cli`, `demo` or `migration`
  granted_at  TEXT NOT NULL,
  revoked_by  TEXT,
  revoked_at  TEXT
);
-- At most one grant in force per person and role; revoked grants stay as history.
CREATE UNIQUE INDEX role_grants_active ON role_grants (user_id, role) WHERE revoked_at IS NULL;

-- The single role of earlier versions becomes a grant (member is no grant: everyone signed in is a member).
INSERT INTO role_grants (user_id, role, granted_by, granted_at)
  SELECT id, role, 'migration', created_at FROM users WHERE role IN ('reviewer', 'admin');
ALTER TABLE users DROP COLUMN role;
ALTER TABLE users ADD COLUMN name TEXT;
-- A person of the offline demo community (signs in only through the demo sign-in).
ALTER TABLE users ADD COLUMN demo INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN last_sign_in_at TEXT;

-- Tokens minted before this version carry no checksum and keep every scope, with no expiry, until revoked.
ALTER TABLE api_tokens ADD COLUMN scopes TEXT NOT NULL DEFAULT 'read,proposals,reviews,admin';
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
ALTER TABLE api_tokens ADD COLUMN label TEXT;
ALTER TABLE api_tokens ADD COLUMN checksummed INTEGER NOT NULL DEFAULT 0;
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Who maintains which member project: GitHub permission `admin` or `maintain` on its repository, or owner of the
-- organisation that owns it (read at sign-in, re-read before a maintainer-only action when older than an hour),
-- or given by the demo community.
CREATE TABLE maintainers (
  user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  repository_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE ON UPDATE CASCADE,
  permission    TEXT NOT NULL,            -- 'admin', 'maintain', 'owner' (of the organisation) or 'demo'
  source        TEXT NOT NULL CHECK (source IN ('github', 'demo')),
  checked_at    TEXT NOT NULL,
  PRIMARY KEY (user_id, repository_id)
);
CREATE INDEX maintainers_repository ON maintainers (repository_id);
