import { carryClauseIds } from './carry-clause-ids.ts';
import { ClauseIdAllocator } from './clause-id.ts';
import type { ClauseChange, ManifestClause, PreviousManifest } from './draft-types.ts';

/** The ID a block gets, and its lineage when a previous revision was given. */
export interface FinalId {
  id: string;
  previousId: string | null;
  change: ClauseChange;
}

/**
 * Gives every recorded block its clause ID: carried from the previous revision's manifest where the block is found
 * there (`carryClauseIds`), else a hash of its kind and source text (`ClauseIdAllocator`) that no carried ID uses.
 * No two blocks share an ID.
 *
 * Before: blocks [heading "Frames", paragraph "A frame MUST…"], previous { "A frame MUST…" → c-9f… }
 * After:  [{ c-<hash of the heading>, new }, { c-9f…, unchanged }]
 */
export function finalClauseIds(
  clauses: readonly Pick<ManifestClause, 'kind' | 'sourceText' | 'headingPath' | 'title'>[],
  previous: PreviousManifest | undefined,
): FinalId[] {
  if (!previous) {
    const allocator = new ClauseIdAllocator();
    return clauses.map((c) => ({ id: allocator.next(c.kind, c.sourceText), previousId: null, change: 'new' }));
  }
  const headingTitle = (kind: string, title: string | undefined): string | undefined =>
    kind === 'clause' || kind === 'annex' ? title : undefined;
  // A previous manifest that gives one ID twice (edited by hand) keeps only its first.
  const seen = new Set<string>();
  const blocks = previous.clauses.filter((c) => !seen.has(c.id) && seen.add(c.id));
  const lineage = carryClauseIds(
    blocks.map((c) => ({ ...c, headingPath: c.headingPath, title: headingTitle(c.kind, c.title) })),
    clauses.map((c) => ({ ...c, title: headingTitle(c.kind, c.title) })),
  );
  const carried = new Set(lineage.flatMap((l) => (l.previousId ? [l.previousId] : [])));
  // New IDs also avoid every ID of the previous revision: a deleted block's ID never comes back for another block.
  const allocator = new ClauseIdAllocator(new Set([...carried, ...seen]));
  return lineage.map((l, i) => ({
    id: l.previousId ?? allocator.next(clauses[i]!.kind, clauses[i]!.sourceText),
    previousId: l.previousId,
    change: l.change,
  }));
}
