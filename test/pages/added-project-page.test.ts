// Issue 13, items 1-5, 11-13: a project added with `project add` (the real CLI, a local bare upstream, GitHub
// unreachable) as a reader then sees it on the running portal.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineEnv, temporaryDataDir } from '../support/offline-env.ts';
import { runCli } from '../support/run-cli.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { ALICE_ALIAS, CAROL_MAILMAPPED, createReaderUpstream, visibleText } from './reader-upstream.ts';

describe('a project added with `project add`, as a reader sees it', () => {
  const dataDir = temporaryDataDir('added-project');
  const env = offlineEnv(dataDir);
  let app: TestInstance;
  let evaluatedByAdd = 0;
  const page = async (url: string): Promise<string> => visibleText(await (await fetch(`${app.url}${url}`)).text());

  beforeAll(async () => {
    const upstream = createReaderUpstream();
    const added = await runCli(
      ['project', 'add', 'acme/codec', '--clone-url', upstream.bare, '--domain', 'iot-edge'],
      env,
    );
    expect(added.code, added.stderr).toBe(0);
    // Item 1: the evaluation follows the backfill inside `project add`, before any server or timer ran.
    const db = new Database(path.join(dataDir, 'magnolia.sqlite'), { readonly: true });
    try {
      evaluatedByAdd = db.prepare('SELECT count(*) FROM maturity_results').pluck().get() as number;
    } finally {
      db.close();
    }
    app = await startTestInstance({ dataDir });
  }, 120_000);
  afterAll(() => app?.close());

  it('is evaluated by `project add` itself: its page never says "not evaluated"', async () => {
    expect(evaluatedByAdd).toBe(1);
    const text = await page('/projects/acme/codec?lang=en');
    expect(text).not.toContain('has not been evaluated yet');
    expect(text).toContain('Maturity ladder');
  });

  it('shows unknown GitHub facts as unknown with the reason, tags as releases, and the detected licence', async () => {
    const text = await page('/projects/acme/codec?lang=en');
    expect(text).toMatch(/Stars unknown \(GitHub metadata not read\)/);
    expect(text).not.toMatch(/Stars 0\b/);
    expect(text).not.toContain('No releases yet');
    expect(text).toContain('GitHub’s releases are unknown: these are the mirror’s version tags.');
    // The newest tag first, in version order (v0.24.0, not v0.9.0 sorted as text).
    expect(text).toMatch(/Release Date v0\.24\.0 .+ v0\.23\.0/);
    expect(text).toContain('Apache-2.0 (detected in LICENSE)');
    // The reason in the reader's language, the technical detail apart.
    expect(text).toContain('GitHub metadata is not available: GitHub API unreachable at http://127.0.0.1:9.');
    expect(text).toMatch(/Technical detail: \S/);
    const zh = await page('/projects/acme/codec?lang=zh-CN');
    expect(zh).toContain('GitHub 元数据不可用：无法连接 GitHub API（http://127.0.0.1:9）。');
    expect(zh).toContain('技术细节：');
    expect(zh).toContain('Apache-2.0（从 LICENSE 识别）');
    expect(zh).not.toMatch(/要求 = true|needs|GitHub API unreachable/);
  });

  it('leaves merge commits out of the DCO share and says so', async () => {
    const text = await page('/projects/acme/codec?lang=en');
    expect(text).toMatch(/DCO sign-offs Pass 100% .*of \d+ commits signed off \(\d+ merge commits? not counted/);
    expect(text).toMatch(/[0-9a-f]{7} is a merge commit: not counted/);
  });

  it('names each person by the name on most of their commits, the mailmap winning', async () => {
    const text = await page('/projects/acme/codec?lang=en');
    expect(text).toMatch(/Top contributors Alice Zhang \d+ commits/);
    expect(text).toContain(CAROL_MAILMAPPED);
    expect(text).not.toContain(ALICE_ALIAS.name);
  });

  it('reconstructs the history of git signals from the mirror and says since when API signals are observed', async () => {
    const text = await page('/projects/acme/codec?lang=en');
    expect(text).toMatch(/Age Pass \d+ days .*History reconstructed from the mirror back to/);
    expect(text).toMatch(/Median time to first response Unknown .*Observed since/);
    const history = (await (
      await fetch(`${app.url}/api/projects/acme/codec/maturity/history?signal=activity.age`)
    ).json()) as {
      observations: { observedAt: string }[];
    };
    const first = Math.min(...history.observations.map((o) => Date.parse(o.observedAt)));
    // At least the longest sustain period (90 days) before the first evaluation.
    expect(app.clock.now() - first).toBeGreaterThan(90 * 86_400_000);
  });

  it('counts in words: no "1 commits", no "1 files"', async () => {
    for (const lang of ['en', 'zh-CN']) {
      const text = await page(`/projects/acme/codec?lang=${lang}`);
      expect(text).not.toMatch(/\b1 (commits|files|contributors|items|tags|releases)\b/);
    }
  });

  it('names a domain added with --domain, and as the administrator names it, in both languages', async () => {
    expect(await page('/projects/acme/codec?lang=en')).toMatch(/Domain Iot edge/);
    expect(await page('/projects?lang=en')).not.toContain('iot-edge');
    const named = await runCli(
      ['domain', 'name', 'iot-edge', '--en', 'IoT edge computing', '--zh', '物联网边缘计算'],
      env,
    );
    expect(named.code, named.stderr).toBe(0);
    await app.close();
    app = await startTestInstance({ dataDir });
    expect(await page('/projects/acme/codec?lang=en')).toMatch(/Domain IoT edge computing/);
    expect(await page('/projects/acme/codec?lang=zh-CN')).toMatch(/领域 物联网边缘计算/);
    expect(await page('/projects?lang=zh-CN')).not.toContain('iot-edge');
  });
});
