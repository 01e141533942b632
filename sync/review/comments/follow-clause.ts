import type { ClauseIndex } from './clause-index.ts';

/** Where a comment's clause is in a later revision: its ID there, or the revision that removed it. */
export type FollowedClause = { clauseId: string } | { removedIn: number };

/**
 * Follows a clause ID from revision `from` through each later ready revision up to `to` (inclusive), using each
 * manifest's lineage (`previousId`): an edited, moved or renamed clause keeps its comments; a clause with no
 * successor was removed in that revision.
 *   follow('c-1', 0, 2, [r0, r1 (c-1 → c-9), r2 (c-9 kept)]) → { clauseId: 'c-9' }
 */
export function followClause(
  clauseId: string,
  from: number,
  to: number,
  indexOf: (rev: number) => ClauseIndex | undefined,
  readyRevs: readonly number[],
): FollowedClause {
  let id = clauseId;
  for (const rev of readyRevs) {
    if (rev <= from || rev > to) continue;
    const index = indexOf(rev);
    if (!index) continue;
    const next = index.fromPrevious.get(id);
    if (next === undefined || !index.clauses.has(next)) return { removedIn: rev };
    id = next;
  }
  return { clauseId: id };
}
