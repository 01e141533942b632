import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startServeProcess } from '../support/run-cli.ts';
import { sendDelivery, type SentDelivery } from '../support/send-delivery.ts';
import { startTestInstance, TEST_SECRET, type TestInstance } from '../support/test-instance.ts';

// GitHub waits 10 seconds for an answer and then records a timeout; a later answer is lost. A store locked for
// longer (a backup, a long CLI transaction) must get a 503 in time, so the delivery shows as failed and a
// redelivery (idempotent by delivery id) repairs it.
const ping = (n: number) => ({ zen: `locked ${n}`, hook_id: 9 });

function timed(send: () => Promise<SentDelivery>): Promise<SentDelivery & { ms: number }> {
  const started = performance.now();
  return send().then((sent) => ({ ...sent, ms: performance.now() - started }));
}

const rowsOf = (db: Database.Database, id: string): number =>
  db.prepare(`SELECT count(*) FROM deliveries WHERE id = ?`).pluck().get(id) as number;

/**
 * Locks the store from another connection, sends a burst (one batch) and a later delivery (queued behind that
 * batch's wait for the lock), expects each to be answered 503 with Retry-After well within GitHub's 10 s, releases the lock and
 * redelivers each: 202 and exactly one stored row per delivery id. Returns the delivery ids.
 */
async function lockedBurst(url: string, databaseFile: string): Promise<string[]> {
  const lock = new Database(databaseFile);
  try {
    lock.exec('BEGIN EXCLUSIVE');
    const burst = [1, 2, 3, 4, 5].map((n) => timed(() => sendDelivery(url, 'ping', ping(n))));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const late = timed(() => sendDelivery(url, 'ping', ping(6)));
    const answers = await Promise.all([...burst, late]);
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      // The store answers after one or two lock waits (3.5 s each), the deadline at 7 s at the latest; GitHub
      // gives up at 10 s. The rest is slack for a loaded test machine.
      expect(answer.ms).toBeLessThan(9_500);
      expect(answer.headers.get('retry-after')).toBe('30');
      expect(['store_unavailable', 'store_timeout']).toContain((answer.body as { error: { code: string } }).error.code);
    }
    // The portal itself still answers while the store is locked for writes.
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    lock.exec('ROLLBACK');
    for (const [i, answer] of answers.entries()) {
      const again = await sendDelivery(url, 'ping', ping(i + 1), { id: answer.id });
      expect(again.status).toBe(202);
      expect(rowsOf(lock, answer.id)).toBe(1);
    }
    return answers.map((answer) => answer.id);
  } finally {
    if (lock.inTransaction) lock.exec('ROLLBACK');
    lock.close();
  }
}

describe('a store locked longer than GitHub waits', () => {
  let app: TestInstance | undefined;
  let lock: Database.Database | undefined;
  afterEach(async () => {
    if (lock?.inTransaction) lock.exec('ROLLBACK');
    lock?.close();
    lock = undefined;
    await app?.destroy();
    app = undefined;
  });

  it('answers 503 with Retry-After before GitHub gives up to every delivery; redelivery stores each once', async () => {
    app = await startTestInstance();
    const ids = await lockedBurst(app.url, app.config.databaseFile);
    await app.worker.drain();
    for (const id of ids) expect(app.store.deliveries.get(id)?.status).toBe('processed');
  }, 30_000);

  it('does the same for `magnolia serve`, whose job worker shares the HTTP thread', async () => {
    // The worker claims jobs on the HTTP thread, where a long wait for the lock would freeze every answer. The
    // client runs in this process and the server in its own, as GitHub and Magnolia do.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'magnolia-locked-'));
    try {
      const server = await startServeProcess({
        MAGNOLIA_DATA_DIR: dataDir,
        MAGNOLIA_DEMO: 'off',
        GITHUB_WEBHOOK_SECRET: TEST_SECRET,
        GITHUB_API_URL: 'http://127.0.0.1:9',
        MAGNOLIA_RECONCILE_MINUTES: '0',
      });
      try {
        const ids = await lockedBurst(server.url, path.join(dataDir, 'magnolia.sqlite'));
        const db = new Database(path.join(dataDir, 'magnolia.sqlite'), { readonly: true });
        try {
          const statuses = () =>
            ids.map((id) => db.prepare(`SELECT status FROM deliveries WHERE id = ?`).pluck().get(id));
          await expect.poll(statuses, { timeout: 15_000 }).toEqual(ids.map(() => 'processed'));
        } finally {
          db.close();
        }
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('answers at the deadline when the commit is late, and a redelivery after the late commit is a duplicate', async () => {
    // A short deadline and busy timeout, in the same proportion as the defaults (7 s and 3.5 s).
    app = await startTestInstance({ ingestOptions: { deadlineMs: 2_500, busyTimeoutMs: 2_000 } });
    // Paid before the clock matters: the first request warms the route and the ingest thread.
    expect((await sendDelivery(app.url, 'ping', ping(0))).status).toBe(202);
    lock = new Database(app.config.databaseFile);
    lock.exec('BEGIN EXCLUSIVE');
    const instance = app;
    // A's batch waits 2 s for the lock and fails; B, queued behind it, cannot be committed before its deadline.
    const a = timed(() => sendDelivery(instance.url, 'ping', ping(1)));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const b = await timed(() => sendDelivery(instance.url, 'ping', ping(2)));
    expect(b.status).toBe(503);
    expect(b.body).toMatchObject({ error: { code: 'store_timeout' } });
    const headers = await fetch(`${app.url}/webhooks/github`, { method: 'POST' }); // reachable meanwhile
    expect(headers.status).toBe(415);
    // Released while B's batch still waits for the lock: B's commit lands after B was answered.
    lock.exec('ROLLBACK');
    const first = await a;
    expect(first.status).toBe(503);
    expect(first.ms).toBeLessThan(3_000);

    const againB = await sendDelivery(app.url, 'ping', ping(2), { id: b.id });
    expect(againB).toMatchObject({ status: 202, body: { result: 'duplicate' } });
    const againA = await sendDelivery(app.url, 'ping', ping(1), { id: first.id });
    expect(againA.status).toBe(202);
    expect(rowsOf(app.store.db, b.id)).toBe(1);
    expect(rowsOf(app.store.db, first.id)).toBe(1);
    expect(app.logs()).toContain('a delivery was committed after its deadline');
  }, 30_000);
});
