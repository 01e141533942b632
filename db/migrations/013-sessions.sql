-- Sessions of people signed in to the portal (express-session over this table). The session id lives only in the
-- signed cookie: rows are keyed by its SHA-256. The data (the user, the CSRF token, the GitHub user token while it
-- is needed) is sealed with AES-256-GCM under a key derived from the session secret. Times are epoch ms.
CREATE TABLE sessions (
  id_hash     TEXT PRIMARY KEY,
  user_id     INTEGER REFERENCES users(id) ON DELETE CASCADE,
  data        BLOB NOT NULL,
  created_at  INTEGER NOT NULL,           -- absolute expiry counts from here
  seen_at     INTEGER NOT NULL,           -- idle expiry counts from here
  expires_at  INTEGER NOT NULL            -- the earlier of the two
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);
