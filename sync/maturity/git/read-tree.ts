import type { RunGit } from '../../../kernel/git/run-git.ts';
import type { TreeMemory } from './tree-memory.ts';

/** One file of a commit's tree. */
export interface TreeEntry {
  path: string;
  blob: string;
  size: number;
}

/**
 * Lists every file of `commit` (`git ls-tree -r -t -l -z`): paths, blob ids and sizes, without reading content.
 * With `memory`, also remembers every subtree's listing by directory and tree id, so the next listing of this
 * repository only reads the subtrees that changed (`readTreeChanges`).
 */
export async function readTree(
  runGit: RunGit,
  gitDir: string,
  commit: string,
  memory?: TreeMemory,
): Promise<TreeEntry[]> {
  const { stdout } = await runGit(['ls-tree', '-r', '-t', '-l', '-z', '--full-tree', commit], {
    cwd: gitDir,
    timeoutMs: 60_000,
  });
  const entries: TreeEntry[] = [];
  // Directories whose records are being listed (ls-tree prints a tree before its content, depth first).
  const open: { prefix: string; files: TreeEntry[] }[] = [];
  for (const record of stdout.toString('utf8').split('\0')) {
    // "<mode> <type> <sha> <size>\t<path>"; submodules (commit) and symlinks are not files to read.
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    const [mode, type, id, size] = record.slice(0, tab).split(/\s+/);
    const path = record.slice(tab + 1);
    while (open.length > 0 && !path.startsWith(open[open.length - 1]!.prefix)) open.pop();
    if (type === 'tree' && id && memory) {
      const files: TreeEntry[] = [];
      memory.trees.set(subtreeKey(path, id), files);
      open.push({ prefix: `${path}/`, files });
      continue;
    }
    if (type !== 'blob' || mode === '120000' || !id) continue;
    const entry = { path, blob: id, size: Number(size) };
    entries.push(entry);
    for (const dir of open) dir.files.push(entry);
    if (memory) {
      memory.sizes.set(id, entry.size);
      memory.stored += open.length;
    }
  }
  return entries;
}

/** The memory key of a subtree's listing: its directory (full paths are stored) and its tree id. */
export function subtreeKey(dir: string, treeId: string): string {
  return `${dir}\0${treeId}`;
}
