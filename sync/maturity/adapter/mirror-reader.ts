import type { CatFileObject } from '../../../kernel/git/cat-file-parser.ts';
import { openCatFileSession } from '../../../kernel/git/cat-file-session.ts';
import { readObjects } from '../../../kernel/git/read-objects.ts';
import type { RunGit } from '../../../kernel/git/run-git.ts';
import { readTree, type TreeEntry } from '../git/read-tree.ts';
import { readTreeChanges } from '../git/read-tree-changes.ts';
import type { TreeMemory } from '../git/tree-memory.ts';

/** What the adapter reads from a mirror at one commit. */
export interface MirrorReader {
  /** Every file of the commit (already started). */
  tree: Promise<TreeEntry[]>;
  /** Blob id → content (UTF-8) of the given blobs. */
  readBlobs(ids: readonly string[]): Promise<Map<string, string>>;
  /** Which `<rev>:<path>` names exist. */
  existing(names: readonly string[]): Promise<Set<string>>;
  /** Ends any git process the reader holds (always call it). */
  close(): void;
}

/**
 * Starts reading `commit` of a mirror. When the engine listed this repository before, one
 * `git cat-file --batch-command` process lists the tree (reading only the subtrees that changed) and then reads
 * the new blobs and tag paths; otherwise (first evaluation, restarted engine, no memory) a full
 * `git ls-tree` listing, with one `cat-file` process per later batch of reads.
 */
export function openMirrorReader(
  runGit: RunGit,
  gitDir: string,
  repositoryId: number,
  commit: string,
  memory: TreeMemory | undefined,
): MirrorReader {
  const previous = memory?.heads.get(repositoryId);
  const remember = (tree: TreeEntry[]): TreeEntry[] => {
    memory?.heads.set(repositoryId, { commit, tree });
    return tree;
  };
  const oneShot = {
    readBlobs: async (ids: readonly string[]) => {
      const unique = [...new Set(ids)];
      return blobTexts(unique, await readObjects(runGit, gitDir, unique, { timeoutMs: 120_000 }));
    },
    existing: async (names: readonly string[]) =>
      existingNames(names, await readObjects(runGit, gitDir, names, { content: false, timeoutMs: 60_000 })),
    close: () => {},
  };
  if (!memory || !previous) return { ...oneShot, tree: readTree(runGit, gitDir, commit, memory).then(remember) };
  if (previous.commit === commit) return { ...oneShot, tree: Promise.resolve(previous.tree) };

  const session = openCatFileSession(runGit, gitDir, { timeoutMs: 60_000 });
  // Should the session fail (a git without --batch-command, a corrupt object), the full listing still answers.
  let failed = false;
  const tree = readTreeChanges(session, commit, memory).catch(() => {
    failed = true;
    session.close();
    return readTree(runGit, gitDir, commit, memory);
  });
  return {
    tree: tree.then(remember),
    async readBlobs(ids) {
      if (failed) return oneShot.readBlobs(ids);
      const unique = [...new Set(ids)];
      return blobTexts(unique, await Promise.all(unique.map((id) => session.contents(id))));
    },
    async existing(names) {
      if (failed) return oneShot.existing(names);
      return existingNames(names, await Promise.all(names.map((name) => session.info(name))));
    },
    close: () => session.close(),
  };
}

/** Object id → content (UTF-8) of the objects that were found. */
function blobTexts(ids: readonly string[], objects: readonly (CatFileObject | undefined)[]): Map<string, string> {
  const out = new Map<string, string>();
  ids.forEach((id, i) => {
    const content = objects[i]?.content;
    if (content) out.set(id, content.toString('utf8'));
  });
  return out;
}

/** The names whose objects exist. */
function existingNames(names: readonly string[], objects: readonly (CatFileObject | undefined)[]): Set<string> {
  return new Set(names.filter((_n, i) => objects[i] !== undefined));
}
