import { afterEach, describe, expect, it } from 'vitest';
import { sendDelivery } from '../support/send-delivery.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

const repo = { id: 700, name: 'queue', full_name: 'acme/queue', owner: { login: 'acme' } };
const member = {
  id: 700,
  owner: 'acme',
  name: 'queue',
  domain: null,
  cloneUrl: null,
  registeredAt: '2026-01-01T00:00:00Z',
};

describe('the durable job queue', () => {
  let app: TestInstance | undefined;
  afterEach(async () => {
    await app?.destroy();
    app = undefined;
  });

  it('takes again, after a restart, a job whose worker crashed mid-way (lease expired)', async () => {
    app = await startTestInstance();
    app.store.repositories.register(member);
    const sent = await sendDelivery(app.url, 'release', {
      action: 'published',
      release: { id: 77, tag_name: 'v1.0.0', name: 'One' },
      repository: repo,
    });
    // A worker claims the job and dies before finishing: the job stays `running` with a lease.
    const claimed = app.store.jobs.claim(app.clock.now(), 60_000, []);
    expect(claimed?.subject).toBe(sent.id);
    const { dataDir, clock } = app;
    await app.close();

    // Restart on the same data dir, before the lease ran out: nobody may take it yet.
    app = await startTestInstance({ dataDir, clock });
    expect(await app.worker.drain()).toBe(0);
    expect(app.store.deliveries.get(sent.id)?.status).toBe('queued');

    // After the lease: processed, exactly once in effect.
    clock.advance(61_000);
    // The delivery, then the git fetch it asked for (which fails: nothing listens at the test's GITHUB_URL), and the
    // evaluation the restart queued for a member without a maturity result (issue 13, item 1).
    expect(await app.worker.drain()).toBe(3);
    expect(app.store.deliveries.get(sent.id)?.status).toBe('processed');
    expect(app.store.jobs.get(claimed!.id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(app.store.releases.get(77)).toMatchObject({ tag_name: 'v1.0.0', name: 'One' });
  });

  it('retries with exponential backoff and dead-letters with the last error', async () => {
    app = await startTestInstance();
    app.store.repositories.register(member);
    app.store.db.exec(
      `CREATE TRIGGER refuse BEFORE INSERT ON releases BEGIN SELECT RAISE(ABORT, 'store is broken'); END`,
    );
    const sent = await sendDelivery(app.url, 'release', {
      action: 'published',
      release: { id: 78, tag_name: 'v2.0.0' },
      repository: repo,
    });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      expect(await app.worker.drain()).toBe(1);
      const job = app.store.db.prepare(`SELECT * FROM jobs WHERE subject = ?`).get(sent.id) as {
        state: string;
        run_at: number;
      };
      if (job.state === 'dead') break;
      delays.push(job.run_at - app.clock.now());
      // Not yet due: nothing runs.
      expect(await app.worker.drain()).toBe(0);
      app.clock.advance(job.run_at - app.clock.now());
    }
    const delivery = app.store.deliveries.get(sent.id)!;
    expect(delivery).toMatchObject({ status: 'dead', attempts: 8 });
    expect(delivery.last_error).toContain('store is broken');
    expect(delays).toHaveLength(7);
    for (let i = 1; i < delays.length; i += 1) expect(delays[i]!).toBeGreaterThan(delays[i - 1]!);
    expect(app.store.jobs.counts().dead).toBe(1);
  });

  it('runs one job at a time per repository', async () => {
    app = await startTestInstance();
    app.store.repositories.register(member);
    const a = await sendDelivery(app.url, 'star', { action: 'created', repository: { ...repo, stargazers_count: 1 } });
    const b = await sendDelivery(app.url, 'star', { action: 'created', repository: { ...repo, stargazers_count: 2 } });
    const c = await sendDelivery(app.url, 'ping', { zen: 'other' });
    const first = app.store.jobs.claim(app.clock.now(), 60_000, []);
    const second = app.store.jobs.claim(app.clock.now(), 60_000, []);
    const third = app.store.jobs.claim(app.clock.now(), 60_000, []);
    // The first job of the repository holds its key; the next job taken is the unrelated ping.
    expect(first?.subject).toBe(a.id);
    expect(second?.subject).toBe(c.id);
    expect(third).toBeUndefined();
    app.store.jobs.complete(first!.id, app.clock.now());
    expect(app.store.jobs.claim(app.clock.now(), 60_000, [])?.subject).toBe(b.id);
  });

  it('coalesces pending jobs of the same kind and subject', async () => {
    app = await startTestInstance();
    const now = app.clock.now();
    const one = app.store.jobs.enqueue({ kind: 'fetch', subject: '700', queueKey: 'repo:700', runAt: now + 5000 });
    const two = app.store.jobs.enqueue({ kind: 'fetch', subject: '700', queueKey: 'repo:700', runAt: now });
    expect(two).toBe(one);
    expect(app.store.jobs.get(one)?.run_at).toBe(now);
    // Once it runs, a new push makes a new pending job (the running fetch may have missed the new commits).
    app.store.jobs.claim(now, 60_000, []);
    const three = app.store.jobs.enqueue({ kind: 'fetch', subject: '700', queueKey: 'repo:700', runAt: now });
    expect(three).not.toBe(one);
  });

  it('prunes done jobs after a week and dead ones after a month', async () => {
    app = await startTestInstance();
    const now = app.clock.now();
    const done = app.store.jobs.enqueue({ kind: 'x', subject: 'done', queueKey: 'k1', runAt: now });
    const dead = app.store.jobs.enqueue({ kind: 'x', subject: 'dead', queueKey: 'k2', runAt: now });
    app.store.jobs.complete(done, now);
    app.store.jobs.bury(dead, 'broken', now);
    const day = 86_400_000;
    expect(app.store.jobs.pruneFinished(now - 7 * day, now - 30 * day)).toBe(0);
    expect(app.store.jobs.pruneFinished(now + 1, now - 30 * day)).toBe(1);
    expect(app.store.jobs.get(dead)?.state).toBe('dead');
    expect(app.store.jobs.pruneFinished(now + 1, now + 1)).toBe(1);
  });

  it('empties the payloads of old finished deliveries, keeping their records and failed ones', async () => {
    app = await startTestInstance();
    const done = await sendDelivery(app.url, 'ping', { zen: 'old' });
    await app.worker.drain();
    const later = new Date(app.clock.now() + 31 * 86_400_000).toISOString();
    expect(app.store.deliveries.prunePayloads(later)).toBe(1);
    expect(app.store.deliveries.get(done.id)).toMatchObject({ status: 'processed', payload: Buffer.alloc(0) });
    expect(app.store.deliveries.prunePayloads(later)).toBe(0);
  });

  it('processes deliveries in the background once started', async () => {
    app = await startTestInstance({ startWorker: true });
    const sent = await sendDelivery(app.url, 'ping', { zen: 'background' });
    for (let i = 0; i < 100 && app.store.deliveries.get(sent.id)?.status !== 'processed'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(app.store.deliveries.get(sent.id)?.status).toBe('processed');
  });
});
