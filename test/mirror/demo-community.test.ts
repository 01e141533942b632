import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServeProcess } from '../support/run-cli.ts';

interface ProjectJson {
  fullName: string;
  headSha: string;
  commitCount: number;
  contributorCount: number;
  domain: string;
  stars: number | null;
  license: string | null;
}

/** `npm start` on an empty data dir, no GitHub configuration, no network: returns the served project list. */
async function startFresh(dataDir: string): Promise<ProjectJson[]> {
  // Any attempt to reach GitHub fails at once instead of waiting on DNS.
  const server = await startServeProcess({
    MAGNOLIA_DATA_DIR: dataDir,
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_URL: 'http://127.0.0.1:9',
  });
  try {
    const body = (await (await fetch(`${server.url}/api/projects`)).json()) as { projects: ProjectJson[] };
    return body.projects;
  } finally {
    await server.stop();
  }
}

describe('the offline demo community', () => {
  const dirs = [1, 2].map(() => mkdtempSync(path.join(tmpdir(), 'magnolia-demo-')));
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('is seeded by `serve` on an empty data dir without network, deterministically', async () => {
    const first = await startFresh(dirs[0]!);
    expect(first.length).toBeGreaterThanOrEqual(6);
    for (const p of first) {
      expect(p.commitCount).toBeGreaterThanOrEqual(20);
      expect(p.contributorCount).toBeGreaterThanOrEqual(3);
      expect(p.headSha).toMatch(/^[0-9a-f]{40}$/);
    }
    expect(new Set(first.map((p) => p.domain)).size).toBeGreaterThanOrEqual(4);
    const second = await startFresh(dirs[1]!);
    const key = (ps: ProjectJson[]) => ps.map((p) => `${p.fullName}@${p.headSha}:${p.commitCount}`).sort();
    expect(key(second)).toEqual(key(first));
  });
});
