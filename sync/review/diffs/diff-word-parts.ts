import { diffWords } from 'diff';
import type { WordPart } from './revision-diff.ts';

// Every word segmentation breaks between white space and a non-space, and after a Chinese sentence or clause mark
// (UAX #29 never joins either to a neighbour): the unchanged edges of two texts are cut there, white space kept with
// the unchanged side as jsdiff itself keeps it.
const MARK = /[。；，、！？：]/;
const SPACE = /\s/;
const space = (c: string | undefined): boolean => c !== undefined && SPACE.test(c);
const mark = (c: string | undefined): boolean => c !== undefined && MARK.test(c);

/** Where the common start of two texts can be cut between words (after white space or a mark); 0 when nowhere. */
function prefixCut(older: string, newer: string): number {
  let same = 0;
  const most = Math.min(older.length, newer.length);
  while (same < most && older.charCodeAt(same) === newer.charCodeAt(same)) same++;
  for (let at = same; at > 0; at--) {
    const before = older[at - 1];
    if (mark(before) || (space(before) && !space(older[at]) && !space(newer[at]))) return at;
  }
  return 0;
}

/** How long a common end of two texts, past `start`, can be cut off between words (before white space or after a mark); 0 when nowhere. */
function suffixCut(older: string, newer: string, start: number): number {
  let same = 0;
  const most = Math.min(older.length, newer.length) - start;
  while (same < most && older.charCodeAt(older.length - 1 - same) === newer.charCodeAt(newer.length - 1 - same)) same++;
  for (let k = same; k > 0; k--) {
    const o = older.length - k;
    const n = newer.length - k;
    if (o <= start || n <= start) continue;
    const [olderBefore, newerBefore] = [older[o - 1], newer[n - 1]];
    if (mark(olderBefore) && mark(newerBefore)) return k;
    if (space(older[o]) && !space(olderBefore) && !space(newerBefore)) return k;
  }
  return 0;
}

/**
 * The word-level diff of two texts, split into words by `segmenter` (an `Intl.Segmenter` of word granularity), so
 * Chinese is compared by words (ICU's dictionary finds them) rather than by character, and English by words with
 * their spacing kept. Adjacent runs of the same op are merged, so a replaced phrase reads as one deletion followed by
 * one insertion. The runs without deletions are the later text exactly; those without insertions are the earlier
 * text up to white space (jsdiff keeps the later spacing around unchanged words). Only the part between the common
 * start and end is segmented (cut between words, so the diff is as short; only ties between repeated words may fall
 * elsewhere): segmenting is most of the cost.
 *
 * Before: `A peer should send frames.` → `A peer shall send small frames.`
 * After:  [= `A peer `, - `should`, + `shall`, = ` send `, + `small`, = ` frames.`]
 */
export function diffWordParts(older: string, newer: string, segmenter: Intl.Segmenter): WordPart[] {
  const start = prefixCut(older, newer);
  const end = suffixCut(older, newer, start);
  const parts: WordPart[] = [];
  const push = (op: WordPart['op'], text: string): void => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last?.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push('equal', older.slice(0, start));
  const middle = diffWords(older.slice(start, older.length - end), newer.slice(start, newer.length - end), {
    intlSegmenter: segmenter,
  });
  for (const change of middle) push(change.added ? 'insert' : change.removed ? 'delete' : 'equal', change.value);
  push('equal', older.slice(older.length - end));
  return parts;
}
