import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { CachedResponse } from '../../db/http-cache/http-cache-queries.ts';
import { isoNow, systemClock, type Clock } from '../../kernel/clock.ts';
import type { Config } from '../../kernel/config/read-config.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import { redactSecrets } from '../../kernel/log/redact-secrets.ts';
import { octokitLog } from './octokit-log.ts';

const MagnoliaOctokit = Octokit.plugin(throttling, retry);
/** Octokit with the throttling and retry plugins. */
export type MagnoliaOctokit = InstanceType<typeof MagnoliaOctokit>;

/** Where conditional requests find and keep validators and bodies (the store's `httpCache`). */
export interface ResponseCache {
  get(url: string): CachedResponse | undefined;
  put(entry: CachedResponse, at: string): void;
  touch(url: string, at: string): void;
}

/** Counters over the client's life; callers take differences around a unit of work. */
export interface GitHubClientStats {
  /** HTTP exchanges, every attempt included. */
  exchanges: number;
  /** Of those, 304 answers served from the cache: they cost no rate limit and count against no budget. */
  notModified: number;
  /** Attempts that got no answer at all (refused, reset, timed out). */
  networkErrors: number;
  /** Waits for a rate limit (primary or secondary) before a retry. */
  rateLimitWaits: number;
  /** Last `x-ratelimit-remaining` and `x-ratelimit-reset` (epoch seconds) seen. */
  rateLimitRemaining: number | null;
  rateLimitReset: number | null;
}

/** A configured GitHub REST client. */
export interface GitHubClient {
  readonly octokit: MagnoliaOctokit;
  /** REST base, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  readonly apiUrl: string;
  /** Whether a token is sent (without one GitHub allows 60 requests an hour). */
  readonly authenticated: boolean;
  readonly stats: GitHubClientStats;
  /** Scrubs credentials, the configured token included, from text meant for a log or an error. */
  redact(text: string): string;
}

/** Options of {@link createGitHubClient}. */
export interface GitHubClientOptions {
  /** `githubApiUrl` (GitHub Enterprise: `https://host/api/v3`) and the optional `githubToken`. */
  config: Pick<Config, 'githubApiUrl' | 'githubToken'>;
  log: Logger;
  /** Conditional requests are made only with a cache (the store's `httpCache`). */
  store?: { httpCache: ResponseCache } | undefined;
  clock?: Clock;
  /** Milliseconds per unit of retry and rate-limit delay: 1000 in production, 1 in tests so nothing sleeps. */
  delayBaseMs?: number;
  /** Retries of a failed request (5xx, network) and of a rate-limited one (default 3). */
  retries?: number;
  /** Longest rate-limit wait accepted before giving up with an error (default 60 s). */
  maxRateLimitWaitSeconds?: number;
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number;
}

// The throttling plugin handles 403/429 rate limits (and honours Retry-After); the retry plugin must not retry
// them a second time, nor a 304, which is an answer, not a failure.
const DO_NOT_RETRY = [304, 400, 401, 403, 404, 410, 422, 429, 451];

// Incremental listings (`since=`) never repeat a URL, so caching them would only grow the table.
const isCacheable = (url: string): boolean => !/[?&]since=/.test(url);

/**
 * Creates the GitHub REST client: Octokit with throttling (rate-limit waits, bounded) and retry (5xx and network
 * failures), an optional token, a logger that never sees it, and conditional requests through `cache`: a GET
 * carries `If-None-Match` (or `If-Modified-Since`) from the cached answer, and a 304 returns the cached body as
 * an ordinary 200 to the caller.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const { log } = options;
  const token = options.config.githubToken;
  const apiUrl = options.config.githubApiUrl;
  const cache = options.store?.httpCache;
  const clock = options.clock ?? systemClock;
  const delayBaseMs = options.delayBaseMs ?? 1000;
  const retries = options.retries ?? 3;
  const maxWait = options.maxRateLimitWaitSeconds ?? 60;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const secrets = token ? [token] : [];
  const redact = (text: string): string => redactSecrets(text, secrets);
  const stats: GitHubClientStats = {
    exchanges: 0,
    notModified: 0,
    networkErrors: 0,
    rateLimitWaits: 0,
    rateLimitRemaining: null,
    rateLimitReset: null,
  };

  // Every attempt passes here: count it, note the rate limit, and never hang on a silent server.
  const countingFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    let response: Response;
    try {
      response = await fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      stats.networkErrors += 1;
      throw error;
    }
    stats.exchanges += 1;
    if (response.status === 304) stats.notModified += 1;
    const remaining = response.headers.get('x-ratelimit-remaining');
    const reset = response.headers.get('x-ratelimit-reset');
    if (remaining !== null && Number.isFinite(Number(remaining))) stats.rateLimitRemaining = Number(remaining);
    if (reset !== null && Number.isFinite(Number(reset))) stats.rateLimitReset = Number(reset);
    return response;
  };

  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      if (retryCount < retries && retryAfter <= maxWait) {
        stats.rateLimitWaits += 1;
        log.warn(
          { component: 'github', retryAfter, route: `${request.method} ${request.url}` },
          `GitHub ${kind}: waiting before a retry`,
        );
        return true;
      }
      log.warn(
        { component: 'github', retryAfter, route: `${request.method} ${request.url}` },
        `GitHub ${kind}: not waiting ${retryAfter}s`,
      );
      return false;
    };

  const octokit = new MagnoliaOctokit({
    baseUrl: apiUrl,
    ...(token ? { auth: token } : {}),
    userAgent: 'magnolia',
    log: octokitLog(log, secrets),
    request: { fetch: countingFetch },
    retry: { retries, retryAfterBaseValue: delayBaseMs, doNotRetry: DO_NOT_RETRY },
    throttle: {
      retryAfterBaseValue: delayBaseMs,
      fallbackSecondaryRateRetryAfter: 60,
      onRateLimit: onLimit('rate limit exhausted'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
    },
  });

  if (cache) {
    // Registered last, so it wraps the plugins: a 304 never reaches their retry logic as a failure.
    octokit.hook.wrap('request', async (request, endpoint) => {
      const { method, url } = octokit.request.endpoint.parse(endpoint);
      if (method !== 'GET' || !isCacheable(url)) return request(endpoint);
      const cached = cache.get(url);
      if (cached?.etag) endpoint.headers = { ...endpoint.headers, 'if-none-match': cached.etag };
      else if (cached?.lastModified)
        endpoint.headers = { ...endpoint.headers, 'if-modified-since': cached.lastModified };
      try {
        const response = await request(endpoint);
        const etag = header(response.headers, 'etag');
        const lastModified = header(response.headers, 'last-modified');
        if ((etag || lastModified) && response.status === 200 && typeof response.data === 'object') {
          const link = header(response.headers, 'link');
          cache.put({ url, etag, lastModified, link, body: JSON.stringify(response.data) }, isoNow(clock));
        }
        return response;
      } catch (error) {
        if (!cached || statusOf(error) !== 304) throw error;
        cache.touch(url, isoNow(clock));
        const headers: Record<string, string> = {};
        if (cached.link) headers.link = cached.link;
        if (cached.etag) headers.etag = cached.etag;
        return { status: 200, url, headers, data: JSON.parse(cached.body) as unknown };
      }
    });
  }

  return { octokit, apiUrl, authenticated: token !== undefined, stats, redact };
}

function header(headers: Record<string, unknown>, name: string): string | null {
  const value = headers[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The HTTP status an Octokit error carries, if any. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  const status = (error as { status: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}
