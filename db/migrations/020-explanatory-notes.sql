-- The explanatory note (编制说明) of a revision. A ready revision is immutable, so its note lives here, keyed by
-- (number, rev): the generated skeleton is kept as it was made, the editors' text replaces `markdown`, and every
-- save bumps `version` (a save that names an older version is refused) and appends a row to the edit history.

CREATE TABLE explanatory_notes (
  number             TEXT NOT NULL,
  rev                INTEGER NOT NULL,
  markdown           TEXT NOT NULL,          -- the note in force (the skeleton until an editor saves)
  html               TEXT NOT NULL,          -- `markdown` through the sanitising pipeline, rendered on write
  generated_markdown TEXT NOT NULL,          -- the skeleton as generated, never changed
  generated_at       TEXT NOT NULL,
  edited_by          TEXT,
  edited_at          TEXT,
  version            INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (number, rev),
  FOREIGN KEY (number, rev) REFERENCES proposal_revisions (number, rev)
);
CREATE TRIGGER explanatory_notes_keep_skeleton BEFORE UPDATE OF generated_markdown, generated_at ON explanatory_notes
BEGIN SELECT RAISE(ABORT, 'the generated skeleton of a note is kept as it was made'); END;

CREATE TABLE explanatory_note_edits (
  id        INTEGER PRIMARY KEY,
  number    TEXT NOT NULL,
  rev       INTEGER NOT NULL,
  version   INTEGER NOT NULL,                -- the version this save made
  markdown  TEXT NOT NULL,
  edited_by TEXT NOT NULL,
  edited_at TEXT NOT NULL,
  FOREIGN KEY (number, rev) REFERENCES explanatory_notes (number, rev)
);
CREATE INDEX explanatory_note_edits_note ON explanatory_note_edits (number, rev, id);
CREATE TRIGGER explanatory_note_edits_no_update BEFORE UPDATE ON explanatory_note_edits
BEGIN SELECT RAISE(ABORT, 'the edit history of a note is append-only'); END;
CREATE TRIGGER explanatory_note_edits_no_delete BEFORE DELETE ON explanatory_note_edits
BEGIN SELECT RAISE(ABORT, 'the edit history of a note is append-only'); END;
