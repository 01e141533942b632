import type { RunGit } from '../../kernel/git/run-git.ts';
import { gitCredentialEnv } from './git-credentials.ts';
import { cloneUrlFor, syncRepository, type MirrorDeps, type MirrorOutcome } from './sync-repository.ts';

/** Heads and tags the upstream advertises (`git ls-remote`), name → object id. */
export async function listRemoteRefs(
  runGit: RunGit,
  cloneUrl: string,
  env: Record<string, string>,
): Promise<Map<string, string>> {
  const { stdout } = await runGit(['ls-remote', '--heads', '--tags', cloneUrl], { env, timeoutMs: 120_000 });
  const refs = new Map<string, string>();
  for (const line of stdout.toString('utf8').split('\n')) {
    const [sha, name] = line.split('\t');
    if (sha && name && !name.endsWith('^{}')) refs.set(name, sha);
  }
  return refs;
}

/**
 * Catches what webhooks missed: compares the upstream's refs with the mirror's (one cheap `ls-remote`) and fetches
 * only when they differ, or when the mirror was never cloned.
 */
export async function reconcileRepository(
  deps: MirrorDeps,
  repositoryId: number,
): Promise<MirrorOutcome | { repository: string; unchanged: true }> {
  const row = deps.store.repositories.get(repositoryId);
  if (row && row.last_fetch_at !== null) {
    const cloneUrl = cloneUrlFor(deps.config, row);
    const remote = await listRemoteRefs(
      deps.runGit,
      cloneUrl,
      gitCredentialEnv(cloneUrl, deps.config.githubUrl, deps.config.githubToken),
    );
    const local = deps.store.gitRefs.list(row.id).filter((r) => r.kind !== 'other');
    const same = local.length === remote.size && local.every((r) => remote.get(r.name) === r.sha);
    if (same) return { repository: row.full_name, unchanged: true };
  }
  return syncRepository(deps, repositoryId);
}
