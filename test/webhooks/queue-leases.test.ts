import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createJobWorker } from '../../sync/queue/job-worker.ts';
import { currentProcessOwner, type QueueOwnerIdentity } from '../../sync/queue/queue-owner.ts';
import { createDeliveryJobHandler } from '../../sync/webhooks/delivery-job-handler.ts';
import { sendDelivery } from '../support/send-delivery.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

const repository = { id: 710, name: 'leases', full_name: 'acme/leases', owner: { login: 'acme' } };
const member = { id: 710, owner: 'acme', name: 'leases', domain: null, cloneUrl: null, registeredAt: '2026-01-01' };
const issue = (id: number) => ({
  action: 'opened',
  issue: { id, number: id, title: `Issue ${id}`, state: 'open', user: { id: 1, login: 'ann' } },
  repository,
});

/** The pid of a process that has exited (and been reaped). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

/** Records `identity` as a queue owner and leases the next job to it, as that process's worker would have. */
function leaseAs(app: TestInstance, identity: QueueOwnerIdentity, heartbeatAt = app.clock.now()) {
  app.store.queueOwners.register({
    id: identity.id,
    host: identity.host,
    pid: identity.pid,
    process_started: identity.processStarted,
    started_at: heartbeatAt,
  });
  return app.store.jobs.claim(app.clock.now(), 30_000, [], identity.id);
}

const waitFor = async (what: () => boolean, ms = 5_000): Promise<void> => {
  for (let waited = 0; !what(); waited += 20) {
    if (waited > ms) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('queue leases: owners, renewal, recovery', () => {
  let app: TestInstance | undefined;
  let sibling: ChildProcess | undefined;
  afterEach(async () => {
    sibling?.kill('SIGKILL');
    sibling = undefined;
    await app?.destroy();
    app = undefined;
  });

  it('takes back at once, at restart, the leases of a worker whose process was killed', async () => {
    app = await startTestInstance();
    app.store.repositories.register(member);
    const sent = await sendDelivery(app.url, 'issues', issue(1));
    const self = currentProcessOwner();
    const claimed = leaseAs(app, { ...self, id: 'killed/1', pid: await deadPid() });
    expect(claimed).toMatchObject({ subject: sent.id, owner: 'killed/1', state: 'running' });
    const { dataDir, clock } = app;
    await app.close();

    // Restarted on the same data dir, well within the 30 s lease, and the clock has not moved at all.
    app = await startTestInstance({ dataDir, clock });
    // The delivery taken back, and the evaluation the restart queued for a member without a result (issue 13).
    expect(await app.worker.drain()).toBe(2);
    expect(app.store.deliveries.get(sent.id)?.status).toBe('processed');
    expect(app.store.jobs.get(claimed!.id)).toMatchObject({ state: 'done', attempts: 2, owner: null });
    expect(app.store.queueOwners.get('killed/1')?.stopped_at).toBe(clock.now());
    expect(app.logs()).toContain('took back the job leases of a worker that is gone');
  });

  it('takes back the leases of an earlier process with the same pid (PID 1 in a restarted container)', async () => {
    app = await startTestInstance();
    app.store.repositories.register(member);
    await sendDelivery(app.url, 'issues', issue(2));
    const self = currentProcessOwner();
    leaseAs(app, { ...self, id: 'earlier/1', processStarted: self.processStarted - 60_000 });
    expect(await app.worker.drain()).toBe(1);
    expect(app.store.jobs.counts()).toMatchObject({ running: 0, done: 1 });
  });

  it('leaves alone the leases of a live process on the same data dir until it dies, then takes them at once', async () => {
    app = await startTestInstance();
    app.store.repositories.register(member);
    const sent = await sendDelivery(app.url, 'issues', issue(3));
    // Another process (a `serve` beside this one): alive, with a fresh heartbeat.
    sibling = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    const claimed = leaseAs(app, { ...currentProcessOwner(), id: 'sibling/1', pid: sibling.pid! });
    expect(await app.worker.drain()).toBe(0);
    expect(app.store.jobs.get(claimed!.id)).toMatchObject({ state: 'running', owner: 'sibling/1' });

    sibling.kill('SIGKILL');
    await new Promise((resolve) => sibling!.on('exit', resolve));
    // A second worker starting now (a restart) sees the process gone: no wait for the lease.
    const next = createJobWorker({
      store: app.store,
      clock: app.clock,
      log: app.sync.mirror.log,
      handlers: { delivery: createDeliveryJobHandler({ ...app.sync.mirror, followUps: app.sync.followUps }) },
    });
    expect(await next.drain()).toBe(1);
    expect(app.store.deliveries.get(sent.id)?.status).toBe('processed');
  });

  it('lets a silent owner on another host keep its lease only until the lease runs out', async () => {
    app = await startTestInstance();
    app.store.repositories.register(member);
    await sendDelivery(app.url, 'issues', issue(4));
    leaseAs(app, { id: 'elsewhere/7', host: 'another-host', pid: process.pid, processStarted: 1 });
    expect(await app.worker.drain()).toBe(0);
    app.clock.advance(30_001);
    expect(await app.worker.drain()).toBe(1);
    expect(app.store.jobs.counts()).toMatchObject({ running: 0, done: 1 });
  });

  it('renews the lease while a long job runs, so a short lease never frees a live job', async () => {
    app = await startTestInstance();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const worker = createJobWorker({
      store: app.store,
      clock: app.clock,
      log: app.sync.mirror.log,
      leaseMs: 900,
      handlers: { slow: { run: () => gate } },
    });
    const id = app.store.jobs.enqueue({ kind: 'slow', subject: 'x', queueKey: 'k', runAt: app.clock.now() });
    const draining = worker.drain();
    await waitFor(() => app!.store.jobs.get(id)?.state === 'running');
    // Far past the first lease; the next beat (every 300 ms) renews it from the current time.
    app.clock.advance(10_000);
    await waitFor(() => app!.store.jobs.get(id)!.lease_until! > app!.clock.now());
    const other = createJobWorker({
      store: app.store,
      clock: app.clock,
      log: app.sync.mirror.log,
      owner: { ...currentProcessOwner(), id: 'other/1' },
      handlers: { slow: { run: () => undefined } },
    });
    expect(await other.drain()).toBe(0);
    // Found silent by another process (a stalled event loop) and marked stopped: its next beat says it is alive.
    app.store.queueOwners.markStopped(worker.ownerId, app.clock.now());
    await waitFor(() => app!.store.queueOwners.get(worker.ownerId)?.stopped_at === null);
    release();
    expect(await draining).toBe(1);
    expect(app.store.jobs.get(id)).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('records an outcome the store refused once it takes writes again, without running the job twice', async () => {
    app = await startTestInstance();
    app.store.repositories.register(member);
    const runs: number[] = [];
    const handler = createDeliveryJobHandler({ ...app.sync.mirror, followUps: app.sync.followUps });
    const worker = createJobWorker({
      store: app.store,
      clock: app.clock,
      log: app.sync.mirror.log,
      recordRetry: { baseMs: 5, maxMs: 20 },
      handlers: { delivery: { run: (job) => (runs.push(job.id), handler.run(job)) } },
    });
    // The store refuses to end jobs, as a full disk refuses every write.
    app.store.db.exec(`CREATE TRIGGER refuse_done BEFORE UPDATE OF state ON jobs WHEN new.state = 'done'
      BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    const sent = await sendDelivery(app.url, 'issues', issue(5));
    worker.start();
    await waitFor(() => app!.logs().includes('could not record the job outcome'));
    // Long past the lease: the job must still not run again in this process, and nothing else of its key runs.
    app.clock.advance(120_000);
    const second = await sendDelivery(app.url, 'issues', issue(6));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runs).toHaveLength(1);
    expect(app.store.deliveries.get(second.id)?.status).toBe('queued');

    app.store.db.exec(`DROP TRIGGER refuse_done`);
    await waitFor(() => app!.store.deliveries.get(second.id)?.status === 'processed');
    await worker.stop();
    expect(runs).toHaveLength(2);
    expect(app.store.deliveries.get(sent.id)?.status).toBe('processed');
    expect(app.store.jobs.counts()).toMatchObject({ running: 0, pending: 0, dead: 0 });
  });

  it('logs "delivery processed" only when the processing transaction committed', async () => {
    app = await startTestInstance();
    app.store.repositories.register(member);
    // A constraint checked at COMMIT (as a full disk fails there): the processing is rolled back.
    app.store.db
      .exec(`CREATE TABLE probe (repository_id INTEGER REFERENCES repositories(id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TRIGGER fail_at_commit AFTER UPDATE OF status ON deliveries WHEN new.status = 'processed'
      BEGIN INSERT INTO probe VALUES (-424242); END`);
    const sent = await sendDelivery(app.url, 'issues', issue(7));
    expect(await app.worker.drain()).toBe(1);
    expect(app.store.deliveries.get(sent.id)).toMatchObject({ status: 'failed' });
    expect(app.store.deliveries.get(sent.id)?.last_error).toContain('FOREIGN KEY');
    expect(app.store.issues.get(7)).toBeUndefined();
    expect(app.logs()).not.toContain('delivery processed');

    app.store.db.exec(`DROP TRIGGER fail_at_commit`);
    app.clock.advance(60_000);
    expect(await app.worker.drain()).toBe(1);
    expect(app.store.deliveries.get(sent.id)?.status).toBe('processed');
    expect(app.logs().match(/delivery processed/g)).toHaveLength(1);
  });
});
