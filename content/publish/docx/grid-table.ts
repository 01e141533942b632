import { BorderStyle, Paragraph, Table, TableCell, TableRow, VerticalAlignTable, WidthType } from 'docx';

// A GB/T table: thick outer rules, thin inner ones, the full text width, the head row repeated on every page it
// runs onto (w:tblHeader) and rows kept whole across pages. Cells arrive as paragraphs, already styled.
//   gridTable([[p("Field")], [p("Type")]], [[[p("id")], [p("string")]]], [4000, 4000])
//     → <w:tbl> <w:tr><w:trPr><w:tblHeader/>… <w:tc>Field</w:tc>…

/** One cell: its paragraphs (an empty cell gets an empty one). */
export type GridCell = Paragraph[];

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const THICK = { style: BorderStyle.SINGLE, size: 12, color: '000000' };

/** A table of `head` (one row, repeated on each page) over `body`; `widths` in twips, one per column. */
export function gridTable(head: GridCell[], body: GridCell[][], widths: readonly number[]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const cell = (paragraphs: GridCell, i: number): TableCell =>
    new TableCell({
      // Word refuses a cell without a paragraph.
      children: paragraphs.length > 0 ? paragraphs : [new Paragraph({})],
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.TOP,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
    });
  const pad = (cells: GridCell[]): GridCell[] => widths.map((_, i) => cells[i] ?? []);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [...widths],
    borders: { top: THICK, bottom: THICK, left: THICK, right: THICK, insideHorizontal: THIN, insideVertical: THIN },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: pad(head).map(cell) }),
      ...body.map((cells) => new TableRow({ cantSplit: true, children: pad(cells).map(cell) })),
    ],
  });
}

/** `count` column widths in twips that share `total` by each column's share of `weights` (equal without them). */
export function columnWidths(total: number, count: number, weights?: readonly number[]): number[] {
  const w = Array.from({ length: count }, (_, i) => Math.max(weights?.[i] ?? 1, 1));
  const sum = w.reduce((a, b) => a + b, 0);
  const widths = w.map((x) => Math.floor((total * x) / sum));
  widths[count - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}
