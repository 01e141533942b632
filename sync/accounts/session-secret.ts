import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
  const kept = readKept(file);
  if (kept !== undefined && kept.length >= 16) return kept;
  const secret = randomBytes(32).toString('base64url');
  // Written whole beside the file, then moved into place: a full disk or a crash never leaves a short secret.
  const partial = `${file}.${randomBytes(6).toString('hex')}.partial`;
  try {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(partial, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    // No file yet: `link` fails if another process starting at once got there first, and we read its secret.
    // A file too short to be a secret (damaged): it cannot sign anything any more, so it is replaced.
    if (kept === undefined) linkSync(partial, file);
    else renameSync(partial, file);
    return secret;
  } catch (error) {
    const theirs = (error as NodeJS.ErrnoException).code === 'EEXIST' ? readKept(file) : undefined;
    if (theirs !== undefined && theirs.length >= 16) return theirs;
    throw unreadable(file, error);
  } finally {
    rmSync(partial, { force: true });
  }
}

/** The kept secret, or undefined when there is no file. */
function readKept(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
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
