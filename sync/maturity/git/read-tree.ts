import type { RunGit } from '../../git/run-git.ts';

/** One file of a commit's tree. */
export interface TreeEntry {
  path: string;
  blob: string;
  size: number;
}

/** Lists every file of `commit` (`git ls-tree -r -l -z`): paths, blob ids and sizes, without reading content. */
export async function readTree(runGit: RunGit, gitDir: string, commit: string): Promise<TreeEntry[]> {
  const { stdout } = await runGit(['ls-tree', '-r', '-l', '-z', '--full-tree', commit], { cwd: gitDir, timeoutMs: 60_000 });
  const entries: TreeEntry[] = [];
  for (const record of stdout.toString('utf8').split('\0')) {
    // "<mode> blob <sha> <size>\t<path>"; submodules (commit) and symlinks are not files to read.
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    const [mode, type, blob, size] = record.slice(0, tab).split(/\s+/);
    if (type !== 'blob' || mode === '120000' || !blob) continue;
    entries.push({ path: record.slice(tab + 1), blob, size: Number(size) });
  }
  return entries;
}
