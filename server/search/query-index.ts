import lunr from 'lunr';
import { isHanTerm } from './tokenize.ts';

/** A hit: the document's id and its score. */
export interface Hit {
  ref: string;
  score: number;
}

// The parts of a loaded lunr index this scorer reads (public in lunr's serialised format, untyped in @types/lunr).
interface IndexInternals {
  invertedIndex: Record<string, ({ _index: number } & Record<string, Record<string, unknown>>) | undefined>;
  fieldVectors: Record<string, { elements: number[]; positionForIndex(index: number): number }>;
  fields: string[];
  pipeline: lunr.Pipeline;
  tokenSet: lunr.TokenSet;
}

const MAX_EXPANSIONS = 20;

/**
 * Runs already-tokenised terms against an index, best first. Two departures from `idx.search()`:
 * - `idx.search("工作组")` hands lunr the whole string as one term; the terms must come from the same tokenizer
 *   as the documents, so the caller tokenises.
 * - lunr's own query allocates match metadata for every posting of every term, which costs ~100 ms for a term
 *   found in 10,000 documents. The score is the same sum lunr computes (query terms × the BM25 weights stored
 *   in the field vectors, field boosts included), read straight from those vectors, then cut to `limit`.
 * The last English term also matches as a prefix (people type "placem"), at half weight.
 */
export function queryIndex(index: lunr.Index, terms: readonly string[], limit = 50): Hit[] {
  if (terms.length === 0) return [];
  const idx = index as unknown as IndexInternals;
  const weighted = new Map<string, number>();
  for (const term of new Set(terms)) {
    for (const stemmed of idx.pipeline.runString(term)) weighted.set(stemmed, Math.max(weighted.get(stemmed) ?? 0, 1));
  }
  const last = terms[terms.length - 1]!;
  if (!isHanTerm(last) && last.length >= 3) {
    const expansions = idx.tokenSet.intersect((lunr.TokenSet as unknown as { fromString(s: string): lunr.TokenSet }).fromString(`${last}*`)).toArray();
    for (const expanded of expansions.slice(0, MAX_EXPANSIONS)) if (!weighted.has(expanded)) weighted.set(expanded, 0.5);
  }

  const scores = new Map<string, number>();
  for (const [term, weight] of weighted) {
    const entry = idx.invertedIndex[term];
    if (!entry) continue;
    const termIndex = entry._index;
    for (const field of idx.fields) {
      const postings = entry[field];
      if (!postings) continue;
      for (const ref in postings) {
        const vector = idx.fieldVectors[`${field}/${ref}`];
        if (!vector) continue;
        const at = vector.positionForIndex(termIndex);
        if (vector.elements[at] !== termIndex) continue;
        scores.set(ref, (scores.get(ref) ?? 0) + weight * vector.elements[at + 1]!);
      }
    }
  }
  const hits: Hit[] = [];
  for (const [ref, score] of scores) hits.push({ ref, score });
  hits.sort((a, b) => b.score - a.score || (a.ref < b.ref ? -1 : 1));
  return hits.slice(0, limit);
}
