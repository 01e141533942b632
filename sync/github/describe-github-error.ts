import { msg, type Message } from '../../kernel/i18n/message.ts';
import { statusOf, type GitHubClient } from './create-github-client.ts';

function responseHeaders(error: unknown): Record<string, unknown> | undefined {
  if (typeof error !== 'object' || error === null || !('response' in error)) return undefined;
  const response = (error as { response?: { headers?: unknown } }).response;
  return response && typeof response.headers === 'object' && response.headers !== null
    ? (response.headers as Record<string, unknown>)
    : undefined;
}

/**
 * Why a GitHub call failed, as a message that says what to do, for `metadata_reason`, logs and CLI output.
 * Credentials are scrubbed from GitHub's own words (the configured token verbatim, and anything token-shaped).
 */
export function describeGitHubError(
  error: unknown,
  github: Pick<GitHubClient, 'apiUrl' | 'authenticated' | 'redact'>,
): Message {
  const status = statusOf(error);
  const message = github.redact(error instanceof Error ? error.message : String(error));
  const headers = responseHeaders(error);
  const anonymous = (reason: Message): Message =>
    github.authenticated ? reason : msg('github.anonymous-hint', { reason });
  if (
    (status === 403 || status === 429) &&
    (headers?.['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message))
  ) {
    const reset = Number(headers?.['x-ratelimit-reset']);
    return anonymous(
      Number.isFinite(reset) && reset > 0
        ? msg('github.rate-limit-until', { until: new Date(reset * 1000).toISOString() })
        : msg('github.rate-limit'),
    );
  }
  if (status === 401) return msg('github.credentials', { detail: message });
  if (status === 403) {
    return github.authenticated
      ? msg('github.forbidden-token', { detail: message })
      : anonymous(msg('github.forbidden', { detail: message }));
  }
  // Octokit reports a request that never got an answer (refused, reset, DNS, timeout) as a 500 without a response.
  if (status === undefined || (status === 500 && headers === undefined)) {
    return msg('github.unreachable', { url: github.apiUrl, detail: message });
  }
  return msg('github.status', { status, detail: message });
}
