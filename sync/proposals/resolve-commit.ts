import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { RunGit } from '../../kernel/git/run-git.ts';

/** The commit a tag, branch or commit names in a mirror, or an error that says how to find the right name. */
export async function resolveCommit(runGit: RunGit, gitDir: string, ref: string): Promise<string> {
  if (ref.startsWith('-')) throw new DomainError('invalid', 'unknown_ref', 'a ref may not start with "-"');
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
  return commit;
}
