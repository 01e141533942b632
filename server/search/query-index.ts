import lunr from 'lunr';
import { compileIndex, lowerBound, type CompiledIndex } from './compile-index.ts';
import { searchPipeline } from './search-pipeline.ts';
import { isHanTerm } from './tokenize.ts';

/** A hit: the document's id and its score. */
export interface Hit {
  ref: string;
  score: number;
}

const MAX_EXPANSIONS = 20;
/** Distinct terms scored per query: bounds the work of a 200-character query of Chinese bigrams. */
const MAX_TERMS = 64;

// Indexes compiled for callers that hold a lunr index (tests, tools); the portal compiles where it builds.
const compiled = new WeakMap<lunr.Index, CompiledIndex>();
let pipeline: lunr.Pipeline | undefined;

/**
 * Runs already-tokenised terms against an index, best first. Two departures from `idx.search()`:
 * - `idx.search("工作组")` hands lunr the whole string as one term; the terms must come from the same tokenizer
 *   as the documents, so the caller tokenises.
 * - lunr's own query allocates match metadata for every posting of every term (~100 ms for a term found in
 *   10,000 documents). The score is the same sum lunr computes (query terms × the BM25 weights stored in the
 *   field vectors, field boosts included), read from the compiled postings into one array of scores, of which
 *   only the best `limit` are kept and sorted: a term in every document costs one pass over its postings.
 * The last English term also matches as a prefix (people type "placem"), at half weight.
 */
export function queryIndex(index: lunr.Index | CompiledIndex, terms: readonly string[], limit = 50): Hit[] {
  if (terms.length === 0 || limit <= 0) return [];
  const idx = 'refs' in index ? index : compiledOf(index);
  pipeline ??= stemmingPipeline();

  const weighted = new Map<string, number>();
  for (const term of new Set(terms)) {
    if (weighted.size >= MAX_TERMS) break;
    for (const stemmed of pipeline.runString(term)) weighted.set(stemmed, 1);
  }
  const last = terms[terms.length - 1]!;
  if (!isHanTerm(last) && last.length >= 3) {
    let added = 0;
    for (
      let i = lowerBound(idx.terms, last);
      i < idx.terms.length && added < MAX_EXPANSIONS && idx.terms[i]!.startsWith(last);
      i++
    ) {
      added += 1;
      if (!weighted.has(idx.terms[i]!)) weighted.set(idx.terms[i]!, 0.5);
    }
  }

  const scores = new Float64Array(idx.refs.length);
  const hit = new Uint8Array(idx.refs.length);
  const touched: number[] = [];
  for (const [term, weight] of weighted) {
    const at = lowerBound(idx.terms, term);
    if (idx.terms[at] !== term) continue;
    for (let p = idx.offsets[at]!, end = idx.offsets[at + 1]!; p < end; p++) {
      const doc = idx.docs[p]!;
      if (hit[doc] === 0) {
        hit[doc] = 1;
        touched.push(doc);
      }
      scores[doc]! += weight * idx.weights[p]!;
    }
  }
  return topHits(touched, scores, idx.refs, limit);
}

/** The best `limit` documents, by score then ref, kept in a small sorted array (no sort of every match). */
function topHits(touched: readonly number[], scores: Float64Array, refs: readonly string[], limit: number): Hit[] {
  const better = (a: number, b: number): boolean =>
    scores[a]! > scores[b]! || (scores[a] === scores[b] && refs[a]! < refs[b]!);
  const top: number[] = [];
  for (const doc of touched) {
    if (top.length === limit && !better(doc, top[limit - 1]!)) continue;
    let i = top.length === limit ? limit - 1 : top.length;
    while (i > 0 && better(doc, top[i - 1]!)) {
      top[i] = top[i - 1]!;
      i -= 1;
    }
    top[i] = doc;
  }
  return top.map((doc) => ({ ref: refs[doc]!, score: scores[doc]! }));
}

function compiledOf(index: lunr.Index): CompiledIndex {
  let c = compiled.get(index);
  if (!c) compiled.set(index, (c = compileIndex(index)));
  return c;
}

// The query side of the index's pipeline: the same stemmer and stop words as the documents went through.
function stemmingPipeline(): lunr.Pipeline {
  const p = new lunr.Pipeline();
  p.add(searchPipeline());
  return p;
}
