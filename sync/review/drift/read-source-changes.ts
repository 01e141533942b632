import type { RunGit } from '../../../kernel/git/run-git.ts';
import type { SourceChange } from './drift-report.ts';

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * How the pinned source files changed between two commits of the mirror, from one `git diff -U0` over exactly
 * those paths (no GitHub call; files that did not change cost nothing). A rename is followed.
 */
export async function readSourceChanges(
  runGit: RunGit,
  mirrorPath: string,
  from: string,
  to: string,
  paths: readonly string[],
): Promise<SourceChange[]> {
  const { stdout } = await runGit(
    ['diff', '--no-color', '--no-ext-diff', '-U0', '--find-renames', from, to, '--', ...paths],
    { cwd: mirrorPath },
  );
  return parseDiff(stdout.toString('utf8'));
}

/** Parses the output of `git diff -U0` into one change per file. */
export function parseDiff(text: string): SourceChange[] {
  const changes: SourceChange[] = [];
  let current: SourceChange | null = null;
  let hunk: SourceChange['hunks'][number] | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('diff --git ')) {
      const paths = /^diff --git a\/(.*) b\/(.*)$/.exec(line);
      current = { path: paths?.[1] ?? '', status: 'modified', newPath: null, hunks: [] };
      changes.push(current);
      hunk = null;
    } else if (!current) continue;
    else if (line.startsWith('deleted file mode')) current.status = 'deleted';
    else if (line.startsWith('rename from ')) current.path = line.slice('rename from '.length);
    else if (line.startsWith('rename to ')) {
      current.status = 'renamed';
      current.newPath = line.slice('rename to '.length);
    } else if (line.startsWith('@@')) {
      const m = HUNK.exec(line);
      if (!m) continue;
      const oldCount = m[2] === undefined ? 1 : Number(m[2]);
      // With no old lines, git names the line before the insertion: the insertion touches that line's clause.
      hunk = { oldStart: Number(m[1]), oldCount, removed: [], added: [] };
      current.hunks.push(hunk);
    } else if (hunk && line.startsWith('-') && !line.startsWith('---')) hunk.removed.push(line.slice(1));
    else if (hunk && line.startsWith('+') && !line.startsWith('+++')) hunk.added.push(line.slice(1));
  }
  return changes;
}
