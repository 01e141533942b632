import { convertMillimetersToTwip } from 'docx';

// The page and the type of GB/T 1.1—2020 (and the 团体标准 templates built on it): A4, 宋体 五号 for the text,
// 黑体 for headings, smaller type (小五号) for notes, examples and tables. Word measures pages in twips (1/1440 in)
// and type in half-points: 五号 is 10.5 pt, so 21.

/** A4 in twips, portrait (Word's w:pgSz for A4: 11906 × 16838). */
export const A4 = { width: 11906, height: 16838 } as const;

/** The margins: top 25 mm, bottom 20 mm, binding edge 25 mm, outer edge 20 mm; header and footer 15 mm off. */
export const GBT_MARGINS = {
  top: convertMillimetersToTwip(25),
  bottom: convertMillimetersToTwip(20),
  left: convertMillimetersToTwip(25),
  right: convertMillimetersToTwip(20),
  header: convertMillimetersToTwip(15),
  footer: convertMillimetersToTwip(15),
} as const;

/** Type sizes in half-points, by their Chinese names. */
export const SIZE = {
  xiaochu: 72, // 小初 36 pt: the kind of standard on the cover
  yihao: 52, // 一号 26 pt: the cover title
  erhao: 44, // 二号 22 pt
  sanhao: 32, // 三号 16 pt: 目次, 前言 and the title over the body
  sihao: 28, // 四号 14 pt: the number and the stage on the cover
  xiaosi: 24, // 小四 12 pt
  wuhao: 21, // 五号 10.5 pt: the text and the clause headings
  xiaowu: 18, // 小五 9 pt: notes, examples, tables, header and footer
} as const;

/** 宋体 (SimSun) for text, with Times New Roman for Latin letters. */
export const BODY_FONT = {
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  cs: 'Times New Roman',
  eastAsia: '宋体',
};

/** 黑体 (SimHei) for headings, with Arial for Latin letters. */
export const HEADING_FONT = { ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial', eastAsia: '黑体' };

/** Monospace for code, with 宋体 for any Chinese in it. */
export const CODE_FONT = { ascii: 'Courier New', hAnsi: 'Courier New', cs: 'Courier New', eastAsia: '宋体' };

/** The width of the text on an A4 portrait page, between the margins, in twips. */
export const TEXT_WIDTH = A4.width - GBT_MARGINS.left - GBT_MARGINS.right;
