import type { TreeEntry } from '../git/read-tree.ts';

/** The community files the model knows, by the base names GitHub and the CNCF recognise. */
export const COMMUNITY_FILES = {
  readme: /^readme$/i,
  license: /^(licen[cs]e|copying)(-[a-z0-9.-]+)?$/i,
  contributing: /^contributing$/i,
  'code-of-conduct': /^code[-_]of[-_]conduct$/i,
  governance: /^governance$/i,
  maintainers: /^(maintainers|codeowners|owners|committers)$/i,
  security: /^security$/i,
  adopters: /^(adopters|users)$/i,
  roadmap: /^roadmap$/i,
  changelog: /^(changelog|changes|history|news|release[-_]notes|releases)$/i,
} as const;

export type CommunityFile = keyof typeof COMMUNITY_FILES;

// Where GitHub looks for community health files, in its order.
const DIRECTORIES = ['', '.github/', 'docs/'];
const EXTENSION = /\.(md|markdown|rst|txt|adoc|asciidoc|org)$/i;

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(EXTENSION, '');
}

function directoryOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/** The community file of a kind at the root, in `.github/` or in `docs/` (in that order), if there is one. */
export function findCommunityFile(tree: readonly TreeEntry[], kind: CommunityFile): TreeEntry | undefined {
  const pattern = COMMUNITY_FILES[kind];
  for (const dir of DIRECTORIES) {
    const found = tree
      .filter((e) => directoryOf(e.path).toLowerCase() === dir && pattern.test(baseName(e.path)))
      .sort((a, b) => a.path.length - b.path.length || a.path.localeCompare(b.path))[0];
    if (found) return found;
  }
  return undefined;
}

/** Whether a path is one of the community files (anywhere the finder looks). */
export function isCommunityPath(path: string): boolean {
  if (!DIRECTORIES.includes(directoryOf(path).toLowerCase())) return false;
  const base = baseName(path);
  return Object.values(COMMUNITY_FILES).some((pattern) => pattern.test(base));
}

/** Third-party code whose documents are not the project's own. */
export function isVendoredPath(path: string): boolean {
  return /(^|\/)(node_modules|vendor|third[-_]party|\.git)\//i.test(path);
}
