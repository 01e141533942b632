import { diffWords } from 'diff';
import type { WordPart } from './revision-diff.ts';

/**
 * The word-level diff of two texts, split into words by `segmenter` (an `Intl.Segmenter` of word granularity), so
 * Chinese is compared by words (ICU's dictionary finds them) rather than by character, and English by words with
 * their spacing kept. Adjacent runs of the same op are merged, so a replaced phrase reads as one deletion followed by
 * one insertion.
 *
 * Before: `A peer should send frames.` → `A peer shall send small frames.`
 * After:  [= `A peer `, - `should`, + `shall`, = ` send `, + `small `, = `frames.`]
 */
export function diffWordParts(older: string, newer: string, segmenter: Intl.Segmenter): WordPart[] {
  const parts: WordPart[] = [];
  for (const change of diffWords(older, newer, { intlSegmenter: segmenter })) {
    if (change.value === '') continue;
    const op = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const last = parts.at(-1);
    if (last?.op === op) last.text += change.value;
    else parts.push({ op, text: change.value });
  }
  return parts;
}
