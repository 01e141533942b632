import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { RunGit } from '../../kernel/git/run-git.ts';

/**
 * Where a mirror keeps the commits the portal has pinned. The mirror's fetch leaves this namespace alone
 * (sync/mirror/update-mirror.ts), so a force-push upstream never makes a pinned commit unreachable or lets gc drop it.
 */
export const PINNED_REF_PREFIX = 'refs/magnolia/pinned/';

/** The ref that keeps `sha` reachable: `refs/magnolia/pinned/<sha>`. */
export const pinnedRef = (sha: string): string => `${PINNED_REF_PREFIX}${sha}`;

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/**
 * Creates `refs/magnolia/pinned/<sha>` in the mirror (`git update-ref`), so the commit a proposal pinned or a
 * revision was generated at stays in the mirror whatever the upstream does to its branches and tags afterwards.
 * Writing the ref again is harmless. `sha` must be a full object name of a commit the mirror holds.
 */
export async function keepCommitReachable(runGit: RunGit, mirrorPath: string, sha: string): Promise<void> {
  if (!SHA.test(sha))
    throw new DomainError('invalid', 'not_a_commit_sha', `"${sha}" is not a full commit SHA: resolve the ref first`);
  await runGit(['update-ref', '-m', 'magnolia: pinned by a proposal', pinnedRef(sha), sha], {
    cwd: mirrorPath,
    timeoutMs: 30_000,
  });
}
