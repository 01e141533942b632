import { DomainError } from '../../../kernel/errors/domain-error.ts';
import { readObjects } from '../../../kernel/git/read-objects.ts';
import type { RunGit } from '../../../kernel/git/run-git.ts';
import type { SourceChange } from './drift-report.ts';
import { parseDiff, type DiffFile } from './parse-diff.ts';

/** Where the pinned files are and which two commits to compare. */
export interface ReadSourceChangesOptions {
  runGit: RunGit;
  /** The project's local git mirror (bare or a work tree). */
  mirrorPath: string;
  pinnedCommit: string;
  headCommit: string;
  /** The pinned source paths, as the revision pinned them. */
  paths: readonly string[];
}

// Quoted paths only for control characters (not for every non-ASCII byte), and paths taken literally (a `*` in a
// file name is no glob).
const GIT = ['-c', 'core.quotepath=false', '--literal-pathspecs'];
const PATCH = ['diff', '--no-color', '--no-ext-diff', '-U0', '--find-renames', '--src-prefix=a/', '--dst-prefix=b/'];

/** Refuses a revision that git would read as an option. */
function revision(name: string): string {
  if (name === '' || name.startsWith('-') || /\s/.test(name))
    throw new DomainError('invalid', 'bad_revision', `"${name}" is not a commit: give a commit SHA or a branch name`);
  return name;
}

/**
 * Reads how each pinned file changed between two commits of a local mirror, with git only and in a few runs
 * whatever the number of commits between them: one `git diff -U0` over the pinned paths (hunks and the changed
 * lines' text); only when a pinned file disappeared, one names-only diff of the whole tree to see whether it was
 * renamed and one patch of the renamed pairs; then one `cat-file` run reading the two versions of the changed files
 * only (requirements are read in whole blocks). The answer keeps the order of `paths`.
 */
export async function readSourceChanges(options: ReadSourceChangesOptions): Promise<SourceChange[]> {
  const { runGit, mirrorPath: cwd, paths } = options;
  const pinned = revision(options.pinnedCommit);
  const head = revision(options.headCommit);
  if (pinned === head || paths.length === 0) return paths.map((path) => ({ status: 'unchanged', path }));
  const patch = async (files: readonly string[]): Promise<DiffFile[]> =>
    parseDiff((await runGit([...GIT, ...PATCH, pinned, head, '--', ...files], { cwd })).stdout.toString('utf8'));

  const byPath = new Map<string, DiffFile>();
  for (const file of await patch(paths)) if (file.oldPath !== null) byPath.set(file.oldPath, file);

  // Limited to the pinned paths, git cannot see where a file went: a deleted one may have been renamed.
  const deleted = paths.filter((p) => byPath.get(p)?.status === 'deleted');
  if (deleted.length > 0) {
    const { stdout } = await runGit(
      [...GIT, 'diff', '--no-color', '--name-status', '-z', '--find-renames', '--diff-filter=R', pinned, head],
      { cwd },
    );
    const fields = stdout.toString('utf8').split('\0');
    const movedTo = new Map<string, string>();
    for (let i = 0; i + 2 < fields.length; i += 3) movedTo.set(fields[i + 1]!, fields[i + 2]!);
    const pairs = deleted.flatMap((p) => (movedTo.has(p) ? [p, movedTo.get(p)!] : []));
    if (pairs.length > 0) {
      for (const file of await patch(pairs))
        if (file.status === 'renamed' && file.oldPath !== null) byPath.set(file.oldPath, file);
    }
  }

  const changed = paths.filter((p) => {
    const file = byPath.get(p);
    return file !== undefined && file.status !== 'deleted' && file.newPath !== null;
  });
  const blobs = await readObjects(
    runGit,
    cwd,
    changed.flatMap((p) => [`${pinned}:${p}`, `${head}:${byPath.get(p)!.newPath!}`]),
  );
  const textOf = new Map<string, { oldText: string; newText: string }>();
  changed.forEach((p, i) =>
    textOf.set(p, {
      oldText: blobs[2 * i]?.content?.toString('utf8') ?? '',
      newText: blobs[2 * i + 1]?.content?.toString('utf8') ?? '',
    }),
  );

  return paths.map((path): SourceChange => {
    const file = byPath.get(path);
    const texts = textOf.get(path);
    if (!file || file.status === 'added') return { status: 'unchanged', path };
    if (file.status === 'deleted' || !texts) return { status: 'deleted', path, hunks: file.hunks };
    // A mode change or a binary file changes no line of text.
    if (file.status === 'modified' && file.hunks.length === 0) return { status: 'unchanged', path };
    return {
      status: file.status,
      path,
      newPath: file.newPath!,
      hunks: file.hunks,
      oldText: texts.oldText,
      newText: texts.newText,
    };
  });
}
