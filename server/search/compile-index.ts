import type lunr from 'lunr';

/**
 * A lunr index flattened for scoring: for each term (sorted, so prefixes are a range), the documents that hold
 * it and the weight lunr stored for it in each of their field vectors (BM25 with the field boost), summed over
 * fields. Scoring a term is then one pass over two typed arrays, with no object per posting.
 *   invertedIndex["placement"] + fieldVectors["title/d7"], ["text/d7"]  →  terms[i] = "placement",
 *   docs[offsets[i] .. offsets[i+1]] = [7, …], weights[…] = [title weight + text weight, …]
 * Typed arrays also cross from the worker thread that builds the index without being copied.
 */
export interface CompiledIndex {
  /** Document number → lunr ref. */
  refs: string[];
  /** Every indexed term, sorted by code unit. */
  terms: string[];
  /** Postings of `terms[i]` are `offsets[i]` up to `offsets[i + 1]`. */
  offsets: Int32Array;
  docs: Int32Array;
  weights: Float64Array;
}

// The parts of a lunr index this reads (public in lunr's serialised format, untyped in @types/lunr).
interface IndexInternals {
  invertedIndex: Record<string, { _index: number } | undefined>;
  fieldVectors: Record<string, { elements: number[] }>;
}

/** Flattens a built or loaded lunr index (tens of milliseconds at 10,000 documents: done where it is built). */
export function compileIndex(index: lunr.Index): CompiledIndex {
  const idx = index as unknown as IndexInternals;
  const termOf: string[] = [];
  for (const term of Object.keys(idx.invertedIndex)) termOf[idx.invertedIndex[term]!._index] = term;

  const refs: string[] = [];
  const docOf = new Map<string, number>();
  const postDocs: number[][] = termOf.map(() => []);
  const postWeights: number[][] = termOf.map(() => []);
  for (const [key, vector] of Object.entries(idx.fieldVectors)) {
    // Keys are `field/ref`; field names hold no slash, refs may (`project:acme/widget`).
    const ref = key.slice(key.indexOf('/') + 1);
    let doc = docOf.get(ref);
    if (doc === undefined) {
      doc = refs.length;
      refs.push(ref);
      docOf.set(ref, doc);
    }
    const elements = vector.elements;
    for (let i = 0; i < elements.length; i += 2) {
      const t = elements[i]!;
      const docs = postDocs[t]!;
      const weights = postWeights[t]!;
      // The fields of one document come one after another: their weights add up in one posting.
      if (docs.length > 0 && docs[docs.length - 1] === doc) weights[weights.length - 1]! += elements[i + 1]!;
      else {
        docs.push(doc);
        weights.push(elements[i + 1]!);
      }
    }
  }

  const order = termOf.map((_, i) => i).filter((i) => termOf[i] !== undefined);
  order.sort((a, b) => (termOf[a]! < termOf[b]! ? -1 : termOf[a]! > termOf[b]! ? 1 : 0));
  const total = order.reduce((n, t) => n + postDocs[t]!.length, 0);
  const offsets = new Int32Array(order.length + 1);
  const docs = new Int32Array(total);
  const weights = new Float64Array(total);
  let at = 0;
  order.forEach((t, i) => {
    offsets[i] = at;
    docs.set(postDocs[t]!, at);
    weights.set(postWeights[t]!, at);
    at += postDocs[t]!.length;
  });
  offsets[order.length] = at;
  return { refs, terms: order.map((t) => termOf[t]!), offsets, docs, weights };
}

/** The position of the first term ≥ `term` (binary search). */
export function lowerBound(terms: readonly string[], term: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
