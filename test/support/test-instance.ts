import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readConfig, type Config } from '../../kernel/config/read-config.ts';
import { startInstance, type Instance } from '../../server/start-instance.ts';
import { captureLog } from './capture-log.ts';
import { createFakeClock, type FakeClock } from './fake-clock.ts';

export const TEST_SECRET = 'test-webhook-secret-8f1c';

export interface TestInstance extends Instance {
  config: Config;
  clock: FakeClock;
  logs: () => string;
  dataDir: string;
  /** Closes the instance and deletes its data dir. */
  destroy(): Promise<void>;
}

/** Starts the real app on port 0 with a temporary data dir, a fake clock, captured logs and the worker stopped. */
export async function startTestInstance(
  options: {
    env?: Record<string, string>;
    dataDir?: string;
    clock?: FakeClock;
    startWorker?: boolean;
    ingestOptions?: { deadlineMs: number; busyTimeoutMs: number };
  } = {},
): Promise<TestInstance> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'magnolia-test-'));
  const config = readConfig({
    MAGNOLIA_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    GITHUB_WEBHOOK_SECRET: TEST_SECRET,
    MAGNOLIA_DEMO: 'off',
    // A demo instance in a test starts without the demo's proposals unless the test asks for them.
    MAGNOLIA_DEMO_PROPOSALS: 'off',
    // Word and PDF files are made when first downloaded, not after every revision of every test.
    MAGNOLIA_REVISION_FILES: 'off',
    LOG_LEVEL: 'debug',
    // Nothing listens on port 9: GitHub is unreachable, fast, as on the machines that run the tests.
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_URL: 'http://127.0.0.1:9',
    MAGNOLIA_RECONCILE_MINUTES: '0',
    ...options.env,
  });
  const clock = options.clock ?? createFakeClock();
  const captured = captureLog();
  const instance = await startInstance({
    config,
    log: captured.log,
    clock,
    startWorker: options.startWorker ?? false,
    ingestOptions: options.ingestOptions,
    githubOptions: { delayBaseMs: 1, retries: 1, timeoutMs: 2_000 },
  });
  return Object.assign(instance, {
    config,
    clock,
    logs: captured.text,
    dataDir,
    async destroy() {
      await instance.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}
