-- Notifications of the review (the review issue): a ballot opened (its voters are asked to vote), a ballot closed
-- (the secretariat and the drafters are told the result), and upstream drift found under a proposal's revision
-- (the editors are asked whether to make a new revision). SQLite changes a CHECK only by rebuilding the table.

CREATE TABLE notifications_next (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  number      TEXT NOT NULL REFERENCES proposals(number),
  event       TEXT NOT NULL CHECK (event IN ('created', 'stage', 'revision', 'ballot-open', 'ballot-close', 'drift')),
  rev         INTEGER,
  what        TEXT NOT NULL,
  ask         TEXT NOT NULL,
  holds       INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  read_at     TEXT,
  mailed_at   TEXT
);
INSERT INTO notifications_next SELECT id, user_id, number, event, rev, what, ask, holds, created_at, read_at, mailed_at
  FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_next RENAME TO notifications;
CREATE INDEX notifications_user ON notifications (user_id, read_at, id);
CREATE INDEX notifications_number ON notifications (number);
