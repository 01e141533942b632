import type { DraftLang } from '../draft/draft-types.ts';

// GB/T 1.1 numbers every table: 表1, 表2 … through the standard, 表A.1, 表A.2 … within annex A ("Table 1",
// "Table A.1" in English). A draft whose source already captions its tables ("表1 …" / "Table 1 …" right before the
// table) keeps the source's captions and numbers none of its own, so no two tables ever share a number. The Word
// file and the PDF number their tables through this one rule.
//   const tables = createTableNumbering('zh'); tables.next() → '表1'; tables.enterAnnex('A'); tables.next() → '表A.1'

/** A table number as a source writes it (`表1`, `表 A.2`, `Table 3`), for patterns to build on. */
export const TABLE_NUMBER_PATTERN = String.raw`(?:表\s*[A-Z]?\.?\d+|Table\s+[A-Z]?\.?\d+)`;

/** The start of a caption a source writes for its table: `表1 …`, `表 A.2：…`, `Table 3 …`. */
export const SOURCE_TABLE_CAPTION = new RegExp(String.raw`^${TABLE_NUMBER_PATTERN}(?:\s|$|[　：:—-])`, 'u');

/** Hands out table numbers in document order. */
export interface TableNumbering {
  /** The annex now being laid out (`A`): its tables number A.1, A.2 … */
  enterAnnex(letter: string): void;
  /** The caption of the next table: `表3`, `Table A.1`. */
  next(): string;
}

export function createTableNumbering(lang: DraftLang): TableNumbering {
  let annex = '';
  let count = 0;
  return {
    enterAnnex(letter) {
      annex = letter;
      count = 0;
    },
    next() {
      count++;
      const number = annex ? `${annex}.${count}` : String(count);
      return lang === 'zh' ? `表${number}` : `Table ${number}`;
    },
  };
}
