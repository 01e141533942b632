import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { RunGit } from '../../kernel/git/run-git.ts';

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
  const resolved = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], {
    cwd: gitDir,
    okCodes: [0, 1, 128],
    timeoutMs: 30_000,
  });
  const commit = resolved.stdout.toString('utf8').trim();
  if (resolved.code !== 0 || !/^[0-9a-f]{40,64}$/.test(commit))
    throw new DomainError(
      'invalid',
      'unknown_ref',
      `"${ref}" is not a tag, branch or commit of the project's mirror: check the name, or run magnolia sync first`,
      { ref },
    );
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
  return { commit };
}
