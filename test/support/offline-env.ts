import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// Nothing listens on port 9: GitHub is unreachable and fails fast, as on the machines that run the tests.
export const UNREACHABLE_GITHUB = {
  GITHUB_API_URL: 'http://127.0.0.1:9',
  GITHUB_URL: 'http://127.0.0.1:9',
} as const;

/** The environment of an instance in `dataDir` with no demo community and no GitHub. */
export function offlineEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return { MAGNOLIA_DATA_DIR: dataDir, MAGNOLIA_DEMO: 'off', ...UNREACHABLE_GITHUB, ...extra };
}

/** A fresh data directory, removed after the calling suite. */
export function temporaryDataDir(prefix: string): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), `magnolia-${prefix}-`));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  return dataDir;
}
