import type { RunGit } from '../../kernel/git/run-git.ts';

/** What the source view says of a commit. */
export interface CommitInfo {
  sha: string;
  author: string;
  /** Author date, ISO 8601 as git writes it (with the author's offset). */
  date: string;
  /** The whole message: subject, blank line, body. */
  message: string;
}

/**
 * The commit `ref` names in a mirror (any name git resolves: a full or abbreviated SHA), with its author, date and
 * message; undefined when the mirror holds no such commit or the abbreviation is ambiguous.
 */
export async function readCommitInfo(runGit: RunGit, gitDir: string, ref: string): Promise<CommitInfo | undefined> {
  if (ref.startsWith('-')) return undefined;
  const { stdout, code } = await runGit(
    [
      'log',
      '-1',
      '--no-show-signature',
      '--format=%H%x00%an%x00%aI%x00%B',
      '--end-of-options',
      `${ref}^{commit}`,
      '--',
    ],
    { cwd: gitDir, okCodes: [0, 128], timeoutMs: 30_000 },
  );
  if (code !== 0) return undefined;
  const [sha = '', author = '', date = '', ...message] = stdout.toString('utf8').split('\0');
  if (!/^[0-9a-f]{40,64}$/.test(sha)) return undefined;
  return { sha, author, date, message: message.join('\0').replace(/\s+$/, '') };
}
