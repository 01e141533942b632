import type { ListItem, PhrasingContent } from 'mdast';
import type { ReferenceEntry } from './build-reference-list.ts';
import { spanAnchor } from './provenance-anchor.ts';
import { recordBlock } from './render-blocks.ts';
import { paragraph, text, type RenderContext } from './render-context.ts';

/** The phrasing of one entry: `IETF RFC 3339  Date and Time on the Internet: Timestamps <url>`, else `[title](url)`. */
function entryContent(entry: ReferenceEntry): PhrasingContent[] {
  const link = (label: string): PhrasingContent => ({
    type: 'link',
    url: entry.url!,
    title: null,
    children: [text(label)],
  });
  if (entry.identifier) {
    const name = `${entry.identifier}${entry.edition ? ` (${entry.edition})` : ''}`;
    const head = text(entry.title ? `${name}  ${entry.title}` : name);
    return entry.url ? [head, text(' '), link(entry.url)] : [head];
  }
  if (entry.url) return [link(entry.title ?? entry.url)];
  return [text(entry.title ?? '')];
}

/**
 * Writes a reference list (clause 2, or the cited part of the Bibliography), one list item per document, each
 * recorded with the provenance of where it was listed or cited.
 *
 * Before: [{ IETF RFC 3339, "Date and Time on the Internet: Timestamps", https://… }]
 * After:  `- IETF RFC 3339  Date and Time on the Internet: Timestamps <https://…>`
 */
export function renderReferences(
  ctx: RenderContext,
  entries: readonly ReferenceEntry[],
  number: string,
  title: string,
): void {
  if (entries.length === 0) return;
  const items = entries.map((entry): ListItem => {
    const content = entryContent(entry);
    const node = paragraph(...content);
    const id = recordBlock(ctx, entry.source, [node], number, title, { informative: null });
    if (ctx.annexMode) node.children.unshift(spanAnchor(id), text(' '));
    return { type: 'listItem', spread: false, children: [node] };
  });
  ctx.out.push({ type: 'list', ordered: false, spread: false, children: items });
}
