import { BorderStyle, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import { fill } from '../../i18n/messages.ts';
import type { CoverFields } from './cover-fields.ts';
import { docxWords } from './docx-words.ts';
import { SIZE, TEXT_WIDTH } from './gbt-layout.ts';
import { STYLE } from './gbt-styles.ts';
import { DATE_PLACEHOLDER, type RevisionDocxMeta } from './revision-docx-meta.ts';
import { textRun } from './text-run.ts';
import { xmlSafeText } from './xml-safe-text.ts';

// The cover as GB/T 1.1—2020 (and the 团体标准 template) lays it out, top to bottom: ICS and CCS at the left, the
// kind of standard (团体标准) large, the number placeholder at the right over a rule, the title large in 黑体 and
// the other language's title under it, the stage of the draft "（征求意见稿）", the revision, the call for patent
// notices, then under a rule "XXXX-XX-XX发布" at the left and "XXXX-XX-XX实施" at the right, and the issuing body.

const RULE = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
const NUMBER_PLACEHOLDER = 'T/XXX XXXX—XXXX';

/** The cover's paragraphs; `title` is the draft's `#` title. */
export function coverPage(fields: CoverFields, title: string | null, meta: RevisionDocxMeta): Paragraph[] {
  const w = docxWords(meta.lang).draftDocx;
  const main = title ?? (meta.lang === 'zh' ? (fields.titleZh ?? fields.titleEn) : (fields.titleEn ?? fields.titleZh));
  const other = [fields.titleZh, fields.titleEn].find((t) => t !== null && t !== main) ?? null;
  const ics = fields.ics ?? meta.ics ?? null;
  const ccs = fields.ccs ?? meta.ccs ?? null;
  const line = (style: string, text: string | null, extra: object = {}): Paragraph[] =>
    text === null ? [] : [new Paragraph({ style, ...extra, children: [textRun(text)] })];
  const issued = fill(w.issued, { date: xmlSafeText(meta.issueDate ?? DATE_PLACEHOLDER) });
  const implemented = fill(w.implemented, { date: xmlSafeText(meta.implementationDate ?? DATE_PLACEHOLDER) });
  return [
    ...line(STYLE.coverCodes, `ICS ${ics ?? ''}`.trim()),
    ...line(STYLE.coverCodes, `CCS ${ccs ?? ''}`.trim()),
    ...line(STYLE.coverKind, fields.kind),
    ...line(STYLE.coverNumber, fields.number ?? NUMBER_PLACEHOLDER, { border: { bottom: RULE } }),
    ...line(STYLE.coverTitle, main),
    ...line(STYLE.coverSubtitle, other),
    ...line(STYLE.coverStage, fill(w.stage, { stage: meta.lang === 'zh' ? meta.stage.zh : meta.stage.en })),
    new Paragraph({
      style: STYLE.coverStage,
      children: [
        textRun(fill(w.revision, { revision: meta.revision, proposal: meta.proposal }), { size: SIZE.xiaowu }),
      ],
    }),
    new Paragraph({ style: STYLE.coverStage, children: [textRun(w.patentCall, { size: SIZE.xiaowu })] }),
    new Paragraph({
      style: STYLE.coverDates,
      border: { top: RULE },
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      children: [new TextRun({ children: [xmlSafeText(issued), new Tab(), xmlSafeText(implemented)] })],
    }),
    ...line(STYLE.coverIssuer, fill(w.issuedBy, { issuer: meta.issuer ?? w.issuerPlaceholder })),
  ];
}
