-- Public comment (征求意见): comments bound to a clause ID of the revision they were made on (they follow the clause
-- to later revisions through the manifests' lineage), replies, and the editors' dispositions. Comments are never
-- changed or deleted; a disposition is append-only too (a new row per decision, the latest wins).

CREATE TABLE comments (
  id              INTEGER PRIMARY KEY,
  number          TEXT NOT NULL REFERENCES proposals(number),
  seq             INTEGER NOT NULL,                  -- 1, 2 … per proposal: the number in the resolution table
  rev             INTEGER NOT NULL,                  -- the revision commented on
  clause_id       TEXT NOT NULL,                     -- a clause ID of that revision
  parent_id       INTEGER REFERENCES comments(id),   -- a reply to this comment (replies take no disposition)
  kind            TEXT NOT NULL CHECK (kind IN ('editorial', 'technical', 'general')),
  markdown        TEXT NOT NULL,
  html            TEXT NOT NULL,                     -- rendered through the sanitising pipeline when written
  proposed_change TEXT NOT NULL DEFAULT '',
  author          TEXT NOT NULL,
  organisation    TEXT NOT NULL DEFAULT '',
  at              TEXT NOT NULL,
  UNIQUE (number, seq)
);
CREATE INDEX comments_proposal ON comments (number, id);
CREATE TRIGGER comments_no_update BEFORE UPDATE ON comments
BEGIN SELECT RAISE(ABORT, 'comments are append-only'); END;
CREATE TRIGGER comments_no_delete BEFORE DELETE ON comments
BEGIN SELECT RAISE(ABORT, 'comments are append-only'); END;

CREATE TABLE comment_dispositions (
  id          INTEGER PRIMARY KEY,
  comment_id  INTEGER NOT NULL REFERENCES comments(id),
  disposition TEXT NOT NULL CHECK (disposition IN ('accepted', 'partially-accepted', 'rejected', 'noted')),
  reason      TEXT NOT NULL DEFAULT '',
  carried_in  INTEGER,                               -- the revision that carries the change, if any
  by_login    TEXT NOT NULL,
  at          TEXT NOT NULL
);
CREATE INDEX comment_dispositions_comment ON comment_dispositions (comment_id, id);
CREATE TRIGGER comment_dispositions_no_update BEFORE UPDATE ON comment_dispositions
BEGIN SELECT RAISE(ABORT, 'dispositions are append-only'); END;
CREATE TRIGGER comment_dispositions_no_delete BEFORE DELETE ON comment_dispositions
BEGIN SELECT RAISE(ABORT, 'dispositions are append-only'); END;
