import { similarity, similarityTokens } from '../../../content/draft/text-similarity.ts';

/** What is paired: a requirement sentence and its verbal form. */
export interface Sentence {
  form: string;
  text: string;
}

/** An old sentence and the new one it became; one side is null for a requirement removed or added. */
export interface SentencePair<T extends Sentence> {
  before: T | null;
  after: T | null;
}

/** Below this similarity two sentences are different requirements, not one reworded. */
export const SAME_REQUIREMENT = 0.5;

// The words the draft writes for the keywords, blanked before sentences are compared: "Peers should retry." and
// "Peers shall retry." are one requirement whose strength changed, so the keyword must not count against them.
const FORM_WORDS =
  /\b(?:shall not|should not|not recommended|shall|should|may|required|recommended|optional)\b|不应|不宜|应|宜|可/gi;

/** The sentence with its keywords blanked, as compared. */
export function maskForms(text: string): string {
  return text.replace(FORM_WORDS, '\u0001');
}

/**
 * Pairs the requirement sentences of a changed region before and after the change. The matching rule:
 * 1. a sentence whose text and form are the same on both sides did not change, and is left out;
 * 2. of the rest, the pair whose texts are the most alike (trigram Dice similarity with the keywords blanked) is
 *    taken first, then the next most alike among the sentences left, as long as the similarity is at least
 *    `SAME_REQUIREMENT` (ties go to the pair closest in order);
 * 3. an old sentence left over was removed, a new one left over was added.
 * A pair keeps its order of the old side; removed and added sentences follow in their own order.
 *
 * Before: old [`A should retry.`, `B may log.`], new [`A shall retry.`, `B may log.`]
 * After:  [{ before `A should retry.`, after `A shall retry.` }]
 */
export function pairRequirements<T extends Sentence>(before: readonly T[], after: readonly T[]): SentencePair<T>[] {
  const olds = [...before];
  const news = [...after];
  // 1. Identical sentences cancel, as a multiset.
  for (let i = olds.length - 1; i >= 0; i--) {
    const o = olds[i]!;
    const j = news.findIndex((n) => n.text === o.text && n.form === o.form);
    if (j >= 0) {
      olds.splice(i, 1);
      news.splice(j, 1);
    }
  }
  // 2. The most alike first.
  const oldTokens = olds.map((o) => similarityTokens(maskForms(o.text)));
  const newTokens = news.map((n) => similarityTokens(maskForms(n.text)));
  const candidates: { i: number; j: number; score: number }[] = [];
  olds.forEach((_, i) =>
    news.forEach((_, j) => {
      const score = similarity(oldTokens[i]!, newTokens[j]!);
      if (score >= SAME_REQUIREMENT) candidates.push({ i, j, score });
    }),
  );
  candidates.sort((a, b) => b.score - a.score || Math.abs(a.i - a.j) - Math.abs(b.i - b.j) || a.i - b.i);
  const partnerOf = new Map<number, number>();
  const taken = new Set<number>();
  for (const { i, j } of candidates) {
    if (partnerOf.has(i) || taken.has(j)) continue;
    partnerOf.set(i, j);
    taken.add(j);
  }
  // 3. What is left was removed or added.
  const pairs: SentencePair<T>[] = olds.map((o, i) => {
    const j = partnerOf.get(i);
    return { before: o, after: j === undefined ? null : news[j]! };
  });
  news.forEach((n, j) => {
    if (!taken.has(j)) pairs.push({ before: null, after: n });
  });
  return pairs;
}
