import type { TreeEntry } from '../git/read-tree.ts';
import { isMarkdownPath, type BlobFacts } from './blob-facts.ts';
import { isCommunityPath, isVendoredPath } from './community-files.ts';

/** A Markdown document that states requirements with BCP 14 keywords. */
export interface NormativeDocument {
  path: string;
  facts: BlobFacts;
}

/**
 * The normative specification documents of a tree: Markdown outside vendored code and outside the community
 * files, with at least one BCP 14 requirement and either the BCP 14 boilerplate or three or more requirements
 * (one stray "MUST" in a how-to is not a specification). Most requirements first.
 */
export function normativeDocuments(
  tree: readonly TreeEntry[],
  facts: ReadonlyMap<string, BlobFacts>,
): NormativeDocument[] {
  const docs: NormativeDocument[] = [];
  for (const entry of tree) {
    if (!isMarkdownPath(entry.path) || isVendoredPath(entry.path) || isCommunityPath(entry.path)) continue;
    const f = facts.get(entry.path);
    if (!f || f.bcp14.count === 0) continue;
    if (f.boilerplate !== null || f.bcp14.count >= 3) docs.push({ path: entry.path, facts: f });
  }
  return docs.sort((a, b) => b.facts.bcp14.count - a.facts.bcp14.count || a.path.localeCompare(b.path));
}

/** Whether the adapter must read a file's content for the signals. */
export function isRelevantPath(entry: TreeEntry, maxBytes = 1_000_000): boolean {
  if (entry.size > maxBytes || isVendoredPath(entry.path)) return false;
  return isMarkdownPath(entry.path) || isCommunityPath(entry.path);
}
