import type { HistoryRow } from '../../db/proposals/proposal-queries.ts';
import type { RevisionSummary } from '../../db/proposals/revision-queries.ts';

/** The stage a proposal reaches when its standard is published (the workflow engine's `published` effect). */
export const PUBLISHED_STAGE = 'published';
/** Stages of a published standard: a revision made public in one of these is a published standard's text. */
const STANDARD_STAGES = new Set([PUBLISHED_STAGE, 'periodic-review']);

/** One revision the static site shows, and how it became public. */
export interface PublicRevision {
  rev: number;
  /** The public stage it was first public in (its label on the site: 征求意见稿, 送审稿 …). */
  stage: string;
  /** When it became public: the action's time, or when it was generated inside a public stage. */
  at: string;
  /** Whether it is (or was) the text of the published standard. */
  published: boolean;
  /** When the publish action that made it the standard was taken, if one did. */
  publishedAt: string | null;
}

/**
 * The public revisions of one proposal, oldest first. A ready revision is public when it was the proposal's latest
 * ready revision at an action that moved the proposal into a public stage (the history row's `rev`), or when it was
 * generated while the proposal was in a public stage. Published: the revision current at an action into
 * `published`, and later public ones made while the standard is published or under periodic review.
 *
 *   history [open-comment rev 1 → public-comment, publish rev 1 → published], revisions 0, 1
 *     → [{ rev: 1, stage: 'public-comment', published: true, … }]
 */
export function publicRevisions(
  history: readonly HistoryRow[],
  revisions: readonly RevisionSummary[],
  publicStages: ReadonlySet<string>,
): PublicRevision[] {
  const ready = new Map(revisions.filter((r) => r.status === 'ready').map((r) => [r.rev, r]));
  const found = new Map<number, PublicRevision>();
  // Every way a revision was public; the earliest says when and as what, the earliest publication when published.
  const mark = (rev: number, stage: string, at: string) => {
    const publish = STANDARD_STAGES.has(stage) ? at : null;
    const known = found.get(rev);
    if (!known) {
      found.set(rev, { rev, stage, at, published: publish !== null, publishedAt: publish });
      return;
    }
    if (at < known.at) Object.assign(known, { stage, at });
    if (publish !== null && (known.publishedAt === null || publish < known.publishedAt))
      Object.assign(known, { published: true, publishedAt: publish });
  };
  for (const row of history)
    if (row.rev !== null && ready.has(row.rev) && publicStages.has(row.to_stage)) mark(row.rev, row.to_stage, row.at);
  for (const r of ready.values()) if (publicStages.has(r.stage)) mark(r.rev, r.stage, r.ready_at ?? r.created_at);
  return [...found.values()].sort((a, b) => a.rev - b.rev);
}
