import type { Definition, Image, Link, Root } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';

/**
 * Replaces reference-style links and images by inline ones and drops the definitions, because each file's
 * definitions are scoped to that file and the draft assembles many files into one document.
 *
 * Before: `[RFC 9110][http]` … `[http]: https://www.rfc-editor.org/rfc/rfc9110`
 * After:  `[RFC 9110](https://www.rfc-editor.org/rfc/rfc9110)`
 */
export function resolveReferences(tree: Root): void {
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node) => {
    const key = node.identifier.toLowerCase();
    if (!definitions.has(key)) definitions.set(key, node);
  });
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'definition') {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type === 'linkReference') {
      const def = definitions.get(node.identifier.toLowerCase());
      if (!def) return;
      const link: Link = { type: 'link', url: def.url, title: def.title ?? null, children: node.children };
      if (node.position) link.position = node.position;
      (parent.children as unknown[])[index] = link;
    } else if (node.type === 'imageReference') {
      const def = definitions.get(node.identifier.toLowerCase());
      if (!def) return;
      const image: Image = { type: 'image', url: def.url, title: def.title ?? null, alt: node.alt ?? '' };
      if (node.position) image.position = node.position;
      (parent.children as unknown[])[index] = image;
    }
    return undefined;
  });
}
