import { frontMatterEnd } from './front-matter-end.ts';

// Markdown's block structure closes every open container (list, block quote, footnote definition, indented code,
// table, paragraph, HTML block of kinds 6 and 7) at a blank line followed by a line that starts in column 1 and is
// no list item or block quote marker. Only fenced code and HTML blocks of kinds 1-5 (<pre>, <!-- -->, ...) run on
// past such a line; `parseInChunks` notices those from the parse itself, so this scan needs no Markdown grammar.

const FRONT_MATTER_FENCE = /^(---|\+\+\+)[ \t]*\r?$/;
const CONTAINER_START = /^(?:>|(?:[-+*]|\d{1,9}[.)])(?:[ \t]|\r?$))/;

/** True for a line of only spaces and tabs (and the CR of a CRLF). */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/**
 * Offsets of the line starts where a Markdown text may be cut into pieces parsed on their own: a line after a
 * blank line that starts in column 1 with anything but `>`, a list marker or a front matter fence, outside front
 * matter. Candidates
 * only: a cut inside fenced code or a raw HTML block is caught by `parseInChunks`.
 *
 * Before: `# A\n\ntext\n- item\n\n  more\n\n## B\n`   After: [5, 28] (before `text` and before `## B`)
 */
export function findSplitPoints(text: string): number[] {
  const points: number[] = [];
  let previousBlank = false;
  // Nothing is cut inside front matter, whose YAML may hold blank lines.
  let start = frontMatterEnd(text);
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const blank = isBlank(text, start, end);
    if (previousBlank && !blank) {
      const c = text.charCodeAt(start);
      const head = text.slice(start, Math.min(end, start + 12));
      // A piece starting with `---` or `+++` would read front matter there.
      if (c !== 0x20 && c !== 0x09 && !CONTAINER_START.test(head) && !FRONT_MATTER_FENCE.test(head)) points.push(start);
    }
    previousBlank = blank;
    start = end + 1;
  }
  return points;
}
