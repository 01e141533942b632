import type { ManifestRequirement } from '../../../content/draft/draft-types.ts';
import { similarity, similarityTokens } from '../../../content/draft/text-similarity.ts';

/** Requirements this similar (Dice coefficient of character trigrams) at least are the same one, reworded. */
export const REQUIREMENT_SIMILARITY = 0.5;

/** The requirements of one clause in two revisions, paired. */
export interface RequirementPairs {
  /** Indexes into the earlier and the later list, in the later list's order. */
  pairs: [older: number, newer: number][];
  /** Indexes of the earlier list that found no partner. */
  removed: number[];
  /** Indexes of the later list that found no partner. */
  added: number[];
}

/**
 * Pairs the requirements of one clause across two revisions: first those with the same sentence, in order; then,
 * among the rest, the most similar pairs (a changed form changes one word of the sentence: `should` → `shall`,
 * 宜 → 应), best first and, on a tie, the pair closest in order, down to `REQUIREMENT_SIMILARITY`. The rest are
 * removed and added. Order alone never pairs two requirements: a rewritten sentence is a new requirement.
 *
 * Before: [`A peer should retry.`, `A peer may log.`] → [`A peer may log.`, `A peer shall retry.`]
 * After:  pairs [[1, 0], [0, 1]], nothing added or removed
 */
export function matchRequirements(
  older: readonly Pick<ManifestRequirement, 'text'>[],
  newer: readonly Pick<ManifestRequirement, 'text'>[],
): RequirementPairs {
  // Most clauses keep their requirements as they were: then they pair in order.
  if (older.length === newer.length && older.every((r, i) => r.text === newer[i]!.text))
    return { pairs: older.map((_, i) => [i, i]), removed: [], added: [] };
  const olderTaken = older.map(() => false);
  const partner: (number | undefined)[] = newer.map(() => undefined);
  const waiting = new Map<string, number[]>();
  older.forEach((r, i) => waiting.set(r.text, [...(waiting.get(r.text) ?? []), i]));
  newer.forEach((r, j) => {
    const i = waiting.get(r.text)?.shift();
    if (i === undefined) return;
    olderTaken[i] = true;
    partner[j] = i;
  });
  const candidates: { i: number; j: number; score: number }[] = [];
  // Trigrams are made only for the requirements left over.
  const olderTokens: (string[] | undefined)[] = older.map(() => undefined);
  newer.forEach((r, j) => {
    if (partner[j] !== undefined) return;
    const tokens = similarityTokens(r.text);
    older.forEach((o, i) => {
      if (olderTaken[i]) return;
      const score = similarity((olderTokens[i] ??= similarityTokens(o.text)), tokens);
      if (score >= REQUIREMENT_SIMILARITY) candidates.push({ i, j, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score || Math.abs(a.i - a.j) - Math.abs(b.i - b.j) || a.j - b.j);
  for (const { i, j } of candidates) {
    if (olderTaken[i] || partner[j] !== undefined) continue;
    olderTaken[i] = true;
    partner[j] = i;
  }
  return {
    pairs: partner.flatMap((i, j) => (i === undefined ? [] : [[i, j] as [number, number]])),
    removed: olderTaken.flatMap((taken, i) => (taken ? [] : [i])),
    added: partner.flatMap((i, j) => (i === undefined ? [j] : [])),
  };
}
