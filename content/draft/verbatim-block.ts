import type { Html, Nodes } from 'mdast';
import { visit, EXIT } from 'unist-util-visit';
import type { SpecBlock } from './build-outline.ts';
import { firstParagraph } from './provenance-anchor.ts';

const KEPT_KINDS = new Set(['paragraph', 'list-item', 'table', 'code', 'quote']);
const PINNED_URL = /^(?:https?:|mailto:)/i;
// A character reference (`&#x20;`, `&nbsp;`) is printed decoded by the serializer, not as the author typed it.
const ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

/** True when nothing in the block was restructured beyond keyword rewrites of plain text. */
function untouched(node: Nodes, source: string): boolean {
  let ok = true;
  visit(node, (child) => {
    const t = child.type;
    if (
      t === 'linkReference' ||
      t === 'imageReference' ||
      t === 'footnoteReference' ||
      t === 'footnoteDefinition' ||
      t === 'definition' ||
      t === 'html'
    ) {
      ok = false;
    } else if (t === 'link' || t === 'image') {
      // Relative links are rewritten to the draft or the pinned commit; a reference link was resolved.
      const end = child.position?.end.offset;
      if (!PINNED_URL.test(child.url) || end === undefined || source[end - 1] !== ')') ok = false;
    }
    return ok ? undefined : EXIT;
  });
  return ok;
}

/**
 * The block's Markdown exactly as the author wrote it, with the keyword rewrites spliced in, or undefined
 * when it has to be re-serialised (HTML, labels, references, rewritten links, escapes in changed text).
 * Keeping the author's bytes is faithful, and it spares the serializer most of the draft.
 *
 * Before: source `1. A frame MUST NOT exceed 16 KiB.` with text `A frame MUST NOT…` → `A frame shall not…`
 * After:  `1. A frame shall not exceed 16 KiB.` (an `html` node printed as is: its text contains no `<`)
 */
export function verbatimBlock(block: SpecBlock, source: string, ids?: readonly string[]): Html | undefined {
  if (!KEPT_KINDS.has(block.kind) || block.entries.some((e) => e.conventions)) return undefined;
  const start = block.node.position?.start;
  const end = block.node.position?.end.offset;
  if (start?.offset === undefined || end === undefined || start.column !== 1) return undefined;
  const slice = source.slice(start.offset, end);
  // Anything that could be markup is left to the serializer, which escapes it.
  if (slice.includes('<') || slice.includes('\u0000') || ENTITY.test(slice) || !untouched(block.node, source))
    return undefined;
  const changes = block.entries.flatMap((e) => e.scan.changes).map((c) => ({ ...c }));
  // Clause-ID anchors are insertions at the start of each entry's first paragraph (see provenance-anchor.ts).
  let prefix = '';
  block.entries.forEach((entry, i) => {
    const id = ids?.[i];
    if (id === undefined) return;
    const at = firstParagraph(entry.node)?.position?.start.offset;
    if (at === undefined) prefix += `[]{#${id}}\n\n`;
    else changes.push({ start: at, end: at, before: '', after: `[]{#${id}} ` });
  });
  changes.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = prefix;
  let at = start.offset;
  for (const change of changes) {
    if (change.start < at || change.end > end || source.slice(change.start, change.end) !== change.before)
      return undefined;
    out += source.slice(at, change.start) + change.after;
    at = change.end;
  }
  out += source.slice(at, end);
  return { type: 'html', value: out };
}
