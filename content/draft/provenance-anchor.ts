import type { Html, Nodes, Paragraph, RootContent } from 'mdast';

// Anchors use pandoc's attribute syntax, which pandoc, markdown-it-attrs and kramdown read and which is no HTML:
// `{#id}` after a heading's text, an empty bracketed span `[]{#id}` at the start of a paragraph.

/** The anchor written after a heading's text. */
export function headingAnchor(id: string): Html {
  return { type: 'html', value: ` {#${id}}` };
}

/** The empty span that anchors a paragraph, a list item or a table. */
export function spanAnchor(id: string): Html {
  return { type: 'html', value: `[]{#${id}}` };
}

/** The first paragraph of a node (itself, or the first one inside a list item, quote or footnote). */
export function firstParagraph(node: Nodes): Paragraph | undefined {
  if (node.type === 'paragraph') return node;
  if (node.type === 'blockquote' || node.type === 'listItem' || node.type === 'footnoteDefinition') {
    const first = node.children[0];
    return first ? firstParagraph(first) : undefined;
  }
  return undefined;
}

/**
 * Anchors a serialised block with its clause ID: in its first paragraph when it has one, else (a table, code) in a
 * paragraph of its own placed before it, which the caller gets back.
 *
 * Before: paragraph `A peer shall retry.`, id c-1f…   After: `[]{#c-1f…} A peer shall retry.`
 */
export function anchorNode(node: Nodes, id: string): RootContent | undefined {
  const paragraph = firstParagraph(node);
  if (paragraph) {
    paragraph.children.unshift(spanAnchor(id), { type: 'text', value: ' ' });
    return undefined;
  }
  return { type: 'paragraph', children: [spanAnchor(id)] };
}
