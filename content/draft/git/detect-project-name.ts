import { DomainError } from '../../../kernel/errors/domain-error.ts';
import type { RunGit } from '../../../kernel/git/run-git.ts';
import { redactSecrets } from '../../../kernel/log/redact-secrets.ts';
import { projectNameFromUrl } from '../project-name-from-url.ts';

/** `owner/repo` from a remote URL, or undefined when the URL names no such pair (a local path, a `file://` URL). */
function ownerRepo(url: string | undefined): string | undefined {
  if (!url || /^(?:file:\/\/|\/|\.{1,2}\/|[A-Za-z]:[\\/])/.test(url.trim())) return undefined;
  const name = projectNameFromUrl(url);
  return name?.includes('/') ? name : undefined;
}

/**
 * The project's `owner/repo` for permalinks: from the `origin` remote, else the clone URL. A repository whose
 * remote names no owner and repository (a bare mirror without `origin`, a local path) is refused rather than given a
 * permalink that points nowhere (`https://github.com/<folder>/blob/…`): the message says to pass `--name`.
 */
export async function detectProjectName(
  runGit: RunGit,
  gitDir: string,
  cloneUrl: string | undefined,
  repo: string,
): Promise<string> {
  const origin = await runGit(['config', '--get', 'remote.origin.url'], { cwd: gitDir, okCodes: [0, 1] });
  const originUrl = origin.code === 0 ? origin.stdout.toString('utf8').trim() : undefined;
  const name = ownerRepo(originUrl) ?? ownerRepo(cloneUrl);
  if (name) return name;
  // A remote URL may carry a token: it is shown redacted.
  const shown = originUrl === undefined ? undefined : redactSecrets(originUrl);
  throw new DomainError(
    'invalid',
    'project_name_unknown',
    `${repo} has ${shown ? `an origin remote (${shown}) that names no owner/repository` : 'no origin remote'}, so the permalinks of the draft cannot be made: pass --name owner/repo (the project on the permalink base, e.g. --name acme/widgets)`,
    { repo, origin: shown ?? '' },
  );
}
