import type { RunGit } from '../../git/run-git.ts';

/** Reads many objects in one `git cat-file --batch` process; returns object id → content (UTF-8). */
export async function readBlobs(runGit: RunGit, gitDir: string, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const { stdout } = await runGit(['cat-file', '--batch'], {
    cwd: gitDir,
    input: unique.join('\n') + '\n',
    timeoutMs: 120_000,
  });
  let offset = 0;
  while (offset < stdout.length) {
    const eol = stdout.indexOf(0x0a, offset);
    if (eol === -1) break;
    const header = stdout.toString('utf8', offset, eol);
    offset = eol + 1;
    // "<sha> <type> <size>" or "<name> missing".
    const [sha, type, size] = header.split(' ');
    if (type === 'missing' || size === undefined) continue;
    const length = Number(size);
    out.set(sha!, stdout.toString('utf8', offset, offset + length));
    offset += length + 1;
  }
  return out;
}

/** Which `<rev>:<path>` names exist, in one `git cat-file --batch-check` process. */
export async function existingPaths(runGit: RunGit, gitDir: string, names: readonly string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const { stdout } = await runGit(['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
    cwd: gitDir,
    input: names.join('\n') + '\n',
    timeoutMs: 60_000,
  });
  const found = new Set<string>();
  stdout
    .toString('utf8')
    .split('\n')
    .slice(0, names.length)
    .forEach((line, i) => {
      if (!line.endsWith(' missing') && line.trim() !== '') found.add(names[i]!);
    });
  return found;
}
