import { Document, Packer, PageOrientation, Paragraph } from 'docx';
import type { ResolutionTable } from './resolution-table.ts';
import { resolutionCells, resolutionColumns, resolutionTitle } from './format-resolution.ts';
import { fill } from '../../../content/i18n/messages.ts';
import { docxWords } from '../../../content/publish/docx/docx-words.ts';
import { A4, GBT_MARGINS } from '../../../content/publish/docx/gbt-layout.ts';
import { STYLE, gbtStyles } from '../../../content/publish/docx/gbt-styles.ts';
import { pageNumberFooter } from '../../../content/publish/docx/page-number-footer.ts';
import { columnWidths, gridTable } from '../../../content/publish/docx/grid-table.ts';
import { textRun } from '../../../content/publish/docx/text-run.ts';
import { xmlSafeText } from '../../../content/publish/docx/xml-safe-text.ts';

// The comment resolution table (意见汇总处理表) of a revision as a Word file: A4 landscape, its title, how many
// comments and how many wait for a disposition, then one row per comment in the columns and words of the other
// formats (format-resolution.ts), the head row repeated on every page, the page number at the foot.
//   resolutionTableDocx({ table, lang: 'zh' }) → PK… (序号 | 章条编号 | 条款 ID | 提出单位 | 意见内容 | … )

/** What `resolutionTableDocx` takes: the table (resolutionRows) and the language to write it in. */
export interface ResolutionTableDocxInput {
  table: ResolutionTable;
  lang: 'zh' | 'en';
}

// How wide each column is, relatively: the comment, the proposed change and the reason take the room.
const WEIGHTS = [3, 5, 9, 8, 26, 18, 7, 18, 9];

const cellParagraphs = (text: string, head: boolean): Paragraph[] =>
  text
    .split(/\r?\n/)
    .map((line) => new Paragraph({ style: head ? STYLE.tableHead : STYLE.tableText, children: [textRun(line)] }));

/** The Word file (.docx) of a comment resolution table. */
export async function resolutionTableDocx(input: ResolutionTableDocxInput): Promise<Buffer> {
  const { table, lang } = input;
  const w = docxWords(lang).draftDocx;
  const title = resolutionTitle[lang](table);
  const columns = resolutionColumns[lang];
  // Landscape: the page's long side runs across.
  const width = A4.height - GBT_MARGINS.left - GBT_MARGINS.right;
  const document = new Document({
    title: xmlSafeText(title),
    subject: xmlSafeText(`${table.number}${table.rev}`),
    creator: 'Magnolia',
    styles: gbtStyles(),
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
            margin: GBT_MARGINS,
          },
        },
        footers: { default: pageNumberFooter() },
        children: [
          new Paragraph({ style: STYLE.frontTitle, children: [textRun(title)] }),
          new Paragraph({
            style: STYLE.tableText,
            spacing: { after: 120 },
            children: [textRun(fill(w.resolutionSummary, { count: table.rows.length, open: table.counts.open }))],
          }),
          gridTable(
            columns.map((c) => cellParagraphs(c, true)),
            table.rows.map((row) => resolutionCells(row, lang).map((c) => cellParagraphs(c, false))),
            columnWidths(width, columns.length, WEIGHTS),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
