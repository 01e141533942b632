-- Notifications (the proposals issue): an inbox row for every person who holds the ball after a proposal event
-- (created, a stage change, a ready revision), written in the transaction of the event. A person may give an
-- e-mail address and the language of their notifications; a notification for someone with an address is also
-- sent by a queued job, which records when it went.

ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE users ADD COLUMN notify_lang TEXT CHECK (notify_lang IN ('zh-CN', 'en'));

CREATE TABLE notifications (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  number      TEXT NOT NULL REFERENCES proposals(number),
  event       TEXT NOT NULL CHECK (event IN ('created', 'stage', 'revision')),
  rev         INTEGER,                   -- the revision an event is about (a ready revision) or the latest one
  what        TEXT NOT NULL,             -- JSON of a Message: what happened
  ask         TEXT NOT NULL,             -- JSON of a Message: what the reader is asked to do
  holds       INTEGER NOT NULL DEFAULT 0, -- 1 when the reader now holds the ball
  created_at  TEXT NOT NULL,
  read_at     TEXT,
  mailed_at   TEXT
);
CREATE INDEX notifications_user ON notifications (user_id, read_at, id);
CREATE INDEX notifications_number ON notifications (number);
