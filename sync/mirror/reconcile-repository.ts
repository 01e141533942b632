import type { RunGit } from '../../kernel/git/run-git.ts';
import { validateCloneUrl } from '../../kernel/git/validate-clone-url.ts';
import { gitCredentialEnv } from './git-credentials.ts';
import {
  cloneUrlFor,
  recordMirrorFailure,
  syncRepository,
  type MirrorDeps,
  type MirrorOutcome,
} from './sync-repository.ts';
import { upstreamError } from './upstream-error.ts';

/** Heads and tags the upstream advertises (`git ls-remote`), name → object id. */
export async function listRemoteRefs(
  runGit: RunGit,
  cloneUrl: string,
  env: Record<string, string>,
): Promise<Map<string, string>> {
  validateCloneUrl(cloneUrl);
  let stdout: Buffer;
  try {
    ({ stdout } = await runGit(['ls-remote', '--heads', '--tags', '--', cloneUrl], { env, timeoutMs: 120_000 }));
  } catch (error) {
    throw upstreamError('ls-remote', cloneUrl, error);
  }
  const refs = new Map<string, string>();
  for (const line of stdout.toString('utf8').split('\n')) {
    const [sha, name] = line.split('\t');
    if (sha && name && !name.endsWith('^{}')) refs.set(name, sha);
  }
  return refs;
}

/**
 * Catches what webhooks missed: compares the upstream's refs with the mirror's (one cheap `ls-remote`) and fetches
 * only when they differ, when the mirror was never cloned, or when the last update failed (so a recovered upstream
 * clears the error). An unreachable upstream is recorded on the project like a failed fetch; the mirror stays.
 */
export async function reconcileRepository(
  deps: MirrorDeps,
  repositoryId: number,
): Promise<MirrorOutcome | { repository: string; unchanged: true }> {
  const row = deps.store.repositories.get(repositoryId);
  if (row && row.last_fetch_at !== null) {
    let remote: Map<string, string>;
    try {
      const cloneUrl = cloneUrlFor(deps.config, row);
      remote = await listRemoteRefs(
        deps.runGit,
        cloneUrl,
        gitCredentialEnv(cloneUrl, deps.config.githubUrl, deps.config.githubToken),
      );
    } catch (error) {
      recordMirrorFailure(deps, row, error);
      throw error;
    }
    const local = deps.store.gitRefs.list(row.id).filter((r) => r.kind !== 'other');
    const same = local.length === remote.size && local.every((r) => remote.get(r.name) === r.sha);
    if (same && row.last_fetch_error === null) return { repository: row.full_name, unchanged: true };
  }
  return syncRepository(deps, repositoryId);
}
