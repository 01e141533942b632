import type { Nodes } from 'mdast';
import { posix } from 'node:path';
import { visit } from 'unist-util-visit';

/** What link rewriting needs to know about the draft. */
export interface LinkContext {
  /** Path (in the repository) of the file the links were written in. */
  path: string;
  /** Anchor in the draft for `path#anchor` of a spec file; `''` anchor means the file's top. */
  resolve: (path: string, anchor: string) => string | undefined;
  /** True when the path is one of the spec files of the draft. */
  isSpecFile: (path: string) => boolean;
  /** Pinned URL of a repository file (`image` asks for the raw content). */
  pinned: (path: string, image: boolean) => string;
}

const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
const SAFE_SCHEME = /^(?:https?:|mailto:|\/\/)/i;

function decode(anchor: string): string {
  try {
    return decodeURIComponent(anchor);
  } catch {
    return anchor;
  }
}

/**
 * Points links at the draft or at the pinned commit, neutralises script-capable schemes, and returns the
 * links that resolve nowhere.
 *
 * Before: `[frames](#frame-format)`, `[schema](../schema.json)`, `[a](./other.md#x)` (other.md in the set)
 * After:  `[frames](#42-frame-format)`, `[schema](https://github.com/o/r/blob/<sha>/schema.json)`, `[a](#5-x)`
 */
export function rewriteLinks(nodes: readonly Nodes[], context: LinkContext): string[] {
  const unresolved: string[] = [];
  for (const root of nodes) {
    visit(root, (node) => {
      if (node.type !== 'link' && node.type !== 'image') return;
      const url = node.url;
      if (url === '') return;
      if (ABSOLUTE.test(url)) {
        // `javascript:`, `data:` and friends never reach the draft: the link is kept, its target is not.
        if (!SAFE_SCHEME.test(url)) {
          unresolved.push(url);
          node.url = '#';
        }
        return;
      }
      const hash = url.indexOf('#');
      const target = hash === -1 ? url : url.slice(0, hash);
      const anchor = hash === -1 ? '' : decode(url.slice(hash + 1)).toLowerCase();
      const path =
        target === ''
          ? context.path
          : target.startsWith('/')
            ? posix.normalize(target.slice(1))
            : posix.join(posix.dirname(context.path), decode(target));
      if (path.startsWith('..')) {
        unresolved.push(url);
        return;
      }
      if (node.type === 'link' && (target === '' || context.isSpecFile(path))) {
        const slug = context.resolve(path, anchor);
        if (slug === undefined) unresolved.push(url);
        else node.url = `#${slug}`;
        return;
      }
      node.url =
        context.pinned(path, node.type === 'image') + (hash === -1 || node.type === 'image' ? '' : url.slice(hash));
    });
  }
  return unresolved;
}
