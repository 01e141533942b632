import type { CommentRow, DispositionRow } from '../../../db/comments/comment-queries.ts';
import type { FollowedClause } from './follow-clause.ts';

/** The editors' decision in force on a comment. */
export interface DispositionJson {
  disposition: DispositionRow['disposition'];
  reason: string;
  /** The revision that carries the change (`-02`), if the editors named one. */
  carriedIn: string | null;
  by: string;
  at: string;
}

/** A reply in a comment's thread. */
export interface ReplyJson {
  id: number;
  author: string;
  organisation: string;
  markdown: string;
  /** Rendered through the sanitising pipeline when it was written. */
  html: string;
  at: string;
}

/** A comment as the API and the pages show it, placed in the revision being read. */
export interface CommentJson {
  id: number;
  /** The comment's number in the proposal (the resolution table's 序号). */
  seq: number;
  /** The revision it was made on (`-00`) and the clause ID there. */
  rev: string;
  clauseId: string;
  kind: CommentRow['kind'];
  markdown: string;
  html: string;
  proposedChange: string;
  author: string;
  organisation: string;
  at: string;
  /** Where its clause is in the revision being read: its ID, number and title there, or the revision that removed it. */
  here: { clauseId: string; number: string; title: string } | { removedIn: string };
  replies: ReplyJson[];
  disposition: DispositionJson | null;
  /** Every disposition, oldest first (a changed decision stays visible). */
  history: DispositionJson[];
}

const label = (rev: number) => `-${String(rev).padStart(2, '0')}`;

/** Builds a comment's JSON from its rows. */
export function commentJson(
  row: CommentRow,
  replies: readonly CommentRow[],
  dispositions: readonly DispositionRow[],
  here: FollowedClause,
  clause: (id: string) => { number: string; title: string } | undefined,
): CommentJson {
  const history = dispositions.map((d): DispositionJson => ({
    disposition: d.disposition,
    reason: d.reason,
    carriedIn: d.carried_in === null ? null : label(d.carried_in),
    by: d.by_login,
    at: d.at,
  }));
  return {
    id: row.id,
    seq: row.seq,
    rev: label(row.rev),
    clauseId: row.clause_id,
    kind: row.kind,
    markdown: row.markdown,
    html: row.html,
    proposedChange: row.proposed_change,
    author: row.author,
    organisation: row.organisation,
    at: row.at,
    here:
      'removedIn' in here
        ? { removedIn: label(here.removedIn) }
        : {
            clauseId: here.clauseId,
            number: clause(here.clauseId)?.number ?? '',
            title: clause(here.clauseId)?.title ?? '',
          },
    replies: replies.map((r) => ({
      id: r.id,
      author: r.author,
      organisation: r.organisation,
      markdown: r.markdown,
      html: r.html,
      at: r.at,
    })),
    disposition: history.at(-1) ?? null,
    history,
  };
}
