import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open-database.ts';
import { readConfig } from '../../kernel/config/read-config.ts';
import { registerProject } from '../../sync/projects/register-project.ts';
import { createUpstreamWithHistory } from '../support/git-fixture.ts';
import { runCli } from '../support/run-cli.ts';
import { startTestInstance } from '../support/test-instance.ts';
import { offlineEnv, temporaryDataDir } from '../support/offline-env.ts';

describe('registering a project and its first backfill are one unit', () => {
  const dataDir = temporaryDataDir('first-backfill');
  const env = offlineEnv(dataDir);

  it('a failed first clone leaves nothing behind, says so and how to retry; the retry then works', async () => {
    const upstream = createUpstreamWithHistory(4, 'later');
    const missing = `${upstream.bare}.not-yet`;
    const failed = await runCli(
      ['project', 'add', 'acme/later', '--clone-url', missing, '--domain', 'quantum-networks'],
      env,
    );
    expect(failed.code).toBe(4);
    expect(failed.stderr).toContain('acme/later was not registered: the first mirror backfill failed');
    expect(failed.stderr).toContain('nothing was kept (no project, no mirror)');
    expect(failed.stderr).toMatch(
      /git clone from .*later\.git\.not-yet failed \(exit 128\): fatal: repository .* does not exist/,
    );
    expect(failed.stderr).toContain(
      `run \`npx magnolia project add acme/later --clone-url "${missing}" --domain quantum-networks\` again`,
    );
    expect((await runCli(['project', 'list'], env)).stdout).toBe('');
    const db = openDatabase(readConfig({ MAGNOLIA_DATA_DIR: dataDir, MAGNOLIA_DEMO: 'off' }).databaseFile);
    expect(db.prepare('SELECT count(*) FROM repositories').pluck().get()).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM domains WHERE slug = 'quantum-networks'`).pluck().get()).toBe(0);
    db.close();
    const mirrors = path.join(dataDir, 'mirrors');
    expect(existsSync(mirrors) ? readdirSync(mirrors) : []).toEqual([]);

    const retried = await runCli(
      ['project', 'add', 'acme/later', '--clone-url', upstream.bare, '--domain', 'quantum-networks'],
      env,
    );
    expect(retried.code).toBe(0);
    expect(retried.stderr).toContain('4 commits indexed');
    expect((await runCli(['project', 'list'], env)).stdout).toMatch(/^acme\/later\tquantum-networks\t4\t/);
  });

  it('a removed member re-added with a clone that fails is put back as it was, its mirror kept', async () => {
    const app = await startTestInstance();
    try {
      const upstream = createUpstreamWithHistory(3, 'known');
      const facts = {
        owner: 'lab',
        name: 'known',
        fullName: 'lab/known',
        nodeId: 'R_7',
        description: 'Known on GitHub',
        homepage: null,
        topics: null,
        licenseSpdx: null,
        licenseName: null,
        defaultBranch: 'main',
        visibility: 'public',
        archived: false,
        fork: false,
        stars: 1,
        forks: 0,
        watchers: 1,
        openIssues: 0,
        language: null,
        createdAt: '2025-01-01T00:00:00Z',
        pushedAt: '2026-02-01T00:00:00Z',
        githubUpdatedAt: '2026-02-01T00:00:00Z',
      };
      const deps = {
        store: app.store,
        clock: app.clock,
        lookup: async () => ({ kind: 'found' as const, id: 7007, facts }),
        fetch: app.sync.fetch,
        refreshMetadata: app.sync.refreshMetadata,
      };
      await registerProject(deps, { fullName: 'lab/known', cloneUrl: upstream.bare });
      app.store.repositories.remove(7007, '2026-06-02T00:00:00Z');
      const removed = app.store.repositories.get(7007)!;
      await expect(
        registerProject(deps, { fullName: 'lab/known', cloneUrl: `${upstream.bare}.moved` }),
      ).rejects.toMatchObject({ code: 'first_backfill_failed', kind: 'upstream' });
      expect(app.store.repositories.get(7007)).toEqual(removed);
      expect(app.store.commits.count(7007)).toBe(3);
      expect(existsSync(removed.mirror_path!)).toBe(true);
    } finally {
      await app.destroy();
    }
  });
});
