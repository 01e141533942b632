-- Every change of a project's maturity level, as evaluated (append-only): the home page lists the upward ones with
-- their real dates ("recently matured"), and the project page can say since when a level is held.
CREATE TABLE maturity_level_changes (
  id            INTEGER PRIMARY KEY,
  repository_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE ON UPDATE CASCADE,
  from_level    TEXT,                     -- NULL: the first evaluation
  to_level      TEXT,                     -- NULL: no level any more
  direction     TEXT NOT NULL CHECK (direction IN ('up', 'down', 'first')),
  changed_at    TEXT NOT NULL,
  model_digest  TEXT NOT NULL
);
CREATE INDEX maturity_level_changes_by_time ON maturity_level_changes (direction, changed_at);
CREATE INDEX maturity_level_changes_repository ON maturity_level_changes (repository_id, changed_at);
CREATE TRIGGER maturity_level_changes_append_only
BEFORE UPDATE OF from_level, to_level, direction, changed_at ON maturity_level_changes
BEGIN
  SELECT RAISE(ABORT, 'maturity level changes are append-only');
END;
