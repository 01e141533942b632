import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DomainError } from '../../../kernel/errors/domain-error.ts';
import type { RunGit } from '../../../kernel/git/run-git.ts';
import { validateCloneUrl } from '../../../kernel/git/validate-clone-url.ts';

/** A repository ready to be read: its git directory, and how to release it. */
export interface OpenRepository {
  gitDir: string;
  /** The clone URL when the repository was cloned. */
  url: string | undefined;
  close: () => Promise<void>;
}

/** True for clone URLs (`https://…`, `ssh://…`, `file://…`, `git@host:path`) rather than local paths. */
export function isCloneUrl(repo: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(repo) || /^[\w.-]+@[\w.-]+:/.test(repo);
}

/**
 * Opens a local repository (bare or not) in place, or clones a URL bare into a temporary directory that
 * `close` removes. Says so when the path does not exist.
 */
export async function openRepository(runGit: RunGit, repo: string, cwd: string): Promise<OpenRepository> {
  if (isCloneUrl(repo)) {
    validateCloneUrl(repo);
    const dir = await mkdtemp(path.join(tmpdir(), 'magnolia-draft-'));
    const close = () => rm(dir, { recursive: true, force: true });
    try {
      await runGit(['clone', '--bare', '--quiet', '--', repo, dir]);
    } catch (error) {
      await close();
      throw error;
    }
    return { gitDir: dir, url: repo, close };
  }
  const dir = path.resolve(cwd, repo);
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory())
    throw new DomainError(
      'not-found',
      'repo_not_found',
      `${repo} does not exist or is not a folder: give the path of a git repository or a clone URL`,
    );
  // Whether it is a repository at all is answered by the first git command run in it (resolveCommit).
  return { gitDir: dir, url: undefined, close: async () => {} };
}
