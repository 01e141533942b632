import { DomainError } from '../../kernel/errors/domain-error.ts';
import { resolveCommit } from './resolve-commit.ts';
import type { RunGit } from '../../kernel/git/run-git.ts';
import { keepCommitReachable } from '../sources/keep-commit-reachable.ts';

/** A ref resolved in a mirror, and the source paths that exist at that commit. */
export interface PinnedSources {
  commit: string;
}

/**
 * Resolves `ref` (tag, branch or commit) in the project's mirror and checks that every source file exists there
 * at that commit, so a proposal never names a file its revision cannot read.
 */
export async function pinSources(
  runGit: RunGit,
  gitDir: string,
  ref: string,
  paths: readonly string[],
): Promise<PinnedSources> {
  const commit = await resolveCommit(runGit, gitDir, ref);
  const listed = await runGit(['ls-tree', '-r', '--name-only', '-z', commit, '--', ...paths], {
    cwd: gitDir,
    timeoutMs: 30_000,
  });
  const present = new Set(listed.stdout.toString('utf8').split('\0').filter(Boolean));
  const missing = paths.filter((p) => !present.has(p));
  if (missing.length > 0)
    throw new DomainError(
      'invalid',
      'missing_sources',
      `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not a file at ${ref} (${commit.slice(0, 12)}): pick files of the repository's tree`,
      { missing: missing.join(', '), ref },
    );
  // Pinned: a force-push upstream must not take the commit out of the mirror.
  await keepCommitReachable(runGit, gitDir, commit);
  return { commit };
}
