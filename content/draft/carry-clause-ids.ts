import { identityText } from './clause-id.ts';
import type { ClauseChange } from './draft-types.ts';
import { similarity, similarityTokens } from './text-similarity.ts';

/** A block as carrying IDs compares it: kind, source text, the headings above it, and its own title if a heading. */
export interface ComparedBlock {
  kind: string;
  sourceText: string;
  /** Titles of the spec headings above it; undefined when an older manifest did not record them. */
  headingPath: readonly string[] | undefined;
  /** For a heading: its title (so the headings below it can follow a renamed parent). */
  title?: string | undefined;
}

/** A previous block, with the ID it had. */
export interface PreviousBlock extends ComparedBlock {
  id: string;
}

/** What became of a current block. */
export interface Lineage {
  previousId: string | null;
  change: ClauseChange;
}

/** Edited in place: same kind, same headings, this similar at least. */
export const SAME_PLACE_SIMILARITY = 0.5;
/** Moved and edited: same kind anywhere, this similar at least. */
export const MOVED_SIMILARITY = 0.75;

const HEADING_KINDS = new Set(['clause', 'annex']);
const pathKey = (path: readonly string[]): string => path.join('\u0001');

interface Side<T extends ComparedBlock> {
  blocks: readonly T[];
  identity: string[];
  tokens: (string[] | undefined)[];
  matched: boolean[];
}

function side<T extends ComparedBlock>(blocks: readonly T[]): Side<T> {
  return {
    blocks,
    identity: blocks.map((b) => identityText(b.kind, b.sourceText)),
    tokens: blocks.map(() => undefined),
    matched: blocks.map(() => false),
  };
}

const tokensOf = <T extends ComparedBlock>(s: Side<T>, i: number): string[] =>
  (s.tokens[i] ??= similarityTokens(s.identity[i]!.slice(s.identity[i]!.indexOf('\u0000') + 1)));

/**
 * Carries clause IDs from the previous revision to the current blocks, so comments and ballots bound to an ID follow
 * their clause: first blocks of the same kind and text (under the same headings, then anywhere), then blocks of the
 * same kind under the same headings that are similar (edited), then similar blocks anywhere (moved and edited).
 * Headings are matched first, shallow ones before deep ones, so the blocks under a renamed heading still count as
 * being in the same place. Each previous ID is given at most once; blocks left over are new.
 *
 * Before: previous [c-1 "A peer MUST send hello." under Handshake], current ["A peer MUST send hello and wait."
 *         under Handshake]
 * After:  [{ previousId: c-1, change: edited }]
 */
export function carryClauseIds(previous: readonly PreviousBlock[], current: readonly ComparedBlock[]): Lineage[] {
  const prev = side(previous);
  const cur = side(current);
  const lineage: Lineage[] = current.map(() => ({ previousId: null, change: 'new' }));
  // Old heading paths to new ones, learnt from matched headings.
  const renames = new Map<string, readonly string[]>();
  const translate = (path: readonly string[] | undefined): string | undefined => {
    if (!path) return undefined;
    for (let i = path.length; i > 0; i--) {
      const renamed = renames.get(pathKey(path.slice(0, i)));
      if (renamed) return pathKey([...renamed, ...path.slice(i)]);
    }
    return pathKey(path);
  };
  const samePlace = (p: number, c: number): boolean | undefined => {
    const before = translate(prev.blocks[p]!.headingPath);
    const now = cur.blocks[c]!.headingPath;
    return before === undefined || now === undefined ? undefined : before === pathKey(now);
  };
  const match = (p: number, c: number, change: ClauseChange): void => {
    prev.matched[p] = true;
    cur.matched[c] = true;
    lineage[c] = { previousId: prev.blocks[p]!.id, change };
    const before = prev.blocks[p]!;
    const now = cur.blocks[c]!;
    if (HEADING_KINDS.has(now.kind) && before.headingPath && now.headingPath && before.title && now.title)
      renames.set(pathKey([...before.headingPath, before.title]), [...now.headingPath, now.title]);
  };

  const byDepth = (indexes: number[], blocks: readonly ComparedBlock[]): number[] =>
    indexes.sort((a, b) => (blocks[a]!.headingPath?.length ?? 0) - (blocks[b]!.headingPath?.length ?? 0) || a - b);
  const all = (s: Side<ComparedBlock>, headings: boolean): number[] =>
    s.blocks.flatMap((b, i) => (HEADING_KINDS.has(b.kind) === headings ? [i] : []));

  for (const headings of [true, false]) {
    const p = byDepth(all(prev, headings), prev.blocks);
    const c = byDepth(all(cur, headings), cur.blocks);
    exactPass(
      prev,
      cur,
      p,
      c,
      (pi, ci) => samePlace(pi, ci) !== false,
      (pi, ci) => match(pi, ci, samePlace(pi, ci) === false ? 'moved' : 'unchanged'),
    );
    exactPass(
      prev,
      cur,
      p,
      c,
      () => true,
      (pi, ci) => match(pi, ci, samePlace(pi, ci) === false ? 'moved' : 'unchanged'),
    );
    similarPass(
      prev,
      cur,
      p,
      c,
      SAME_PLACE_SIMILARITY,
      (pi, ci) => samePlace(pi, ci) === true,
      (pi, ci) => match(pi, ci, 'edited'),
    );
    similarPass(
      prev,
      cur,
      p,
      c,
      MOVED_SIMILARITY,
      () => true,
      (pi, ci) => match(pi, ci, 'edited'),
    );
  }
  return lineage;
}

/** Pairs blocks of identical identity text, in order, where `allowed`. */
function exactPass(
  prev: Side<ComparedBlock>,
  cur: Side<ComparedBlock>,
  p: readonly number[],
  c: readonly number[],
  allowed: (p: number, c: number) => boolean,
  pair: (p: number, c: number) => void,
): void {
  const waiting = new Map<string, number[]>();
  for (const i of p) {
    if (prev.matched[i]) continue;
    const list = waiting.get(prev.identity[i]!);
    if (list) list.push(i);
    else waiting.set(prev.identity[i]!, [i]);
  }
  for (const j of c) {
    if (cur.matched[j]) continue;
    const list = waiting.get(cur.identity[j]!);
    if (!list) continue;
    const k = list.findIndex((i) => !prev.matched[i] && allowed(i, j));
    if (k === -1) continue;
    const [i] = list.splice(k, 1);
    pair(i!, j);
  }
}

/**
 * Pairs unmatched blocks of the same kind whose similarity reaches `threshold` where `allowed`, best pairs first
 * (ties: the pair closest in document order). Candidates share a token, found through an index of the previous side.
 */
function similarPass(
  prev: Side<ComparedBlock>,
  cur: Side<ComparedBlock>,
  p: readonly number[],
  c: readonly number[],
  threshold: number,
  allowed: (p: number, c: number) => boolean,
  pair: (p: number, c: number) => void,
): void {
  const index = new Map<string, number[]>();
  for (const i of p) {
    if (prev.matched[i]) continue;
    for (const token of new Set(tokensOf(prev, i))) {
      const list = index.get(`${prev.blocks[i]!.kind}\u0000${token}`);
      if (list) list.push(i);
      else index.set(`${prev.blocks[i]!.kind}\u0000${token}`, [i]);
    }
  }
  const candidates: { p: number; c: number; score: number; distance: number }[] = [];
  const scale = prev.blocks.length / Math.max(1, cur.blocks.length);
  for (const j of c) {
    if (cur.matched[j]) continue;
    const tokens = tokensOf(cur, j);
    const shared = new Map<number, number>();
    for (const token of new Set(tokens))
      for (const i of index.get(`${cur.blocks[j]!.kind}\u0000${token}`) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    for (const [i, count] of shared) {
      // Dice can reach the threshold only if enough distinct tokens are shared.
      if ((2 * count) / (tokens.length + tokensOf(prev, i).length) < threshold / 2 || !allowed(i, j)) continue;
      const score = similarity(tokensOf(prev, i), tokens);
      if (score >= threshold) candidates.push({ p: i, c: j, score, distance: Math.abs(i - j * scale) });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.distance - b.distance || a.c - b.c);
  for (const { p: i, c: j } of candidates) if (!prev.matched[i] && !cur.matched[j]) pair(i, j);
}
