import { DomainError } from '../../../kernel/errors/domain-error.ts';
import type { RunGit } from '../../../kernel/git/run-git.ts';

/**
 * Resolves a tag, branch or SHA to the 40-hex commit it names; `unknown_ref` when there is none, and
 * `not_a_git_repository` when the directory is not a repository (one git run answers both).
 */
export async function resolveCommit(runGit: RunGit, gitDir: string, ref: string): Promise<string> {
  const { stdout, stderr, code } = await runGit(
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`],
    {
      cwd: gitDir,
      okCodes: [0, 1, 128],
    },
  );
  if (code === 128 && /not a git repository/i.test(stderr)) {
    throw new DomainError(
      'invalid',
      'not_a_git_repository',
      `${gitDir} is not a git repository: give the path of a clone (or a bare repository) or a clone URL`,
    );
  }
  const sha = stdout.toString('utf8').trim();
  if (code !== 0 || !/^[0-9a-f]{40}$/.test(sha)) {
    throw new DomainError(
      'not-found',
      'unknown_ref',
      `ref "${ref}" is not a branch, tag or commit of this repository: check the name (git tag, git branch -a) or fetch it first`,
    );
  }
  return sha;
}
