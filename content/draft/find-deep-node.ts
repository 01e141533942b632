import type { Nodes, Root } from 'mdast';
import type { DeepNesting } from './find-deep-nesting.ts';

const NESTING: ReadonlySet<string> = new Set([
  'blockquote',
  'listItem',
  'footnoteDefinition',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
]);

/**
 * The first node nested inside more than `limit` block quotes, list items, footnotes, emphasis or links, with
 * its line: checked before any recursive walk of the tree (mdast-util-to-string, unist-util-visit,
 * remark-stringify), which would overflow the stack on a 20,000-level block quote. Iterative.
 */
export function findDeepNode(tree: Root, limit: number): DeepNesting | undefined {
  const stack: { node: Nodes; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    const inner = depth + (NESTING.has(node.type) ? 1 : 0);
    if (inner > limit) return { line: node.position?.start.line ?? 1, depth: inner };
    if ('children' in node) for (const child of node.children) stack.push({ node: child, depth: inner });
  }
  return undefined;
}
