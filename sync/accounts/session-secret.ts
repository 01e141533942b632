import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../kernel/config/read-config.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';

/** Where a generated session secret is kept. */
export const SESSION_SECRET_FILE = 'session-secret';

/**
 * The secret that signs session cookies: `MAGNOLIA_SESSION_SECRET`, or one generated on the first start and kept
 * (mode 0600) in the data directory, so sessions survive a restart. Changing it signs everyone out.
 */
export function loadSessionSecret(config: Pick<Config, 'sessionSecret' | 'dataDir'>): string {
  if (config.sessionSecret) return config.sessionSecret;
  const file = path.join(config.dataDir, SESSION_SECRET_FILE);
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 16) return kept;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw unreadable(file, error);
  }
  const secret = randomBytes(32).toString('base64url');
  try {
    mkdirSync(config.dataDir, { recursive: true });
    // `wx`: two processes starting at once do not overwrite each other's secret; the loser reads the winner's.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw unreadable(file, error);
  }
}

function unreadable(file: string, error: unknown): DomainError {
  return new DomainError(
    'unavailable',
    'session_secret_unavailable',
    `cannot read or create the session secret ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}): make the data directory writable, or set MAGNOLIA_SESSION_SECRET`,
  );
}
