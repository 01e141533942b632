import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { RunGit } from '../../kernel/git/run-git.ts';
import { validateCloneUrl } from '../../kernel/git/validate-clone-url.ts';
import { upstreamError } from './upstream-error.ts';

/** What a fetch updates: every ref of the upstream except the portal's own namespace. */
export const MIRROR_REFSPECS = ['+refs/*:refs/*', '^refs/magnolia/*'] as const;

export interface UpdateMirrorOptions {
  gitDir: string;
  cloneUrl: string;
  /** Credentials and other git settings as environment variables (see gitCredentialEnv). */
  env?: Record<string, string>;
  timeoutMs?: number;
}

/**
 * Makes `gitDir` a current bare mirror of `cloneUrl`: `git clone --mirror` the first time (into a temporary
 * folder renamed into place, so an interrupted clone never looks like a mirror), `git fetch --prune` after.
 * Forced pushes and deleted branches and tags follow from the mirror refspec `+refs/*:refs/*` with pruning, less
 * `refs/magnolia/*` (a negative refspec): the portal's own refs (the pinned commits) are neither pruned nor taken
 * from the upstream.
 * The URL is checked again here and always follows `--`, so no stored value can become a git option.
 */
export async function updateMirror(runGit: RunGit, options: UpdateMirrorOptions): Promise<{ cloned: boolean }> {
  const { gitDir, cloneUrl, env = {}, timeoutMs = 30 * 60_000 } = options;
  validateCloneUrl(cloneUrl);
  if (existsSync(path.join(gitDir, 'HEAD'))) {
    // The upstream may have moved (rename, --clone-url change): keep the remote URL current. Reading the config
    // file saves a git process on every fetch.
    if (!readFileSync(path.join(gitDir, 'config'), 'utf8').includes(`url = ${cloneUrl}\n`)) {
      await runGit(['remote', 'set-url', '--', 'origin', cloneUrl], { cwd: gitDir });
    }
    try {
      await runGit(['fetch', '--prune', '--prune-tags', '--quiet', 'origin', ...MIRROR_REFSPECS], {
        cwd: gitDir,
        env,
        timeoutMs,
      });
    } catch (error) {
      throw upstreamError('fetch', cloneUrl, error);
    }
    return { cloned: false };
  }
  mkdirSync(path.dirname(gitDir), { recursive: true });
  const partial = `${gitDir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  try {
    await runGit(['clone', '--mirror', '--quiet', '--no-local', '--', cloneUrl, partial], { env, timeoutMs });
    rmSync(gitDir, { recursive: true, force: true });
    renameSync(partial, gitDir);
  } catch (error) {
    throw upstreamError('clone', cloneUrl, error);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return { cloned: true };
}
