import { createServer } from 'node:net';
import type { Store } from '../../db/store.ts';
import { createGitHubClient, type GitHubClient } from '../../sync/github/create-github-client.ts';
import type { RefreshDeps } from '../../sync/github/refresh-metadata.ts';
import { captureLog } from '../support/capture-log.ts';
import { createFakeClock } from '../support/fake-clock.ts';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.ts';
import { demoMetadata, registerMember, tempStore, type DemoMetadata } from './metadata-fixture.ts';

/** A token in GitHub's format, so both the verbatim and the pattern redaction are exercised. */
export const TOKEN = 'ghp_SeCrEt0123456789abcdefghijKLMNOPQRSTuv';

export interface Harness {
  fake: FakeGitHub;
  store: Store;
  github: GitHubClient;
  deps: RefreshDeps;
  logs: () => string;
  close(): Promise<void>;
}

/**
 * A fake GitHub serving `data`, a temporary store with the repository registered, and a client with tiny
 * retry and rate-limit delays (1 ms per second GitHub asks for).
 */
export async function startHarness(
  options: { data?: DemoMetadata; token?: string | undefined; apiUrl?: string; maxRateLimitWaitSeconds?: number } = {},
): Promise<Harness> {
  const fake = await startFakeGitHub();
  fake.addRepository(options.data ?? demoMetadata());
  const temp = tempStore();
  registerMember(temp.store);
  const captured = captureLog('debug');
  const clock = createFakeClock(Date.parse('2026-07-01T00:00:00Z'));
  const token = 'token' in options ? options.token : TOKEN;
  if (token) fake.requireToken = token;
  const github = createGitHubClient({
    config: { githubApiUrl: options.apiUrl ?? fake.apiUrl, githubToken: token },
    log: captured.log,
    store: temp.store,
    clock,
    delayBaseMs: 1,
    ...(options.maxRateLimitWaitSeconds !== undefined
      ? { maxRateLimitWaitSeconds: options.maxRateLimitWaitSeconds }
      : {}),
  });
  return {
    fake,
    store: temp.store,
    github,
    deps: { store: temp.store, github, log: captured.log, clock },
    logs: captured.text,
    async close() {
      await fake.close();
      temp.close();
    },
  };
}

/** A loopback URL on which nothing listens. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/api/v3`;
}
