import type { CatFileObject } from './cat-file-parser.ts';
import { openCatFileSession } from './cat-file-session.ts';
import type { RunGit } from './run-git.ts';

export interface ReadObjectsOptions {
  /** Read contents (`--batch`, default) or only type and size (`--batch-check`). */
  content?: boolean;
  /** Kill git after this many milliseconds (default 10 minutes, as any git run). */
  timeoutMs?: number;
}

/**
 * Reads many objects (`<id>`, `<rev>:<path>`, `<rev>^{tree}`) in one buffered `git cat-file` run, the answers in
 * the order of `names` (`undefined` for a missing one). Works with any git, unlike a `--batch-command` session.
 */
export async function readObjects(
  runGit: RunGit,
  gitDir: string,
  names: readonly string[],
  options: ReadObjectsOptions = {},
): Promise<(CatFileObject | undefined)[]> {
  const { content = true, timeoutMs = 600_000 } = options;
  if (names.length === 0) return [];
  const session = openCatFileSession(runGit, gitDir, { mode: content ? 'contents' : 'info', buffer: true, timeoutMs });
  const answers = Promise.all(names.map((name) => (content ? session.contents(name) : session.info(name))));
  const [objects] = await Promise.all([answers, session.end()]);
  return objects;
}
