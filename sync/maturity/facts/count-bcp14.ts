import type { Heading, Link, ListItem, Nodes, Root, TableRow, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { BlobFacts } from './blob-facts.ts';

// Longest alternatives first so "MUST NOT" is one requirement, not a MUST.
const KEYWORDS =
  /\b(MUST NOT|MUST|REQUIRED|SHALL NOT|SHALL|SHOULD NOT|SHOULD|NOT RECOMMENDED|RECOMMENDED|MAY|OPTIONAL)\b/g;
const BOILERPLATE = /BCP\s*14|RFC\s*2119|RFC\s*8174/i;
const MAX_LINES_KEPT = 200;

const parser = unified().use(remarkParse).use(remarkGfm);

/**
 * Reads the Markdown facts of one document: BCP 14 requirements with their lines, the boilerplate paragraph,
 * headings, and list items or table rows that carry links.
 *
 *     The client MUST send `HELLO`.        → 1 requirement on line 1 (MUST)
 *     `MUST` in code, "must" in lower case → not counted
 */
export function readMarkdownFacts(
  markdown: string,
): Pick<BlobFacts, 'bcp14' | 'boilerplate' | 'headings' | 'linkedItems'> {
  const tree = parser.parse(markdown) as Root;
  const byKeyword: Record<string, number> = {};
  const lines: number[] = [];
  let count = 0;
  let boilerplate: BlobFacts['boilerplate'] = null;
  const headings: BlobFacts['headings'] = [];
  const linkedItems: BlobFacts['linkedItems'] = [];

  const countIn = (node: Nodes) => {
    visit(node, 'text', (text: Text) => {
      const start = text.position?.start.line;
      if (start === undefined) return;
      for (const match of text.value.matchAll(KEYWORDS)) {
        const keyword = match[1]!;
        byKeyword[keyword] = (byKeyword[keyword] ?? 0) + 1;
        count += 1;
        const line = start + countNewlines(text.value, match.index);
        if (lines.length < MAX_LINES_KEPT && lines[lines.length - 1] !== line) lines.push(line);
      }
    });
  };

  visit(tree, (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'tableCell') {
      if (BOILERPLATE.test(toString(node)) && node.position) {
        // The boilerplate quotes every keyword; it defines them and requires nothing.
        boilerplate ??= { from: node.position.start.line, to: node.position.end.line };
        return 'skip';
      }
      countIn(node);
      return 'skip';
    }
    if (node.type === 'heading') {
      const h = node as Heading;
      if (h.position) headings.push({ depth: h.depth, text: toString(h).trim(), line: h.position.start.line });
      countIn(h);
      return 'skip';
    }
    return undefined;
  });

  // Linked list items and table rows, under the nearest heading above them.
  const headingAt = (line: number) => {
    let found: string | null = null;
    for (const h of headings) if (h.line <= line) found = h.text;
    return found;
  };
  visit(tree, (node: Nodes) => {
    if (node.type !== 'listItem' && node.type !== 'tableRow') return undefined;
    const item = node as ListItem | TableRow;
    const urls: string[] = [];
    visit(item, 'link', (link: Link) => void urls.push(link.url));
    const line = item.position?.start.line;
    if (urls.length > 0 && line !== undefined && linkedItems.length < MAX_LINES_KEPT) {
      linkedItems.push({ line, urls, heading: headingAt(line) });
    }
    return node.type === 'tableRow' ? 'skip' : undefined;
  });

  return { bcp14: { count, byKeyword, lines }, boilerplate, headings: headings.slice(0, MAX_LINES_KEPT), linkedItems };
}

function countNewlines(value: string, end: number): number {
  let n = 0;
  for (let i = value.indexOf('\n'); i !== -1 && i < end; i = value.indexOf('\n', i + 1)) n += 1;
  return n;
}
