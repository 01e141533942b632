import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalDrift } from '../../sync/review/drift/drift-service.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

// The demo's MP-2026-001 is pinned at nimbus 1.1.0, whose main branch has moved on (the amendment proposal drafts
// it); MP-2026-003 is pinned at the head of main. The drift job runs after the seeding and after every fetch.
let app: TestInstance;
beforeAll(async () => {
  app = await startTestInstance({ env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_DEMO_PROPOSALS: 'on' } });
  await app.worker.drain();
}, 180_000);
afterAll(() => app?.destroy());

describe('upstream drift of the demo proposals', () => {
  it('is computed from the mirror after the seeding: drift behind the default branch, none at its head', async () => {
    expect(app.store.drift.get('MP-2026-001')).toBeDefined();
    const behind = (await (await fetch(`${app.url}/api/proposals/MP-2026-001/drift`)).json()) as ProposalDrift;
    expect(behind).toMatchObject({ number: 'MP-2026-001', rev: 1, branch: 'main', drifted: true });
    expect(behind.changedFiles.map((f) => [f.path, f.status])).toEqual([['spec/placement.md', 'modified']]);
    expect(behind.clauses.length).toBeGreaterThan(0);
    expect(behind.headCommit).not.toBe(behind.pinnedCommit);
    expect(app.store.drift.get('MP-2026-001')?.head_commit).toBe(behind.headCommit);
    const current = (await (await fetch(`${app.url}/api/proposals/MP-2026-003/drift`)).json()) as ProposalDrift;
    expect(current).toMatchObject({ drifted: false, clauses: [], strengthChanges: [] });
    expect((await fetch(`${app.url}/api/proposals/MP-2099-001/drift`)).status).toBe(404);
  });

  it('shows on the proposal page with links to the clauses it touches', async () => {
    const behind = (await (await fetch(`${app.url}/api/proposals/MP-2026-001/drift`)).json()) as ProposalDrift;
    const html = await (await fetch(`${app.url}/proposals/MP-2026-001?lang=en`)).text();
    expect(html).toContain('<h2 id="drift-title">Upstream drift</h2>');
    expect(html).toContain(`href="/proposals/MP-2026-001/01#${behind.clauses[0]!.clauseId}"`);
    expect(html).toContain('spec/placement.md');
    const none = await (await fetch(`${app.url}/proposals/MP-2026-003?lang=en`)).text();
    expect(none).not.toContain('id="drift-title"');
  });
});
