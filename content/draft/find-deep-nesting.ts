/** Where content first nests deeper than a limit: the 1-based line and the depth reached there. */
export interface DeepNesting {
  line: number;
  depth: number;
}

const FENCE = /^[ \t]*(`{3,}|~{3,})(.*)$/;
// A list item, or a footnote definition (whose content continues on lines indented by four).
const CONTAINER_MARKER = /^(?:(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)|\[\^[^\]\s]+\]:[ \t]*)/;
const SPACE = /\s/;

/** Inline markup still open in the current paragraph: `[` not yet closed, the longest emphasis run that opened. */
interface InlineState {
  brackets: number;
  run: number;
}

const isEmphasisMarker = (c: string | undefined): boolean => c === '*' || c === '_' || c === '~';

/**
 * How deep the inline markup of one line of a paragraph nests: open brackets (links, images) and emphasis.
 * Emphasis only nests past the limit with a run of more than `2 * limit` markers (`****…a****`, `*_*_…a_*_*`)
 * that can open (no space after it) and a later one that can close (no space before it); fill-in blanks
 * (`Name: ______`) between spaces do neither.
 */
function inlineDepth(rest: string, state: InlineState, limit: number): number {
  let deepest = 0;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i]!;
    if (c === '\\') i++;
    else if (c === '[') deepest = Math.max(deepest, ++state.brackets);
    else if (c === ']') state.brackets = Math.max(0, state.brackets - 1);
    else if (isEmphasisMarker(c)) {
      let j = i;
      while (isEmphasisMarker(rest[j])) j++;
      const length = j - i;
      if (length > 2 * limit) {
        const opens = j < rest.length && !SPACE.test(rest[j]!);
        const closes = i > 0 && !SPACE.test(rest[i - 1]!);
        if (closes && state.run > 0)
          deepest = Math.max(deepest, state.brackets + Math.floor(Math.min(state.run, length) / 2));
        if (opens) state.run = Math.max(state.run, length);
      }
      i = j - 1;
    }
  }
  return deepest;
}

/**
 * The first line whose block quotes, list items, brackets and emphasis nest deeper than `limit`, read from the
 * text before it is parsed: micromark's time grows with the cube of list depth and of nested images (4,000
 * `![` take minutes), and a 20,000-level quote takes seconds. An estimate: `>` markers at the start of a line,
 * the list items and footnotes open by indentation, the inline markup open in the paragraph; fenced code is skipped.
 * `findDeepNode` checks the parsed tree exactly.
 *
 * Before: `> > > a` with limit 2   After: { line: 1, depth: 3 }
 */
export function findDeepNesting(text: string, limit: number): DeepNesting | undefined {
  const items: number[] = [];
  const inline: InlineState = { brackets: 0, run: 0 };
  let fence: string | undefined;
  let line = 0;
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const content = text.slice(start, end);
    line++;
    start = end + 1;
    const fenceLine = FENCE.exec(content);
    const [mark, info] = [fenceLine?.[1], fenceLine?.[2] ?? ''];
    if (fence !== undefined) {
      if (mark && mark[0] === fence[0] && mark.length >= fence.length && info.trim() === '') fence = undefined;
      continue;
    }
    // A backtick fence's info string holds no backtick (else it is inline code).
    if (mark && !(mark[0] === '`' && info.includes('`'))) fence = mark;
    if (fence !== undefined || content.trim() === '') {
      // A paragraph ends: so does its inline markup.
      inline.brackets = 0;
      inline.run = 0;
      continue;
    }
    let i = 0;
    let quotes = 0;
    for (; i < content.length; i++) {
      const c = content[i];
      if (c === '>') quotes++;
      else if (c !== ' ' && c !== '\t') break;
    }
    // Columns after the quote markers; list items deeper than this line's indentation have ended.
    const indent = i - content.lastIndexOf('>', i) - 1;
    while (items.length > 0 && indent < items[items.length - 1]!) items.pop();
    let column = indent;
    let rest = content.slice(i);
    for (let marker = CONTAINER_MARKER.exec(rest); marker; marker = CONTAINER_MARKER.exec(rest)) {
      items.push(marker[0].startsWith('[') ? column + 4 : column + marker[0].length);
      column += marker[0].length;
      rest = rest.slice(marker[0].length);
    }
    const depth = quotes + items.length + inlineDepth(rest, inline, limit);
    if (depth > limit) return { line, depth };
  }
  return undefined;
}
