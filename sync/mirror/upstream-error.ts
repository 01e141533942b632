import { DomainError } from '../../kernel/errors/domain-error.ts';
import { GitError } from '../../kernel/git/git-error.ts';
import { redactSecrets } from '../../kernel/log/redact-secrets.ts';

/**
 * What a failed clone, fetch or ls-remote means for the project: the upstream could not be read (deleted, moved,
 * private, offline). Says what git said and what happens next; other errors (a timeout, a refused URL) pass as
 * they are.
 */
export function upstreamError(action: 'clone' | 'fetch' | 'ls-remote', cloneUrl: string, error: unknown): unknown {
  if (!(error instanceof GitError)) return error;
  const next =
    action === 'clone'
      ? 'check the clone URL and that this machine can read it, then try again'
      : 'the mirror keeps what it had and the next sync retries; check the clone URL and access if it persists';
  return new DomainError(
    'upstream',
    'upstream_unreachable',
    `git ${action} from ${redactSecrets(cloneUrl)} failed (exit ${error.exitCode}): ${error.stderr || 'no output'}. The upstream repository may be deleted, moved, private or offline: ${next}`,
    { action, exitCode: error.exitCode },
  );
}
