import { statusOf, type GitHubClient } from './create-github-client.ts';

function responseHeaders(error: unknown): Record<string, unknown> | undefined {
  if (typeof error !== 'object' || error === null || !('response' in error)) return undefined;
  const response = (error as { response?: { headers?: unknown } }).response;
  return response && typeof response.headers === 'object' && response.headers !== null
    ? (response.headers as Record<string, unknown>)
    : undefined;
}

/**
 * Why a GitHub call failed, in words that say what to do, for `metadata_reason`, logs and CLI output.
 * Credentials are scrubbed (the configured token verbatim, and anything token-shaped).
 */
export function describeGitHubError(
  error: unknown,
  github: Pick<GitHubClient, 'apiUrl' | 'authenticated' | 'redact'>,
): string {
  const status = statusOf(error);
  const message = github.redact(error instanceof Error ? error.message : String(error));
  const headers = responseHeaders(error);
  const hint = github.authenticated ? '' : '; set GITHUB_TOKEN for 5,000 requests an hour instead of 60';
  if (
    (status === 403 || status === 429) &&
    (headers?.['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message))
  ) {
    const reset = Number(headers?.['x-ratelimit-reset']);
    const until = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : '';
    return `GitHub API rate limit exhausted${until}${hint}`;
  }
  if (status === 401) return `GitHub rejected the credentials (401 ${message}): check GITHUB_TOKEN`;
  if (status === 403) {
    return `GitHub refused access (403 ${message})${github.authenticated ? ": check the token's permissions" : hint}`;
  }
  // Octokit reports a request that never got an answer (refused, reset, DNS, timeout) as a 500 without a response.
  if (status === undefined || (status === 500 && headers === undefined)) {
    return `GitHub API unreachable at ${github.apiUrl}: ${message}`;
  }
  return `GitHub API answered ${status}: ${message}`;
}
