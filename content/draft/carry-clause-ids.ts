import { identityText } from './clause-id.ts';
import type { ClauseChange } from './draft-types.ts';
import { similarity, similarityTokens, wordTokens } from './text-similarity.ts';

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
  words: (string[] | undefined)[];
  matched: boolean[];
}

function side<T extends ComparedBlock>(blocks: readonly T[]): Side<T> {
  return {
    blocks,
    identity: blocks.map((b) => identityText(b.kind, b.sourceText)),
    tokens: blocks.map(() => undefined),
    words: blocks.map(() => undefined),
    matched: blocks.map(() => false),
  };
}

const textOf = <T extends ComparedBlock>(s: Side<T>, i: number): string =>
  s.identity[i]!.slice(s.identity[i]!.indexOf('\u0000') + 1);
const tokensOf = <T extends ComparedBlock>(s: Side<T>, i: number): string[] =>
  (s.tokens[i] ??= similarityTokens(textOf(s, i)));
const wordsOf = <T extends ComparedBlock>(s: Side<T>, i: number): string[] => (s.words[i] ??= wordTokens(textOf(s, i)));
// Words in more previous blocks than this find no candidates by themselves ("the", "must").
const COMMON_WORD = 64;

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
  const exact: [number, number][] = [];
  const match = (p: number, c: number, change: ClauseChange): void => {
    prev.matched[p] = true;
    cur.matched[c] = true;
    lineage[c] = { previousId: prev.blocks[p]!.id, change };
    if (change !== 'edited') exact.push([p, c]);
    const before = prev.blocks[p]!;
    const now = cur.blocks[c]!;
    if (HEADING_KINDS.has(now.kind) && before.headingPath && now.headingPath && before.title && now.title)
      renames.set(pathKey([...before.headingPath, before.title]), [...now.headingPath, now.title]);
  };
  const same = (pi: number, ci: number): boolean => samePlace(pi, ci) === true;
  const identical = (pi: number, ci: number): void => match(pi, ci, 'unchanged');
  const edited = (pi: number, ci: number): void => match(pi, ci, 'edited');

  const byDepth = (indexes: number[], blocks: readonly ComparedBlock[]): number[] =>
    indexes.sort((a, b) => (blocks[a]!.headingPath?.length ?? 0) - (blocks[b]!.headingPath?.length ?? 0) || a - b);
  const all = (s: Side<ComparedBlock>, headings: boolean): number[] =>
    s.blocks.flatMap((b, i) => (HEADING_KINDS.has(b.kind) === headings ? [i] : []));
  const prevHeadings = byDepth(all(prev, true), prev.blocks);
  const curHeadings = byDepth(all(cur, true), cur.blocks);
  const prevBlocks = byDepth(all(prev, false), prev.blocks);
  const curBlocks = byDepth(all(cur, false), cur.blocks);

  exactPass(prev, cur, prevHeadings, curHeadings, (pi, ci) => samePlace(pi, ci) !== false, identical);
  exactPass(prev, cur, prevHeadings, curHeadings, () => true, identical);
  similarPass(prev, cur, prevHeadings, curHeadings, SAME_PLACE_SIMILARITY, same, edited);
  similarPass(prev, cur, prevHeadings, curHeadings, MOVED_SIMILARITY, () => true, edited);
  exactPass(prev, cur, prevBlocks, curBlocks, (pi, ci) => samePlace(pi, ci) !== false, identical);
  exactPass(prev, cur, prevBlocks, curBlocks, () => true, identical);
  // A heading renamed beyond recognition is still the heading its blocks used to be under.
  matchHeadingsByContent(prev, cur, prevHeadings, curHeadings, lineage, edited);
  similarPass(prev, cur, prevBlocks, curBlocks, SAME_PLACE_SIMILARITY, same, edited);
  similarPass(prev, cur, prevBlocks, curBlocks, MOVED_SIMILARITY, () => true, edited);
  // Identical text is unchanged where it stayed under the same headings (renames known by now), moved elsewhere.
  for (const [p, c] of exact)
    if (samePlace(p, c) === false) lineage[c] = { previousId: prev.blocks[p]!.id, change: 'moved' };
  return lineage;
}

const fullPath = (b: ComparedBlock): string | undefined =>
  b.headingPath && b.title !== undefined ? pathKey([...b.headingPath, b.title]) : undefined;

/**
 * Matches headings left over by what is under them: when most matched blocks right under a current heading were
 * right under one unmatched previous heading of the same kind, that is the heading, renamed.
 */
function matchHeadingsByContent(
  prev: Side<ComparedBlock>,
  cur: Side<ComparedBlock>,
  prevHeadings: readonly number[],
  curHeadings: readonly number[],
  lineage: readonly Lineage[],
  pair: (p: number, c: number) => void,
): void {
  const prevById = new Map(prev.blocks.map((b, i) => [(b as PreviousBlock).id, i]));
  const openPrev = new Map<string, number>();
  for (const i of prevHeadings) {
    const key = fullPath(prev.blocks[i]!);
    if (!prev.matched[i] && key !== undefined) openPrev.set(`${prev.blocks[i]!.kind}\u0000${key}`, i);
  }
  if (openPrev.size === 0) return;
  const under = new Map<string, number[]>();
  cur.blocks.forEach((b, j) => {
    if (!b.headingPath || HEADING_KINDS.has(b.kind) || !cur.matched[j]) return;
    const key = pathKey(b.headingPath);
    under.set(key, [...(under.get(key) ?? []), j]);
  });
  for (const j of curHeadings) {
    const key = fullPath(cur.blocks[j]!);
    if (cur.matched[j] || key === undefined) continue;
    const votes = new Map<string, number>();
    const children = under.get(key) ?? [];
    for (const child of children) {
      const p = prevById.get(lineage[child]!.previousId ?? '');
      const path = p === undefined ? undefined : prev.blocks[p]!.headingPath;
      if (path) votes.set(pathKey(path), (votes.get(pathKey(path)) ?? 0) + 1);
    }
    const [best, count] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    const i = openPrev.get(`${cur.blocks[j]!.kind}\u0000${best}`);
    if (i === undefined || prev.matched[i] || count * 2 < children.length) continue;
    pair(i, j);
  }
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
 * (ties: the pair closest in document order). Candidates share a word that is not too common, found through an
 * index of the previous side.
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
    for (const word of new Set(wordsOf(prev, i))) {
      const key = `${prev.blocks[i]!.kind}\u0000${word}`;
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    }
  }
  const candidates: { p: number; c: number; score: number; distance: number }[] = [];
  const scale = prev.blocks.length / Math.max(1, cur.blocks.length);
  for (const j of c) {
    if (cur.matched[j]) continue;
    const seen = new Set<number>();
    const lists = [...new Set(wordsOf(cur, j))].map((w) => index.get(`${cur.blocks[j]!.kind}\u0000${w}`) ?? []);
    const rare = lists.filter((l) => l.length <= COMMON_WORD);
    for (const list of rare.length > 0 ? rare : lists)
      for (const i of list) {
        if (seen.has(i) || prev.matched[i] || !allowed(i, j)) continue;
        seen.add(i);
        const score = similarity(tokensOf(prev, i), tokensOf(cur, j));
        if (score >= threshold) candidates.push({ p: i, c: j, score, distance: Math.abs(i - j * scale) });
      }
  }
  candidates.sort((a, b) => b.score - a.score || a.distance - b.distance || a.c - b.c);
  for (const { p: i, c: j } of candidates) if (!prev.matched[i] && !cur.matched[j]) pair(i, j);
}
