import type { CommentJson } from './comment-json.ts';

/** One row of the comment resolution table (意见汇总处理表), in the GB/T practice's order of columns. */
export interface ResolutionRow {
  /** 序号: the comment's number in the proposal. */
  seq: number;
  /** 章条编号: the clause's number in the revision the table is for (empty when the clause was removed). */
  clauseNumber: string;
  clauseId: string;
  /** The revision that removed the clause, when it was removed. */
  removedIn: string | null;
  /** 提出单位: the commenter's organisation (their login when they named none). */
  organisation: string;
  author: string;
  kind: CommentJson['kind'];
  /** 意见内容 (Markdown as written) and 修改建议. */
  comment: string;
  proposedChange: string;
  /** 处理意见: the disposition in force (null: not yet decided), its reason, the revision that carries it. */
  disposition: NonNullable<CommentJson['disposition']>['disposition'] | null;
  reason: string;
  carriedIn: string | null;
  /** The revision the comment was made on. */
  madeOn: string;
}

/** The table of one revision: every comment made up to it, and whether every one has a disposition. */
export interface ResolutionTable {
  number: string;
  titleZh: string;
  titleEn: string;
  rev: string;
  rows: ResolutionRow[];
  counts: Record<'accepted' | 'partially-accepted' | 'rejected' | 'noted' | 'open', number>;
  /** Every comment has a disposition: the workflow's `comments-dispositioned` guard reads the same. */
  complete: boolean;
}

/** Builds the resolution table from the comments as placed in the revision (a pure function). */
export function resolutionRows(
  head: Pick<ResolutionTable, 'number' | 'titleZh' | 'titleEn' | 'rev'>,
  comments: readonly CommentJson[],
): ResolutionTable {
  const counts = { accepted: 0, 'partially-accepted': 0, rejected: 0, noted: 0, open: 0 };
  const rows = comments.map((c): ResolutionRow => {
    counts[c.disposition?.disposition ?? 'open'] += 1;
    const removed = 'removedIn' in c.here;
    return {
      seq: c.seq,
      clauseNumber: 'number' in c.here ? c.here.number : '',
      clauseId: 'clauseId' in c.here ? c.here.clauseId : c.clauseId,
      removedIn: removed && 'removedIn' in c.here ? c.here.removedIn : null,
      organisation: c.organisation || c.author,
      author: c.author,
      kind: c.kind,
      comment: c.markdown,
      proposedChange: c.proposedChange,
      disposition: c.disposition?.disposition ?? null,
      reason: c.disposition?.reason ?? '',
      carriedIn: c.disposition?.carriedIn ?? null,
      madeOn: c.rev,
    };
  });
  return { ...head, rows, counts, complete: counts.open === 0 };
}
