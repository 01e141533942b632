import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Turns raw HTML from the spec into plain text, so it is printed escaped and never rendered.
 *
 * Before: `<script>alert(1)</script>` (an `html` node)
 * After:  a `text` node with the same characters, serialised as `\<script>alert(1)\</script>`.
 */
export function escapeRawHtml(tree: Root): void {
  visit(tree, 'html', (node, index, parent) => {
    if (!parent || index === undefined) return;
    const text: Text = { type: 'text', value: node.value };
    if (node.position) text.position = node.position;
    // Block HTML sits where only flow content may: wrap it in a paragraph so the tree stays valid.
    if (parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem') {
      parent.children[index] = {
        type: 'paragraph',
        children: [text],
        ...(node.position ? { position: node.position } : {}),
      };
    } else {
      (parent.children as unknown[])[index] = text;
    }
  });
}
