import { AlignmentType, InternalHyperlink, Paragraph, type ParagraphChild, type Table, type TextRun } from 'docx';
import type { Element, ElementContent } from 'hast';
import { textOf } from '../../render/draft/hast-builder.ts';
import { bookmarkNameOf } from './bookmark-name.ts';
import type { DocxContext } from './docx-context.ts';
import { TEXT_WIDTH } from './gbt-layout.ts';
import { STYLE } from './gbt-styles.ts';
import { clauseIdOf } from './draft-heading.ts';
import { columnWidths, gridTable, type GridCell } from './grid-table.ts';
import { bookmarked, inlineRuns } from './inline-runs.ts';
import { textRun } from './text-run.ts';

// A table of the draft as a real Word table (gridTable): the head row in 黑体 and repeated on each page, the cells
// in 小五 with their column's alignment, columns as wide as their text asks within the text width. The table's
// clause ID is bookmarked in its first cell; a cell holding only an anchored clause ID (the traceability annex)
// links to that clause's bookmark, as the draft page links it.
//   <table data-clause-id="c-94e0…"><thead><tr><th>Field</th>… → Table, first cell Bookmark c_94e0… "Field"

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

const rowsOf = (node: Element): Element[] =>
  node.children.flatMap((c) =>
    c.type !== 'element'
      ? []
      : c.tagName === 'tr'
        ? [c]
        : c.tagName === 'thead' || c.tagName === 'tbody'
          ? rowsOf(c)
          : [],
  );
const cellsOf = (row: Element): Element[] =>
  row.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'th' || c.tagName === 'td'));

function cellRuns(cell: Element, ctx: DocxContext): ParagraphChild[] {
  const only = textOf(cell).trim();
  const links = cell.children.some((c) => c.type === 'element' && c.tagName === 'a');
  if (!links && ctx.anchored.has(only))
    return [
      new InternalHyperlink({
        anchor: bookmarkNameOf(only),
        children: [textRun(only, { style: 'Hyperlink' }) as TextRun],
      }),
    ];
  return inlineRuns(cell.children as ElementContent[], ctx);
}

/** The Word table of a sanitised `table`. */
export function draftTable(node: Element, ctx: DocxContext): Table[] {
  const rows = rowsOf(node).map(cellsOf);
  const count = Math.max(1, ...rows.map((r) => r.length));
  if (rows.length === 0) return [];
  const id = clauseIdOf(node);
  const weights = Array.from({ length: count }, (_, i) =>
    Math.min(40, Math.max(4, ...rows.map((r) => (r[i] ? textOf(r[i]).trim().length : 0)))),
  );
  const cell = (c: Element, head: boolean, first: boolean): GridCell => {
    const align = c.properties['align'];
    const alignment = typeof align === 'string' && align in ALIGN ? ALIGN[align as keyof typeof ALIGN] : undefined;
    const runs = cellRuns(c, ctx);
    return [
      new Paragraph({
        style: head ? STYLE.tableHead : STYLE.tableText,
        ...(alignment ? { alignment } : {}),
        children: first ? bookmarked(id, runs, ctx) : runs,
      }),
    ];
  };
  const [head, ...body] = rows;
  return [
    gridTable(
      head!.map((c, i) => cell(c, true, i === 0)),
      body.map((r) => r.map((c) => cell(c, false, false))),
      columnWidths(TEXT_WIDTH, count, weights),
    ),
  ];
}
