import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDelivery } from '../support/send-delivery.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

interface ExampleGroup {
  name: string;
  examples: Record<string, unknown>[];
}
const examples = createRequire(import.meta.url)(
  '@octokit/webhooks-examples/api.github.com/index.json',
) as ExampleGroup[];

// Members: repositories the examples talk about, so processors do real work instead of ignoring everything.
const MEMBERS = [
  { id: 186853002, owner: 'Codertocat', name: 'Hello-World' },
  { id: 17273051, owner: 'octo-org', name: 'octo-repo' },
  { id: 1296269, owner: 'octocat', name: 'hello-world' },
  { id: 9384267, owner: 'electron', name: 'electron' },
];

describe('every example payload of @octokit/webhooks-examples', () => {
  let app: TestInstance;
  const all = examples.flatMap((group) => group.examples.map((payload) => ({ event: group.name, payload })));

  beforeAll(async () => {
    app = await startTestInstance();
    for (const m of MEMBERS) {
      app.store.repositories.register({ ...m, domain: null, cloneUrl: null, registeredAt: '2026-01-01T00:00:00Z' });
    }
  });
  afterAll(() => app.destroy());

  it('covers the whole index (329 payloads, 58 events)', () => {
    expect(examples).toHaveLength(58);
    expect(all).toHaveLength(329);
  });

  it('answers 202 to each, and every delivery ends processed or ignored, never dead', async () => {
    // Sent 16 at a time, so concurrent deliveries share group commits as they would in a burst.
    const sent: { id: string; status: number }[] = [];
    for (let i = 0; i < all.length; i += 16) {
      const batch = await Promise.all(all.slice(i, i + 16).map((e) => sendDelivery(app.url, e.event, e.payload)));
      sent.push(...batch);
    }
    expect(sent.filter((s) => s.status !== 202)).toEqual([]);
    expect(app.store.deliveries.count()).toBe(329);

    await app.worker.drain();
    const rows = app.store.db.prepare(`SELECT status, count(*) AS n FROM deliveries GROUP BY status`).all() as {
      status: string;
      n: number;
    }[];
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    expect(Object.keys(byStatus).sort()).toEqual(['ignored', 'processed']);
    expect(byStatus.processed).toBeGreaterThan(100);
    const deliveryJobs = app.store.db
      .prepare(`SELECT state, count(*) AS n FROM jobs WHERE kind = 'delivery' GROUP BY state`)
      .all() as { state: string; n: number }[];
    expect(deliveryJobs).toEqual([{ state: 'done', n: 329 }]);
    // Pushes, releases and repository events asked for fetches and metadata refreshes (coalesced), which ask for
    // a maturity evaluation.
    const followUps = app.store.db
      .prepare(`SELECT DISTINCT kind FROM jobs WHERE kind != 'delivery' ORDER BY kind`)
      .pluck()
      .all();
    expect(followUps).toEqual(['evaluate', 'fetch', 'metadata']);
    // Each delivery has an outcome note or a clean processed status, and no error.
    const errors = app.store.db.prepare(`SELECT count(*) FROM deliveries WHERE last_error IS NOT NULL`).pluck().get();
    expect(errors).toBe(0);
  });

  it('applied the member events: releases, issues, pull requests, collaborators', () => {
    const count = (sql: string) => app.store.db.prepare(sql).pluck().get() as number;
    expect(count(`SELECT count(*) FROM releases`)).toBeGreaterThan(0);
    expect(count(`SELECT count(*) FROM issues WHERE is_pull_request = 0`)).toBeGreaterThan(0);
    expect(count(`SELECT count(*) FROM issues WHERE is_pull_request = 1`)).toBeGreaterThan(0);
    expect(count(`SELECT count(*) FROM collaborators`)).toBeGreaterThan(0);
  });

  it('keeps the worker up afterwards', async () => {
    const ping = await sendDelivery(app.url, 'ping', { zen: 'Keep it logically awesome.', hook_id: 1 });
    expect(ping.status).toBe(202);
    expect(await app.worker.drain()).toBe(1);
    expect(app.store.deliveries.get(ping.id)?.status).toBe('processed');
  });
});
