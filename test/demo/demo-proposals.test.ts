import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

// The offline demo carries its proposals through the workflow when it is seeded: a newcomer sees every stage,
// with real revisions generated from the demo projects' specs.
let app: TestInstance;
beforeAll(async () => {
  app = await startTestInstance({ env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_DEMO_PROPOSALS: 'on' } });
}, 180_000);
afterAll(() => app?.destroy());

type Proposal = {
  number: string;
  project: string;
  state: string;
  revisions: { rev: number; status: string; commit: string | null }[];
  history: { action: string; at: string }[];
  period: { kind: string; endsAt: string } | null;
};
const get = async (number: string) => (await (await fetch(`${app.url}/api/proposals/${number}`)).json()) as Proposal;

describe('the demo proposals', () => {
  it('are seeded in every stage a newcomer should see, with ready revisions', async () => {
    const list = (await (await fetch(`${app.url}/api/proposals`)).json()) as { proposals: Proposal[] };
    const stages = Object.fromEntries(list.proposals.map((p) => [p.number, p.state]));
    expect(app.logs()).not.toContain('demo proposal could not be carried through');
    expect(Object.values(stages).sort()).toEqual(['draft', 'public-comment', 'published', 'technical-review']);
    for (const summary of list.proposals) {
      const p = await get(summary.number);
      expect(p.revisions.length).toBeGreaterThan(0);
      expect(p.revisions.every((r) => r.status === 'ready' && /^[0-9a-f]{40}$/.test(r.commit ?? ''))).toBe(true);
    }
  });

  it('dates the steps before the seeding, so the comment period is still open', async () => {
    const list = (await (await fetch(`${app.url}/api/proposals?stage=public-comment`)).json()) as {
      proposals: Proposal[];
    };
    const open = await get(list.proposals[0]!.number);
    expect(open.period?.kind).toBe('comment');
    expect(Date.parse(open.period!.endsAt)).toBeGreaterThan(app.clock.now());
    const published = (await (await fetch(`${app.url}/api/proposals?stage=published`)).json()) as {
      proposals: Proposal[];
    };
    const p = await get(published.proposals[0]!.number);
    expect(p.history.map((h) => h.action)).toEqual(
      expect.arrayContaining(['create', 'submit', 'open-comment', 'pass-review', 'publish']),
    );
    expect(new Set(p.revisions.map((r) => r.commit)).size).toBe(2);
    expect(p.history.every((h) => Date.parse(h.at) < app.clock.now())).toBe(true);
  });

  it('carries public comment: answered comments on the published standard, open ones on the draft for comment', async () => {
    type Table = {
      complete: boolean;
      counts: Record<string, number>;
      rows: { clauseNumber: string; comment: string }[];
    };
    const table = async (stage: string) => {
      const list = (await (await fetch(`${app.url}/api/proposals?stage=${stage}`)).json()) as { proposals: Proposal[] };
      return (await (await fetch(`${app.url}/api/proposals/${list.proposals[0]!.number}/resolution`)).json()) as Table;
    };
    const published = await table('published');
    expect(published).toMatchObject({
      complete: true,
      counts: { accepted: 2, 'partially-accepted': 1, rejected: 0, noted: 1, open: 0 },
    });
    expect(published.rows.map((r) => r.clauseNumber)).toEqual(['5.2', '4.2.2', '7', '4.1.3']);
    const review = await table('technical-review');
    expect(review).toMatchObject({ complete: true, counts: { rejected: 1 } });
    const open = await table('public-comment');
    expect(open).toMatchObject({ complete: false, counts: { accepted: 1, open: 1 } });
  });

  it('is seeded once: a restart on the same data dir adds nothing', async () => {
    const before = app.store.proposals.count();
    await app.close();
    app = await startTestInstance({
      dataDir: app.dataDir,
      env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_DEMO_PROPOSALS: 'on' },
    });
    expect(app.store.proposals.count()).toBe(before);
  }, 120_000);
});
