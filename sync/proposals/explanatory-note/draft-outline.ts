/** A numbered heading of the draft: a clause (`4`, `4.2`) or an annex (`附录 A（规范性）…`). */
export interface OutlineHeading {
  /** 2 for clauses and annexes, 3 for their first subdivisions. */
  depth: 2 | 3;
  /** `4`, `4.2`, `A`, `A.1`. */
  number: string;
  /** The heading as the draft writes it, without its ID anchor. */
  text: string;
}

const HEADING = /^(#{2,3}) +(.+?)(?: +\{#[^}]*\})? *$/;
const CLAUSE = /^([1-9]\d*(?:\.\d+)?) /;
const ANNEX = /^(?:附录|Annex) *([A-Z])(?:\.(\d+))?/;
const SUB_ANNEX = /^([A-Z]\.\d+) /;

/**
 * The outline of a generated draft from its Markdown: the numbered clauses and annexes and their first
 * subdivisions, in order (the manifest lacks the fixed chapters 2 and 3 and the generated annexes). Fenced code
 * is skipped: a `##` line inside it is text, not a heading.
 *
 * Before: `## 4 Frames {#c-1}` `### 4.2 Hello` `## 附录 A（规范性）符合性检查表`
 * After:  `{2, 4, "4 Frames"}` `{3, 4.2, "4.2 Hello"}` `{2, A, "附录 A（规范性）符合性检查表"}`
 */
export function draftOutline(markdown: string): OutlineHeading[] {
  const out: OutlineHeading[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const opens = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (opens) {
      const mark = opens[1]!;
      if (fence === null) fence = mark;
      else if (mark[0] === fence[0] && mark.length >= fence.length) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const heading = HEADING.exec(line);
    if (!heading) continue;
    const depth = heading[1]!.length as 2 | 3;
    const text = heading[2]!;
    const annex = ANNEX.exec(text);
    const number = CLAUSE.exec(text)?.[1] ?? (annex ? annex[1]! : SUB_ANNEX.exec(text)?.[1]);
    if (number === undefined) continue;
    if (depth === 2 && number.includes('.')) continue;
    out.push({ depth, number, text });
  }
  return out;
}
