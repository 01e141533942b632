import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftManifest } from '../../content/draft/draft-types.ts';
import { runGit } from '../../kernel/git/run-git.ts';
import { buildRevision } from '../../sync/proposals/build-revision.ts';
import { computeDrift } from '../../sync/review/drift/compute-drift.ts';
import type { DriftReport } from '../../sync/review/drift/drift-report.ts';
import { readSourceChanges } from '../../sync/review/drift/read-source-changes.ts';
import { ALICE, BOB, createFixtureRepo, type FixtureRepo } from '../draft/fixture-repo.ts';
import { revisionRequest } from '../support/revision-request.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

const EN = [
  '# Relay',
  '',
  '## Wire',
  '',
  'A relay MUST send frames in network byte order.',
  '',
  '## Retries',
  '',
  'A client SHOULD retry a lost frame after one second.',
  '',
  '## Limits',
  '',
  'A frame MUST be at most 64 KiB long.',
  '',
].join('\n');
const ZH = ['# 中继', '', '## 重试', '', '客户端宜（SHOULD）在一秒后重试丢失的帧。', ''].join('\n');

/** The pinned revision's manifest, and a function that reads the drift of the repository's head against it. */
async function pinned(repo: FixtureRepo, files: string[]) {
  const built = await buildRevision(revisionRequest(repo.dir, files));
  const manifest = JSON.parse(built.manifestJson) as DraftManifest;
  const drift = async (): Promise<DriftReport> => {
    const head = (await runGit(['rev-parse', 'HEAD'], { cwd: repo.dir })).stdout.toString('utf8').trim();
    const changes = await readSourceChanges(runGit, repo.dir, built.commitSha, head, files);
    return computeDrift({
      number: 'MP-2026-001',
      rev: 0,
      manifest,
      pinnedCommit: built.commitSha,
      headCommit: head,
      branch: 'main',
      changes,
      at: '2026-12-01T00:00:00Z',
    });
  };
  const clause = (words: string) => manifest.clauses.find((c) => c.kind !== 'clause' && c.text.includes(words))!;
  return { drift, clause };
}

describe('upstream drift under a pinned revision', () => {
  it('names the clauses a push edited and the strength changes, English and Chinese', async () => {
    const repo = await createFixtureRepo();
    await repo.write('spec.md', EN);
    await repo.write('zh.md', ZH);
    await repo.write('README.md', 'readme\n');
    await repo.commit(ALICE, '2025-01-01T00:00:00Z', 'first');
    const { drift, clause } = await pinned(repo, ['spec.md', 'zh.md']);
    // Two commits: one edits the retry rule's strength, one the Chinese file; the limits are untouched.
    await repo.write('spec.md', EN.replace('A client SHOULD retry', 'A client MUST retry'));
    await repo.commit(BOB, '2025-02-01T00:00:00Z', 'retries are required');
    await repo.write('zh.md', ZH.replace('客户端宜（SHOULD）', '客户端应（MUST）'));
    await repo.commit(BOB, '2025-02-02T00:00:00Z', '重试为必须');
    const report = await drift();
    expect(report.drifted).toBe(true);
    expect(report.changedFiles).toEqual([
      { path: 'spec.md', status: 'modified', newPath: null, added: 1, removed: 1 },
      { path: 'zh.md', status: 'modified', newPath: null, added: 1, removed: 1 },
    ]);
    const retry = clause('retry a lost frame');
    const zh = clause('重试丢失的帧');
    expect(report.clauses.map((c) => [c.clauseId, c.change, c.lines])).toEqual([
      [retry.id, 'edited', [9, 9]],
      [zh.id, 'edited', [5, 5]],
    ]);
    expect(report.strengthChanges.map((s) => [s.clauseId, s.from, s.to])).toEqual([
      [retry.id, 'should', 'shall'],
      [zh.id, 'should', 'shall'],
    ]);
  });

  it('says a deleted pinned file removed its clauses, and finds no drift when only other files changed', async () => {
    const repo = await createFixtureRepo();
    await repo.write('spec.md', EN);
    await repo.write('zh.md', ZH);
    await repo.commit(ALICE, '2025-01-01T00:00:00Z', 'first');
    const { drift, clause } = await pinned(repo, ['spec.md', 'zh.md']);
    await repo.write('README.md', 'a new readme\n');
    await repo.commit(BOB, '2025-02-01T00:00:00Z', 'docs only');
    expect(await drift()).toMatchObject({ drifted: false, changedFiles: [], clauses: [], strengthChanges: [] });
    await runGit(['rm', '-q', '--', 'zh.md'], { cwd: repo.dir });
    await repo.commit(BOB, '2025-02-03T00:00:00Z', 'drop the Chinese file');
    const report = await drift();
    expect(report.changedFiles.map((f) => [f.path, f.status])).toEqual([['zh.md', 'deleted']]);
    expect(report.clauses.find((c) => c.clauseId === clause('重试丢失的帧').id)?.change).toBe('removed');
    expect(report.clauses.every((c) => c.path === 'zh.md')).toBe(true);
  });
});

// The demo's MP-2026-001 is pinned at nimbus 1.1.0, whose main branch has moved on (the amendment proposal drafts
// it); MP-2026-003 is pinned at the head of main.
describe('the drift API on the demo', () => {
  let app: TestInstance;
  beforeAll(async () => {
    app = await startTestInstance({ env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_DEMO_PROPOSALS: 'on' } });
  }, 180_000);
  afterAll(() => app?.destroy());

  it('reports drift from the mirror for a proposal pinned behind the default branch, none at its head', async () => {
    const behind = (await (await fetch(`${app.url}/api/proposals/MP-2026-001/drift`)).json()) as DriftReport;
    expect(behind).toMatchObject({ number: 'MP-2026-001', rev: 1, branch: 'main', drifted: true });
    expect(behind.changedFiles.map((f) => f.path)).toEqual(['spec/placement.md']);
    expect(behind.clauses.length).toBeGreaterThan(0);
    expect(behind.headCommit).not.toBe(behind.pinnedCommit);
    const current = (await (await fetch(`${app.url}/api/proposals/MP-2026-003/drift`)).json()) as DriftReport;
    expect(current).toMatchObject({ drifted: false, clauses: [] });
    expect(app.store.drift.get('MP-2026-001')?.head_commit).toBe(behind.headCommit);
    const missing = await fetch(`${app.url}/api/proposals/MP-2099-001/drift`);
    expect(missing.status).toBe(404);
  });
});
