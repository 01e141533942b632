/** What comments need of one revision's manifest: each clause's number and title, and where its clauses came from. */
export interface ClauseIndex {
  /** Clause ID → number (`4.2`) and title, in draft order. */
  clauses: Map<string, { number: string; title: string; kind: string }>;
  /** A clause ID of the previous revision → the ID its clause has here (absent: that clause was removed). */
  fromPrevious: Map<string, string>;
}

interface ManifestLike {
  clauses?: { id: string; number?: string; title?: string; kind?: string; previousId?: string | null }[];
}

/**
 * Reads a revision's manifest JSON into a ClauseIndex. A manifest made without a previous one (the first
 * revision, or one generated before IDs were carried) names no `previousId`: its clauses follow by their own ID.
 */
export function clauseIndexOf(manifestJson: string | null): ClauseIndex {
  const manifest = manifestJson ? (JSON.parse(manifestJson) as ManifestLike) : {};
  const clauses = new Map<string, { number: string; title: string; kind: string }>();
  const fromPrevious = new Map<string, string>();
  for (const c of manifest.clauses ?? []) {
    clauses.set(c.id, { number: c.number ?? '', title: c.title ?? '', kind: c.kind ?? '' });
    if (c.previousId) fromPrevious.set(c.previousId, c.id);
  }
  for (const id of clauses.keys()) if (!fromPrevious.has(id)) fromPrevious.set(id, id);
  return { clauses, fromPrevious };
}
