import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobWorker, type JobWorker } from '../../sync/queue/job-worker.ts';
import { createDeliveryJobHandler } from '../../sync/webhooks/delivery-job-handler.ts';
import { sendDelivery } from '../support/send-delivery.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

// A data dir on a tiny tmpfs that the test fills up. Mounting needs root (or CAP_SYS_ADMIN); elsewhere the test is
// skipped with a message saying so. Mounted in beforeAll, so a run that filters this test out mounts nothing.
let mountPoint = '';
let mountError = '';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (bounded) until `ok()`; `tick` runs between looks. */
async function until(ok: () => boolean, what: string, ms = 10_000, tick = () => {}): Promise<void> {
  for (const started = Date.now(); !ok(); await sleep(10)) {
    if (Date.now() - started > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    tick();
  }
}

/** Writes a file until the file system has no block left. */
function fill(file: string): number {
  const fd = openSync(file, 'w');
  let written = 0;
  try {
    for (const size of [1 << 20, 1 << 12, 1 << 9]) {
      const chunk = Buffer.alloc(size, 1);
      try {
        for (;;) written += writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

const issue = (repo: number, id: number) => ({
  action: 'opened',
  issue: { id, number: id, title: `Issue ${id}`, state: 'open', user: { id: 1, login: 'ann' } },
  repository: { id: repo, name: `r${repo}`, full_name: `acme/r${repo}`, owner: { login: 'acme' } },
});

describe('faults: the disk fills up under the queue and the webhook ingest', () => {
  let app: TestInstance | undefined;
  let worker: JobWorker | undefined;
  beforeAll(() => {
    mountPoint = mkdtempSync(path.join(tmpdir(), 'magnolia-tmpfs-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=12m,mode=0700', 'tmpfs', mountPoint], { stdio: 'pipe' });
    } catch (error) {
      mountError = String((error as { stderr?: Buffer }).stderr ?? error).trim() || String(error);
      rmSync(mountPoint, { recursive: true, force: true });
    }
  });
  afterAll(async () => {
    if (mountError) return;
    // Space first, so that a test that failed while full can still shut down; the mount goes in any case.
    rmSync(path.join(mountPoint, 'filler'), { force: true });
    const bounded = (work: Promise<unknown> | undefined) => Promise.race([work?.catch(() => undefined), sleep(20_000)]);
    try {
      await bounded(worker?.stop());
      await bounded(app?.close());
    } finally {
      try {
        execFileSync('umount', [mountPoint], { stdio: 'pipe' });
      } catch {
        execFileSync('umount', ['-l', mountPoint], { stdio: 'pipe' });
      }
      rmSync(mountPoint, { recursive: true, force: true });
    }
  }, 60_000);

  it('answers 503 while full, records the outcomes it could not write once space is back, keeps nothing half-written', async (ctx) => {
    if (mountError) {
      console.warn(`disk-full test skipped: cannot mount a tmpfs (needs root or CAP_SYS_ADMIN): ${mountError}`);
      ctx.skip();
    }
    const dataDir = path.join(mountPoint, 'data');
    mkdirSync(dataDir);
    app = await startTestInstance({ dataDir });
    const { store, clock } = app;
    for (const id of [720, 721])
      store.repositories.register({
        id,
        owner: 'acme',
        name: `r${id}`,
        domain: null,
        cloneUrl: null,
        registeredAt: '2026-01-01',
      });
    // The real delivery handler, held at a gate so the disk fills while two jobs are leased and running.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const deliveries = createDeliveryJobHandler({
      store,
      clock,
      log: app.sync.mirror.log,
      followUps: app.sync.followUps,
    });
    worker = createJobWorker({
      store,
      clock,
      log: app.sync.mirror.log,
      recordRetry: { baseMs: 20, maxMs: 200 },
      backoff: { baseMs: 10, maxMs: 100, maxAttempts: 8 },
      handlers: { delivery: { run: async (job) => (await gate, deliveries.run(job)), failed: deliveries.failed } },
    });

    const before = [];
    for (let i = 0; i < 20; i += 1) before.push(await sendDelivery(app.url, 'issues', issue(720 + (i % 2), 100 + i)));
    expect(before.map((d) => d.status)).toEqual(Array(20).fill(202));
    worker.start();
    await until(() => store.jobs.counts().running === 2, 'two leased jobs');

    // Full: the WAL is emptied first, so that any write needs a new block.
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const filler = path.join(mountPoint, 'filler');
    expect(fill(filler)).toBeGreaterThan(1 << 20);
    const refused = [];
    for (let i = 0; i < 5; i += 1) refused.push(await sendDelivery(app.url, 'issues', issue(720, 200 + i)));
    expect(refused.map((d) => d.status)).toEqual(Array(5).fill(503));
    expect(refused[0]!.body).toMatchObject({ error: { code: 'store_unavailable' } });

    // The two leased jobs now fail (the store cannot write) and cannot record that either: they keep retrying.
    open();
    const unrecorded = () => (app!.logs().match(/could not record the job outcome/g) ?? []).length;
    await until(() => unrecorded() === 2, 'both outcomes to be refused');
    await sleep(300);
    expect(store.jobs.counts()).toMatchObject({ running: 2, done: 0 });
    expect(app.logs()).not.toContain('delivery processed');

    rmSync(filler);
    const freedAt = Date.now();
    await until(() => store.jobs.counts().running === 0, 'the refused outcomes to be recorded');
    const recordedMs = Date.now() - freedAt;
    // Retries are due after their (test-sized) backoff; the fake clock moves them along.
    const emptied = () => store.db.prepare(`SELECT count(*) FROM jobs WHERE state != 'done'`).pluck().get() === 0;
    const advance = () => clock.advance(100);
    await until(emptied, 'the queue to empty', 20_000, advance);
    const drainedMs = Date.now() - freedAt;
    // GitHub redelivers what got a 503.
    for (const [i, d] of refused.entries()) {
      expect((await sendDelivery(app.url, 'issues', issue(720, 200 + i), { id: d.id })).status).toBe(202);
    }
    await until(emptied, 'the redeliveries to be processed', 20_000, advance);
    console.log(
      `disk full: ${JSON.stringify({ acceptedBefore: 20, refusedWhileFull: refused.length, recordedAfterSpaceMs: recordedMs, drainedMs })}`,
    );

    const all = store.db.prepare(`SELECT id, status FROM deliveries`).all() as { id: string; status: string }[];
    expect(all).toHaveLength(25);
    expect(all.every((d) => d.status === 'processed')).toBe(true);
    // Nothing half-written: every delivery has its one job and every delivery job its delivery, the file is whole.
    const orphans = store.db
      .prepare(
        `SELECT (SELECT count(*) FROM jobs WHERE kind = 'delivery' AND subject NOT IN (SELECT id FROM deliveries))
              + (SELECT count(*) FROM deliveries d WHERE (SELECT count(*) FROM jobs WHERE kind = 'delivery' AND subject = d.id) != 1)`,
      )
      .pluck()
      .get();
    expect(orphans).toBe(0);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.jobs.counts()).toMatchObject({ pending: 0, running: 0, dead: 0 });
    expect((app.logs().match(/delivery processed/g) ?? []).length).toBe(25);
    expect(
      readdirSync(dataDir).filter((f) => !/^magnolia\.sqlite(-wal|-shm)?$|^search$|^session-secret$/.test(f)),
    ).toEqual([]);
  }, 90_000);
});
