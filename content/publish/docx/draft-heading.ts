import { AlignmentType, HeadingLevel, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { Element } from 'hast';
import { textOf } from '../../render/draft/hast-builder.ts';
import type { DocxContext } from './docx-context.ts';
import { SIZE } from './gbt-layout.ts';
import { STYLE } from './gbt-styles.ts';
import { bookmarked, inlineRuns } from './inline-runs.ts';
import { textRun } from './text-run.ts';

// A heading of the draft as GB/T lays it out, always in a real Heading 1–5 style (h2 → Heading 1 … h6 → Heading 5)
// so Word's navigation pane and the contents field see it, and bookmarked with its clause ID:
//   "4.2 Frames"               → Heading 2, left, the text as the draft writes it
//   "前言" / "Introduction"     → Heading 1, centred, 三号, on a new page
//   "附录 A（规范性）Schema"    → Heading 1, centred, on a new page: "附录 A" ⏎ "（规范性）" ⏎ "Schema"
// A term entry (3.n) is no heading: its number and its term are two 黑体 lines, so the contents never list terms.

const LEVELS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
] as const;
const NUMBERED = /^(\d+(?:\.\d+)*|[A-Z](?:\.\d+)+)(?=\s|$)\s*(.*)$/su;
const ANNEX = /^(附录\s*[A-Z]|Annex\s+[A-Z])\s*([（(](?:规范性|资料性|normative|informative)[）)])\s*(.*)$/su;

/** The clause ID a sanitised element carries from its marker. */
export const clauseIdOf = (node: Element): string | undefined => {
  const id = node.properties['dataClauseId'];
  return typeof id === 'string' ? id : undefined;
};

/** Whether a heading opens a numbered clause (`1 Scope`, `4.2 …`, `A.1 …`). */
export const isNumbered = (text: string): boolean => NUMBERED.test(text);

/** The paragraphs of one heading (`h2`–`h6`). */
export function draftHeading(node: Element, ctx: DocxContext): Paragraph[] {
  const depth = Math.min(Math.max(Number(node.tagName[1]) - 1, 1), LEVELS.length);
  const text = textOf(node).replace(/\s+/g, ' ').trim();
  const id = clauseIdOf(node);
  const numbered = NUMBERED.exec(text);
  if (depth === 1) ctx.chapter = numbered ? numbered[1]! : '';
  const annexLetter = depth === 1 ? ANNEX.exec(text)?.[1]?.slice(-1) : undefined;
  if (annexLetter) ctx.numbering.enterAnnex(annexLetter);

  const termNumber = numbered && depth === 2 && ctx.chapter === '3' ? numbered[1]! : undefined;
  if (termNumber !== undefined || (id !== undefined && ctx.clauses.get(id)?.kind === 'term')) {
    const number = termNumber ?? numbered?.[1] ?? '';
    return [
      new Paragraph({ style: STYLE.termNumber, children: bookmarked(id, [textRun(number)], ctx) }),
      new Paragraph({ style: STYLE.term, children: [textRun(numbered ? numbered[2]! : text)] }),
    ];
  }

  const heading = LEVELS[depth - 1]!;
  const annex = depth === 1 ? ANNEX.exec(text) : null;
  if (annex) {
    const lines: ParagraphChild[] = [textRun(annex[1]!), new TextRun({ break: 1 }), textRun(annex[2]!)];
    if (annex[3]) lines.push(new TextRun({ break: 1 }), textRun(annex[3]));
    return [
      new Paragraph({
        heading,
        alignment: AlignmentType.CENTER,
        pageBreakBefore: true,
        children: bookmarked(id, lines, ctx),
      }),
    ];
  }
  if (depth === 1 && !numbered)
    // Foreword, introduction, bibliography: unnumbered, centred, each on a page of its own.
    return [
      new Paragraph({
        heading,
        alignment: AlignmentType.CENTER,
        pageBreakBefore: true,
        children: bookmarked(id, [textRun(text, { size: SIZE.sanhao })], ctx),
      }),
    ];
  return [new Paragraph({ heading, children: bookmarked(id, inlineRuns(node.children, ctx), ctx) })];
}
