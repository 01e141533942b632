import type { Db } from '../open-database.ts';

/** A comment on a clause of a revision (or a reply to one, `parent_id`). */
export interface CommentRow {
  id: number;
  number: string;
  seq: number;
  rev: number;
  clause_id: string;
  parent_id: number | null;
  kind: 'editorial' | 'technical' | 'general';
  markdown: string;
  html: string;
  proposed_change: string;
  author: string;
  organisation: string;
  at: string;
}

/** One decision of the editors on a comment (append-only: the latest of a comment is in force). */
export interface DispositionRow {
  id: number;
  comment_id: number;
  disposition: 'accepted' | 'partially-accepted' | 'rejected' | 'noted';
  reason: string;
  carried_in: number | null;
  by_login: string;
  at: string;
}

export interface CommentQueries {
  /** Adds a comment with the proposal's next sequence number (call in a transaction); returns its id. */
  add(row: Omit<CommentRow, 'id' | 'seq'>): number;
  get(id: number): CommentRow | undefined;
  /** Every comment and reply of a proposal, oldest first. */
  list(number: string): CommentRow[];
  /** How many comments a proposal has and its latest id (what a cached page of its comments depends on). */
  version(number: string): string;
  addDisposition(row: Omit<DispositionRow, 'id'>): number;
  /** Every disposition of a proposal's comments, oldest first. */
  dispositions(number: string): DispositionRow[];
  /** Top-level comments of a proposal without a disposition. */
  openCount(number: string): number;
}

/** Builds the comments' prepared statements on `db`. */
export function createCommentQueries(db: Db): CommentQueries {
  const nextSeq = db.prepare(`SELECT coalesce(max(seq), 0) + 1 FROM comments WHERE number = ?`).pluck();
  const insert = db.prepare(
    `INSERT INTO comments (number, seq, rev, clause_id, parent_id, kind, markdown, html, proposed_change, author,
       organisation, at)
     VALUES (@number, @seq, @rev, @clause_id, @parent_id, @kind, @markdown, @html, @proposed_change, @author,
       @organisation, @at)`,
  );
  const get = db.prepare(`SELECT * FROM comments WHERE id = ?`);
  const list = db.prepare(`SELECT * FROM comments WHERE number = ? ORDER BY id`);
  const version = db.prepare(`SELECT count(*) || '.' || coalesce(max(id), 0) FROM comments WHERE number = ?`).pluck();
  const dispositionVersion = db
    .prepare(
      `SELECT count(*) || '.' || coalesce(max(d.id), 0) FROM comment_dispositions d
       JOIN comments c ON c.id = d.comment_id WHERE c.number = ?`,
    )
    .pluck();
  const addDisposition = db.prepare(
    `INSERT INTO comment_dispositions (comment_id, disposition, reason, carried_in, by_login, at)
     VALUES (@comment_id, @disposition, @reason, @carried_in, @by_login, @at)`,
  );
  const dispositions = db.prepare(
    `SELECT d.* FROM comment_dispositions d JOIN comments c ON c.id = d.comment_id WHERE c.number = ? ORDER BY d.id`,
  );
  const openCount = db
    .prepare(
      `SELECT count(*) FROM comments c WHERE c.number = ? AND c.parent_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM comment_dispositions d WHERE d.comment_id = c.id)`,
    )
    .pluck();
  return {
    add: (row) => Number(insert.run({ ...row, seq: nextSeq.get(row.number) as number }).lastInsertRowid),
    get: (id) => get.get(id) as CommentRow | undefined,
    list: (number) => list.all(number) as CommentRow[],
    version: (number) => `${version.get(number) as string}/${dispositionVersion.get(number) as string}`,
    addDisposition: (row) => Number(addDisposition.run(row).lastInsertRowid),
    dispositions: (number) => dispositions.all(number) as DispositionRow[],
    openCount: (number) => openCount.get(number) as number,
  };
}
