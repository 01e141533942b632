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

  it('asks the editors once whether to make a new revision, and again only when what drifted changes', async () => {
    const driftRows = () =>
      app.store.db
        .prepare(
          `SELECT u.login, n.number, n.holds, n.ask FROM notifications n JOIN users u ON u.id = n.user_id
                  WHERE n.event = 'drift' ORDER BY n.id`,
        )
        .all() as { login: string; number: string; holds: number; ask: string }[];
    const of001 = () => driftRows().filter((r) => r.number === 'MP-2026-001');
    const first = of001();
    // The editors are the project's maintainers and the secretariat; the proposal at the head drifted not.
    expect(driftRows().some((r) => r.number === 'MP-2026-003')).toBe(false);
    expect(first.map((r) => r.login)).toEqual(expect.arrayContaining(['chenyu-ct', 'linqing-sec']));
    expect(first.every((r) => r.holds === 1 && JSON.parse(r.ask).code === 'notification.ask.drift')).toBe(true);
    const repositoryId = app.store.proposals.get('MP-2026-001')!.repository_id;
    // Compared again (as after a push elsewhere in the repository) with the same result: no second notice.
    app.store.db.prepare(`UPDATE proposal_drift SET head_commit = 'elsewhere' WHERE number = 'MP-2026-001'`).run();
    await app.services.drift.refreshRepository(repositoryId);
    expect(app.store.drift.get('MP-2026-001')?.head_commit).not.toBe('elsewhere');
    expect(of001()).toHaveLength(first.length);
    // What drifted differs from what was stored (fewer clauses then): the editors are told again.
    const stored = app.store.drift.get('MP-2026-001')!;
    const report = JSON.parse(stored.report_json) as ProposalDrift;
    app.store.db
      .prepare(`UPDATE proposal_drift SET head_commit = 'elsewhere', report_json = ? WHERE number = 'MP-2026-001'`)
      .run(JSON.stringify({ ...report, clauses: report.clauses.slice(1) }));
    await app.services.drift.refreshRepository(repositoryId);
    expect(of001()).toHaveLength(first.length * 2);
    const inbox = await (await fetch(`${app.url}/api/proposals/MP-2026-001/drift`)).json();
    expect(inbox).toMatchObject({ drifted: true });
  });
});
