// Words ending in a full stop that do not end a sentence (compared in lower case, with their full stop).
const ABBREVIATIONS = new Set([
  'e.g.',
  'i.e.',
  'etc.',
  'cf.',
  'vs.',
  'viz.',
  'approx.',
  'fig.',
  'figs.',
  'no.',
  'nos.',
  'sec.',
  'eq.',
  'al.',
  'dr.',
  'mr.',
  'mrs.',
  'ms.',
  'inc.',
  'ltd.',
  'resp.',
  'incl.',
  'ref.',
  'vol.',
  'p.',
  'pp.',
]);
// Abbreviations that often end a sentence: a full stop after them cuts when a capital letter follows.
const MAY_END = new Set(['etc.']);
const CHINESE_END = new Set(['。', '；', '！', '？']);
const LATIN_END = new Set(['.', '!', '?']);
const CLOSERS = new Set([')', ']', '"', "'", '”', '’', '」', '』', '）']);
const OPEN_QUOTES: Record<string, string> = { '“': '”', '「': '」', '『': '』', '《': '》' };

/** The word before `end` (exclusive), back to white space. */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  return text.slice(start, end);
}

/**
 * Cuts a text into sentences, as `[start, end)` ranges covering it: after 。；！？ (not inside Chinese quotation
 * marks), and after `.`, `!` or `?` followed by white space and no lower-case letter, except after an abbreviation
 * (e.g., i.e.; "etc." only when no capital letter follows). `mask` has the same length as `text` with code spans and
 * URLs blanked, so their full stops never cut.
 *
 * Before: `Use e.g. TLS 1.3. A peer MUST retry. 客户端应重试。服务器不应崩溃。`
 * After:  [`Use e.g. TLS 1.3.`, `A peer MUST retry.`, `客户端应重试。`, `服务器不应崩溃。`]
 */
export function splitSentences(text: string, mask: string = text): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  const closing: string[] = [];
  const cut = (end: number): void => {
    let at = end;
    while (at < text.length && CLOSERS.has(mask[at]!)) at++;
    if (text.slice(start, at).trim() !== '') ranges.push([start, at]);
    start = at;
  };
  for (let i = 0; i < mask.length; i++) {
    const c = mask[i]!;
    if (OPEN_QUOTES[c]) closing.push(OPEN_QUOTES[c]!);
    else if (closing.length > 0 && c === closing[closing.length - 1]) closing.pop();
    else if (closing.length === 0 && CHINESE_END.has(c)) cut(i + 1);
    else if (LATIN_END.has(c)) {
      let after = i + 1;
      while (after < mask.length && CLOSERS.has(mask[after]!)) after++;
      if (after < mask.length && !/\s/.test(mask[after]!)) continue;
      let next = after;
      while (next < mask.length && /\s/.test(mask[next]!)) next++;
      if (next < mask.length && /\p{Ll}/u.test(mask[next]!)) continue;
      if (c === '.') {
        const word = wordBefore(mask, i + 1).toLowerCase();
        const capital = next < mask.length && /\p{Lu}/u.test(mask[next]!);
        if (ABBREVIATIONS.has(word) && !(MAY_END.has(word) && capital)) continue;
      }
      cut(i + 1);
    }
  }
  if (text.slice(start).trim() !== '') ranges.push([start, text.length]);
  return ranges;
}
