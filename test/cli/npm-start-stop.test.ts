// Item 21 of issue 13: `npm start` stops on a signal to the process it started (npm), and no child is left
// listening after its parent got SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Starts `npm start` on port 0 and resolves with npm's process and the URL the server logged. */
function npmStart(): Promise<{ child: ReturnType<typeof spawn>; url: string; output: () => string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'magnolia-npm-start-'));
  dirs.push(dataDir);
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      PORT: '0',
      MAGNOLIA_DATA_DIR: dataDir,
      MAGNOLIA_DEMO: 'off',
      MAGNOLIA_RECONCILE_MINUTES: '0',
      LOG_LEVEL: 'info',
    },
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not serve: ${output}`)), 60_000);
    child.stdout!.on('data', () => {
      const match = /"url":"(http:[^"]+)"/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({ child, url: match[1]!, output: () => output });
    });
  });
}

/** True once nothing answers at `url` (polled for up to 15 s). */
async function closed(url: string): Promise<boolean> {
  for (let i = 0; i < 150; i++) {
    try {
      await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(500) });
    } catch {
      return true;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe('npm start', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGKILL'] as const)(
    'stops the server when npm gets %s, leaving nothing listening',
    async (signal) => {
      const { child, url, output } = await npmStart();
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
      expect(await closed(url), output()).toBe(true);
    },
    90_000,
  );
});
