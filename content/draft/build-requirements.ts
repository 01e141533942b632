import type { Nodes } from 'mdast';
import type { RequirementForm } from './draft-types.ts';
import type { KeywordHit } from './map-keywords.ts';
import { splitSentences } from './split-sentences.ts';
import { textUnits } from './text-units.ts';
import type { RequirementLabel } from './requirement-label.ts';

/** A requirement of one block, before it is numbered. */
export interface DraftRequirement {
  keyword: string;
  form: RequirementForm;
  text: string;
}

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * The requirements a block states: one per sentence holding a keyword (the sentence's first keyword gives the
 * form), never two for the same sentence. A sentence that is the keyword alone (a "REQUIRED" constraint item) is
 * named after its clause. Under a label, each list item (or table row) without keywords of its own is one
 * requirement with the label's strength.
 *
 * Before: `A peer MUST retry, and it MAY log. It SHOULD wait.` (hits MUST, MAY, SHOULD)
 * After:  [{ MUST, shall, "A peer shall retry, and it may log." }, { SHOULD, should, "It should wait." }]
 */
export function buildRequirements(
  nodes: readonly Nodes[],
  hits: readonly KeywordHit[],
  options: { label?: RequirementLabel | undefined; table?: boolean; title: string },
): DraftRequirement[] {
  const units = textUnits(nodes);
  const found: DraftRequirement[] = [];
  const seen = new Set<string>();
  const add = (keyword: string, form: RequirementForm, text: string, alone: boolean): void => {
    const sentence = alone ? `${options.title}: ${text}` : text;
    if (sentence === '' || seen.has(sentence)) return;
    seen.add(sentence);
    found.push({ keyword, form, text: sentence });
  };
  if (hits.length === 0) {
    const { label } = options;
    if (!label) return found;
    const rows = options.table ? units.slice(1) : units.length > 0 ? [units.map((u) => u.text).join(' ')] : [];
    for (const row of rows) add(label.keyword, label.form, clean(typeof row === 'string' ? row : row.text), false);
    return found;
  }
  const sentencesOf = new Map<number, [number, number][]>();
  for (const hit of hits) {
    const index = units.findIndex((u) => u.starts.has(hit.node));
    const unit = units[index];
    if (!unit) continue;
    const at = unit.starts.get(hit.node)! + hit.offset;
    let ranges = sentencesOf.get(index);
    if (!ranges) sentencesOf.set(index, (ranges = splitSentences(unit.text, unit.mask)));
    const range = ranges.find(([start, end]) => at >= start && at < end) ?? [0, unit.text.length];
    const text = clean(unit.text.slice(range[0], range[1]));
    const alone =
      text.replace(/[\s.:;,!?。：；，]/g, '').toLowerCase() === hit.replacement.replace(/\s/g, '').toLowerCase();
    add(hit.keyword, hit.form, text, alone);
  }
  return found;
}
