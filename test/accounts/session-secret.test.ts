// The generated session secret: made once, kept with mode 0600, reused, and never short (a damaged file is
// replaced, a failed write leaves nothing behind).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSessionSecret, SESSION_SECRET_FILE } from '../../sync/accounts/session-secret.ts';

const dirs: string[] = [];
const dataDir = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'magnolia-secret-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the generated session secret', () => {
  it('is made on the first start, kept with mode 0600 and read again afterwards', () => {
    const dir = dataDir();
    const first = loadSessionSecret({ sessionSecret: undefined, dataDir: dir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dir, SESSION_SECRET_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSessionSecret({ sessionSecret: undefined, dataDir: dir })).toBe(first);
    expect(readdirSync(dir)).toEqual([SESSION_SECRET_FILE]);
    expect(loadSessionSecret({ sessionSecret: 'configured-secret-0123456789', dataDir: dir })).toBe(
      'configured-secret-0123456789',
    );
  });

  it('replaces a file too short to be a secret (a write cut off by a full disk) instead of using it', () => {
    for (const damaged of ['', 'abc\n']) {
      const dir = dataDir();
      writeFileSync(path.join(dir, SESSION_SECRET_FILE), damaged);
      const secret = loadSessionSecret({ sessionSecret: undefined, dataDir: dir });
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect(readFileSync(path.join(dir, SESSION_SECRET_FILE), 'utf8').trim()).toBe(secret);
      expect(readdirSync(dir)).toEqual([SESSION_SECRET_FILE]);
    }
  });

  it('says what to do when the data directory cannot be made, and leaves nothing behind', () => {
    const dir = dataDir();
    writeFileSync(path.join(dir, 'a-file'), 'not a directory');
    expect(() => loadSessionSecret({ sessionSecret: undefined, dataDir: path.join(dir, 'a-file', 'data') })).toThrow(
      /cannot read or create the session secret .*session-secret \(ENOTDIR\): make the data directory writable, or set MAGNOLIA_SESSION_SECRET/,
    );
    expect(readdirSync(dir)).toEqual(['a-file']);
  });
});
