import type { Db } from '../open-database.ts';

/** The explanatory note (编制说明) of one revision. */
export interface NoteRow {
  number: string;
  rev: number;
  markdown: string;
  html: string;
  generated_markdown: string;
  generated_at: string;
  edited_by: string | null;
  edited_at: string | null;
  version: number;
}

/** One save of a note by an editor (append-only). */
export interface NoteEditRow {
  id: number;
  number: string;
  rev: number;
  version: number;
  markdown: string;
  edited_by: string;
  edited_at: string;
}

/** A save: the new text, who saves it, when, and the version it was written against. */
export interface NoteSave {
  markdown: string;
  html: string;
  by: string;
  at: string;
  version: number;
}

export interface NoteQueries {
  get(number: string, rev: number): NoteRow | undefined;
  /** Keeps a generated skeleton; a note that exists already (another request made it first) stays as it is. */
  insertGenerated(row: { number: string; rev: number; markdown: string; html: string; at: string }): void;
  /**
   * Replaces the note's text if it still has `save.version` and appends the save to the history (call in a
   * transaction); false when another save won in between.
   */
  save(number: string, rev: number, save: NoteSave): boolean;
  /** Every save of a note, oldest first, without the texts. */
  edits(number: string, rev: number): Omit<NoteEditRow, 'markdown'>[];
}

/** Builds the notes' prepared statements on `db`. */
export function createNoteQueries(db: Db): NoteQueries {
  const get = db.prepare(`SELECT * FROM explanatory_notes WHERE number = ? AND rev = ?`);
  const insert = db.prepare(
    `INSERT INTO explanatory_notes (number, rev, markdown, html, generated_markdown, generated_at)
     VALUES (@number, @rev, @markdown, @html, @markdown, @at)
     ON CONFLICT (number, rev) DO NOTHING`,
  );
  const update = db.prepare(
    `UPDATE explanatory_notes SET markdown = @markdown, html = @html, edited_by = @by, edited_at = @at,
       version = version + 1
     WHERE number = @number AND rev = @rev AND version = @version`,
  );
  const append = db.prepare(
    `INSERT INTO explanatory_note_edits (number, rev, version, markdown, edited_by, edited_at)
     VALUES (@number, @rev, @version + 1, @markdown, @by, @at)`,
  );
  const edits = db.prepare(
    `SELECT id, number, rev, version, edited_by, edited_at FROM explanatory_note_edits
     WHERE number = ? AND rev = ? ORDER BY id`,
  );
  return {
    get: (number, rev) => get.get(number, rev) as NoteRow | undefined,
    insertGenerated: (row) => void insert.run(row),
    save(number, rev, s) {
      const params = { number, rev, markdown: s.markdown, html: s.html, by: s.by, at: s.at, version: s.version };
      if (update.run(params).changes === 0) return false;
      append.run(params);
      return true;
    },
    edits: (number, rev) => edits.all(number, rev) as Omit<NoteEditRow, 'markdown'>[],
  };
}
