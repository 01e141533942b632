import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import { BODY_FONT, CODE_FONT, HEADING_FONT, SIZE } from './gbt-layout.ts';

// The document's styles, so that every paragraph takes its fonts from a style and Word's navigation, the
// contents and a later restyle see the structure: Normal (宋体/Times New Roman 五号), Heading 1–5 (黑体/Arial 五号,
// outline levels 1–5, kept with the next paragraph), and the GB/T elements each as a named style.
//   { style: 'GbtNote' } → <w:pStyle w:val="GbtNote"/>, <w:rFonts w:eastAsia="宋体" …/> in styles.xml

/** The IDs of the document's own paragraph styles. */
export const STYLE = {
  coverCodes: 'GbtCoverCodes',
  coverKind: 'GbtCoverKind',
  coverNumber: 'GbtCoverNumber',
  coverTitle: 'GbtCoverTitle',
  coverSubtitle: 'GbtCoverSubtitle',
  coverStage: 'GbtCoverStage',
  coverDates: 'GbtCoverDates',
  coverIssuer: 'GbtCoverIssuer',
  frontTitle: 'GbtFrontTitle',
  bodyTitle: 'GbtBodyTitle',
  termNumber: 'GbtTermNumber',
  term: 'GbtTerm',
  note: 'GbtNote',
  example: 'GbtExample',
  listItem: 'GbtListItem',
  tableCaption: 'GbtTableCaption',
  figure: 'GbtFigure',
  figureCaption: 'GbtFigureCaption',
  tableText: 'GbtTableText',
  tableHead: 'GbtTableHead',
  code: 'GbtCode',
  running: 'GbtRunning',
} as const;

/** The character style of code spans. */
export const CODE_CHAR_STYLE = 'GbtCodeChar';

/** Two characters of 五号 text: the first-line indent of a GB/T paragraph. */
const TWO_CHARS = 420;

const style = (
  id: string,
  name: string,
  options: Omit<IParagraphStyleOptions, 'id' | 'name'>,
): IParagraphStyleOptions => ({ id, name, basedOn: 'Normal', next: 'Normal', quickFormat: true, ...options });

const heading = (level: number) => ({
  run: { font: HEADING_FONT, size: SIZE.wuhao, bold: false, italics: false, color: '000000' },
  paragraph: {
    outlineLevel: level - 1,
    keepNext: true,
    keepLines: true,
    spacing: { before: level === 1 ? 240 : 120, after: level === 1 ? 240 : 120 },
    indent: { firstLine: 0 },
  },
});

/** The styles of a GB/T draft (the resolution table uses them too). */
export function gbtStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: BODY_FONT, size: SIZE.wuhao, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: {
          spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
          alignment: AlignmentType.JUSTIFIED,
        },
      },
      heading1: heading(1),
      heading2: heading(2),
      heading3: heading(3),
      heading4: heading(4),
      heading5: heading(5),
      caption: {
        run: { font: HEADING_FONT, size: SIZE.wuhao, italics: false, color: '000000' },
        paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 120 } },
      },
    },
    characterStyles: [
      { id: CODE_CHAR_STYLE, name: 'GB/T code span', basedOn: 'DefaultParagraphFont', run: { font: CODE_FONT } },
    ],
    paragraphStyles: [
      {
        id: 'Normal',
        name: 'Normal',
        quickFormat: true,
        run: { font: BODY_FONT, size: SIZE.wuhao },
        paragraph: { indent: { firstLine: TWO_CHARS } },
      },
      style(STYLE.coverCodes, 'GB/T cover codes', {
        run: { font: HEADING_FONT, size: SIZE.wuhao },
        paragraph: { indent: { firstLine: 0 }, alignment: AlignmentType.LEFT },
      }),
      style(STYLE.coverKind, 'GB/T cover kind', {
        run: { font: HEADING_FONT, size: SIZE.xiaochu, characterSpacing: 120 },
        paragraph: { indent: { firstLine: 0 }, alignment: AlignmentType.CENTER, spacing: { before: 1200, after: 240 } },
      }),
      style(STYLE.coverNumber, 'GB/T cover number', {
        run: { font: HEADING_FONT, size: SIZE.sihao },
        paragraph: { indent: { firstLine: 0 }, alignment: AlignmentType.RIGHT, spacing: { after: 1200 } },
      }),
      style(STYLE.coverTitle, 'GB/T cover title', {
        run: { font: HEADING_FONT, size: SIZE.yihao },
        paragraph: { indent: { firstLine: 0 }, alignment: AlignmentType.CENTER, spacing: { before: 480, after: 240 } },
      }),
      style(STYLE.coverSubtitle, 'GB/T cover subtitle', {
        run: { font: HEADING_FONT, size: SIZE.sihao },
        paragraph: { indent: { firstLine: 0 }, alignment: AlignmentType.CENTER, spacing: { after: 480 } },
      }),
      style(STYLE.coverStage, 'GB/T cover stage', {
        run: { font: BODY_FONT, size: SIZE.sihao },
        paragraph: { indent: { firstLine: 0 }, alignment: AlignmentType.CENTER, spacing: { after: 240 } },
      }),
      style(STYLE.coverDates, 'GB/T cover dates', {
        run: { font: HEADING_FONT, size: SIZE.sihao },
        paragraph: { indent: { firstLine: 0 }, alignment: AlignmentType.LEFT, spacing: { before: 2400 } },
      }),
      style(STYLE.coverIssuer, 'GB/T cover issuer', {
        run: { font: HEADING_FONT, size: SIZE.sihao },
        paragraph: { indent: { firstLine: 0 }, alignment: AlignmentType.CENTER, spacing: { before: 480 } },
      }),
      style(STYLE.frontTitle, 'GB/T front title', {
        run: { font: HEADING_FONT, size: SIZE.sanhao },
        paragraph: { indent: { firstLine: 0 }, alignment: AlignmentType.CENTER, spacing: { before: 240, after: 480 } },
      }),
      style(STYLE.bodyTitle, 'GB/T body title', {
        run: { font: HEADING_FONT, size: SIZE.sanhao },
        paragraph: { indent: { firstLine: 0 }, alignment: AlignmentType.CENTER, spacing: { before: 240, after: 480 } },
      }),
      style(STYLE.termNumber, 'GB/T term number', {
        run: { font: HEADING_FONT, size: SIZE.wuhao },
        paragraph: { indent: { firstLine: 0 }, keepNext: true, spacing: { before: 120 } },
      }),
      style(STYLE.term, 'GB/T term', {
        run: { font: HEADING_FONT, size: SIZE.wuhao },
        paragraph: { indent: { firstLine: TWO_CHARS }, keepNext: true },
      }),
      style(STYLE.note, 'GB/T note', {
        run: { font: BODY_FONT, size: SIZE.xiaowu },
        paragraph: { indent: { left: TWO_CHARS, firstLine: 0 }, spacing: { before: 60, after: 60 } },
      }),
      style(STYLE.example, 'GB/T example', {
        run: { font: BODY_FONT, size: SIZE.xiaowu },
        paragraph: { indent: { left: TWO_CHARS, firstLine: 0 }, spacing: { before: 60, after: 60 } },
      }),
      style(STYLE.listItem, 'GB/T list item', {
        paragraph: { indent: { left: TWO_CHARS * 2, hanging: TWO_CHARS } },
      }),
      style(STYLE.tableCaption, 'GB/T table caption', {
        basedOn: 'Caption',
        run: { font: HEADING_FONT, size: SIZE.wuhao },
        paragraph: { indent: { firstLine: 0 }, alignment: AlignmentType.CENTER, keepNext: true },
      }),
      style(STYLE.figure, 'GB/T figure', {
        paragraph: {
          indent: { firstLine: 0 },
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { before: 120, after: 60 },
        },
      }),
      // Under its figure, as GB/T sets 图题: centred, 黑体 五号.
      style(STYLE.figureCaption, 'GB/T figure caption', {
        basedOn: 'Caption',
        run: { font: HEADING_FONT, size: SIZE.wuhao },
        paragraph: { indent: { firstLine: 0 }, alignment: AlignmentType.CENTER, spacing: { after: 120 } },
      }),
      style(STYLE.tableText, 'GB/T table text', {
        run: { font: BODY_FONT, size: SIZE.xiaowu },
        paragraph: { indent: { firstLine: 0 }, alignment: AlignmentType.LEFT },
      }),
      style(STYLE.tableHead, 'GB/T table head', {
        run: { font: HEADING_FONT, size: SIZE.xiaowu },
        paragraph: { indent: { firstLine: 0 }, alignment: AlignmentType.CENTER, keepNext: true },
      }),
      style(STYLE.code, 'GB/T code', {
        run: { font: CODE_FONT, size: SIZE.xiaowu },
        paragraph: { indent: { left: TWO_CHARS, firstLine: 0 }, alignment: AlignmentType.LEFT },
      }),
      style(STYLE.running, 'GB/T running head and foot', {
        run: { font: BODY_FONT, size: SIZE.xiaowu },
        paragraph: { indent: { firstLine: 0 } },
      }),
    ],
  };
}
