import type { RunGit } from '../../../kernel/git/run-git.ts';

/**
 * Which cached blames still hold at `commit`. A blame run at commit A gives the same lines at a later commit C when
 * the file is the same blob at both and no commit between them touched it (so none introduced, moved or copied a
 * line of it): A must be an ancestor of C, and `git log --full-history A..C -- path` must list nothing, side
 * branches included. One `git log` per distinct A.
 *
 * Before: cached [{ spec/a.md at A }, { spec/b.md at A }], a commit after A changes spec/b.md   After: { spec/a.md }
 */
export async function reusableBlames(
  runGit: RunGit,
  gitDir: string,
  commit: string,
  cached: readonly { path: string; commit: string }[],
): Promise<Set<string>> {
  const reusable = new Set<string>();
  const byCommit = new Map<string, string[]>();
  for (const { path, commit: at } of cached) {
    if (at === commit) reusable.add(path);
    else byCommit.set(at, [...(byCommit.get(at) ?? []), path]);
  }
  for (const [at, paths] of byCommit) {
    const ancestor = await runGit(['merge-base', '--is-ancestor', at, commit], { cwd: gitDir, okCodes: [0, 1, 128] });
    if (ancestor.code !== 0) continue;
    // -z: names unquoted (non-ASCII paths), NUL-separated; literal pathspecs: a path is never a pattern.
    const log = await runGit(
      [
        '--literal-pathspecs',
        'log',
        '--full-history',
        '-z',
        '--format=',
        '--name-only',
        `${at}..${commit}`,
        '--',
        ...paths,
      ],
      { cwd: gitDir },
    );
    const touched = new Set(
      log.stdout
        .toString('utf8')
        .split('\0')
        .map((p) => p.replace(/^\n+/, ''))
        .filter(Boolean),
    );
    for (const path of paths) if (!touched.has(path)) reusable.add(path);
  }
  return reusable;
}
