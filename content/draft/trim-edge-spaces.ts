import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';

const EDGED = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Trims white space at the start and end of paragraphs, headings and table cells. It comes from an entity
 * (`**EXAMPLE**&#x20;`) or from a dropped comment, means nothing, and the serializer would keep it as `&#x20;`.
 *
 * Before: paragraph [strong "EXAMPLE", text " "]   After: paragraph [strong "EXAMPLE"]
 */
export function trimEdgeSpaces(tree: Root): void {
  visit(tree, (node: Nodes) => {
    if (!EDGED.has(node.type) || !('children' in node)) return;
    const children = node.children as Nodes[];
    const first = children[0];
    if (first?.type === 'text') first.value = first.value.replace(/^[ \t\u00a0]+/, '');
    const last = children[children.length - 1];
    if (last?.type === 'text') last.value = last.value.replace(/[ \t\u00a0]+$/, '');
    if (last?.type === 'text' && last.value === '') children.pop();
    if (children[0]?.type === 'text' && (children[0] as { value: string }).value === '') children.shift();
  });
}
