import { createHash } from 'node:crypto';

/** What every ID `ClauseIdAllocator` hands out looks like: `c-` and 12 hex digits, `-2`, `-3` for repeats. */
export const CLAUSE_ID_PATTERN = /^c-[0-9a-f]{12}(?:-[1-9]\d*)?$/;

/** Normalises source text for identity: whitespace, list markers and manual numbers do not count. */
export function identityText(kind: string, sourceText: string): string {
  let text = sourceText.replace(/\s+/g, ' ').trim();
  // An ordered list renumbered from `2.` to `3.` is the same item.
  text = text.replace(/^(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '');
  if (kind === 'clause' || kind === 'annex')
    text = text.replace(/^#+\s*/, '').replace(/^(?:\d+(?:\.\d+)*|[A-Z](?:\.\d+)+)[.)]?\s+/, '');
  return `${kind}\u0000${text}`;
}

/**
 * Hands out stable clause IDs: a hash of the block's kind and source text (never its number or path, so IDs
 * survive renumbering, moves between files and renames), with `-2`, `-3` for identical blocks in order. IDs
 * already given (carried forward from a previous revision) are never handed out again.
 *
 * Before: kind `paragraph`, text `The server MUST reply.`   After: `c-1f3a9b0c2d4e`
 */
export class ClauseIdAllocator {
  private readonly seen = new Map<string, number>();
  private readonly taken: ReadonlySet<string>;

  constructor(taken: ReadonlySet<string> = new Set()) {
    this.taken = taken;
  }

  /** Returns the ID of the next block with this kind and source text. */
  next(kind: string, sourceText: string): string {
    const base = `c-${createHash('sha256').update(identityText(kind, sourceText)).digest('hex').slice(0, 12)}`;
    for (;;) {
      const count = (this.seen.get(base) ?? 0) + 1;
      this.seen.set(base, count);
      const id = count === 1 ? base : `${base}-${count}`;
      if (!this.taken.has(id)) return id;
    }
  }
}
