import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';

const BLOCK_PARENTS = new Set(['root', 'list', 'listItem', 'blockquote', 'table', 'tableRow', 'footnoteDefinition']);

/**
 * Plain text of nodes with blocks separated by spaces and whitespace collapsed (mdast-util-to-string glues
 * paragraphs together).
 *
 * Before: a list item holding paragraphs `One.` and `Two.`   After: `One. Two.`
 */
export function plainText(nodes: Nodes | readonly Nodes[]): string {
  const parts: string[] = [];
  const walk = (node: Nodes): void => {
    if (BLOCK_PARENTS.has(node.type) && 'children' in node) for (const child of node.children) walk(child as Nodes);
    else parts.push(toString(node));
  };
  for (const node of Array.isArray(nodes) ? (nodes as readonly Nodes[]) : [nodes as Nodes]) walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
