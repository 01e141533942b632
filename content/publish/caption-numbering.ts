import type { DraftLang } from '../draft/draft-types.ts';

// GB/T 1.1 numbers every table and every figure, each kind on its own: 表1, 表2 … and 图1, 图2 … through the
// standard, 表A.1 … and 图A.1 … within annex A ("Table 1", "Figure A.1" in English). A draft whose source already
// captions its tables ("表1 …" / "Table 1 …" right before a table), or its figures ("图1 …" / "Figure 1 …" right
// after or before one), keeps the source's captions of that kind and numbers none of its own, so no two share a
// number. The Word file and the PDF number through this one rule.
//   const numbers = createCaptionNumbering('zh'); numbers.next('table') → '表1'; numbers.next('figure') → '图1';
//   numbers.enterAnnex('A'); numbers.next('figure') → '图A.1'

/** What GB/T numbers. */
export type CaptionKind = 'table' | 'figure';

/** A table number as a source writes it (`表1`, `表 A.2`, `Table 3`), for patterns to build on. */
export const TABLE_NUMBER_PATTERN = String.raw`(?:表\s*[A-Z]?\.?\d+|Table\s+[A-Z]?\.?\d+)`;

/** A figure number as a source writes it (`图1`, `图 A.2`, `Figure 3`, `Fig. 3`). */
export const FIGURE_NUMBER_PATTERN = String.raw`(?:图\s*[A-Z]?\.?\d+|(?:Figure|Fig\.)\s*[A-Z]?\.?\d+)`;

const captionStart = (pattern: string) => new RegExp(String.raw`^${pattern}(?:\s|$|[　：:—.-])`, 'u');

/** The start of a caption a source writes for its table: `表1 …`, `表 A.2：…`, `Table 3 …`. */
export const SOURCE_TABLE_CAPTION = captionStart(TABLE_NUMBER_PATTERN);

/** The start of a caption a source writes for its figure: `图1 …`, `Figure 2: …`, `Fig. 3 …`. */
export const SOURCE_FIGURE_CAPTION = captionStart(FIGURE_NUMBER_PATTERN);

/** Hands out table and figure numbers in document order. */
export interface CaptionNumbering {
  /** The annex now being laid out (`A`): its tables and figures number A.1, A.2 … */
  enterAnnex(letter: string): void;
  /** The number of the next table or figure: `表3`, `Table A.1`, `图2`, `Figure 1`. */
  next(kind: CaptionKind): string;
}

const WORD: Record<DraftLang, Record<CaptionKind, string>> = {
  zh: { table: '表', figure: '图' },
  en: { table: 'Table ', figure: 'Figure ' },
};

export function createCaptionNumbering(lang: DraftLang): CaptionNumbering {
  let annex = '';
  const count: Record<CaptionKind, number> = { table: 0, figure: 0 };
  return {
    enterAnnex(letter) {
      annex = letter;
      count.table = 0;
      count.figure = 0;
    },
    next(kind) {
      count[kind]++;
      return `${WORD[lang][kind]}${annex ? `${annex}.${count[kind]}` : String(count[kind])}`;
    },
  };
}

/** A figure's caption as GB/T sets it: `图1　系统架构`, `Figure 1 — System architecture`, or the number alone. */
export const figureCaption = (number: string, title: string, lang: DraftLang): string =>
  title === '' ? number : `${number}${lang === 'zh' ? '　' : ' — '}${title}`;

/** The title an image gives its figure: its title, else its alternative text, unless that is only a file's name. */
export function figureTitleOf(image: { alt: string; title: string }): string {
  const text = (image.title || image.alt).replace(/\s+/g, ' ').trim();
  return /^[\w.-]+\.(?:png|jpe?g|gif|webp|svg)$/i.test(text) ? '' : text;
}
