import type { DeclaredKeywords } from './map-keywords.ts';

const KEYWORD = 'MUST NOT|SHALL NOT|SHOULD NOT|NOT RECOMMENDED|MUST|REQUIRED|SHALL|SHOULD|RECOMMENDED|MAY|OPTIONAL';
const WORD = '[\\u4e00-\\u9fff]{1,5}';
const Q = '["“”「」『』\']?';
const OPEN = '["“「『\']';
const CLOSE = '["”」』\']';
// `MUST/必须`, `必须/MUST`, `"必须"（MUST）`, `MUST（"必须"）`: a keyword and the Chinese word standing for it. The
// word is in quotation marks when it stands before or in parentheses: `发送方必须（MUST）签名` uses a keyword, it
// declares none.
const PAIRS = new RegExp(
  [
    `\\b(${KEYWORD})${Q}\\s*[/／]\\s*${Q}(${WORD})`,
    `(${WORD})${Q}\\s*[/／]\\s*${Q}(${KEYWORD})\\b`,
    `${OPEN}(${WORD})${CLOSE}\\s*[（(]\\s*(${KEYWORD})\\s*[)）]`,
    `\\b(${KEYWORD})${Q}\\s*[（(]\\s*${OPEN}(${WORD})${CLOSE}\\s*[)）]`,
  ].join('|'),
  'g',
);
const CONVENTIONS = /RFC\s*2119|RFC\s*8174|BCP\s*14|关键词|关键字|关键用语|规范用语|要求用语/i;

/** The keyword/word pairs written in one paragraph of text. */
function pairsIn(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const m of text.matchAll(PAIRS)) {
    const keyword = m[1] ?? m[4] ?? m[6] ?? m[7];
    const word = m[2] ?? m[3] ?? m[5] ?? m[8];
    if (keyword && word) pairs.push([keyword.replace(/\s+/g, ' '), word]);
  }
  return pairs;
}

/** True for a paragraph that declares the spec's keywords (at least two pairs, or one in a conventions sentence). */
export function declaresKeywords(text: string): boolean {
  if (!/[A-Z]{3}/.test(text)) return false;
  const pairs = pairsIn(text);
  return pairs.length >= 2 || (pairs.length === 1 && CONVENTIONS.test(text));
}

/** Where a declaration was read, for the report. */
export interface KeywordDeclaration {
  words: DeclaredKeywords;
  file: number;
  line: number;
}

/**
 * Reads the keyword words a Chinese spec declares in its conventions paragraph, so they are read as keywords in the
 * whole spec set: `本文件中的关键词"MUST/必须"、"SHOULD/应该"、"MAY/可能"按照RFC 2119解释` → 必须 = MUST, 应该 =
 * SHOULD, 可能 = MAY. Only a paragraph that declares (see `declaresKeywords`) counts; the first declaration of a word
 * wins. A glossed use in running text (`必须（MUST）`) is not a declaration.
 *
 * Before: texts [`## 约定\n\n"MUST/必须"、"MAY/可以" …`]   After: { 必须 → MUST, 可以 → MAY }, file 0, line 3
 */
export function readKeywordDeclarations(texts: readonly string[]): KeywordDeclaration | undefined {
  const words = new Map<string, string>();
  let found: { file: number; line: number } | undefined;
  texts.forEach((text, file) => {
    if (!/[/／（(]/.test(text) || !/[\u4e00-\u9fff]/.test(text)) return;
    let line = 1;
    for (const paragraph of text.split(/\n[ \t]*\n/)) {
      if (declaresKeywords(paragraph)) {
        found ??= { file, line: line + (paragraph.match(/^\s*\n/)?.[0].split('\n').length ?? 1) - 1 };
        for (const [keyword, word] of pairsIn(paragraph)) if (!words.has(word)) words.set(word, keyword);
      }
      line += paragraph.split('\n').length + 1;
    }
  });
  return found && words.size > 0 ? { words, ...found } : undefined;
}
