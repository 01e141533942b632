// The storage floor: the same delivery and job rows inserted into better-sqlite3 one delivery per transaction,
// with the same schema and durability settings (WAL, synchronous = FULL) as Magnolia.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/open-database.ts';
import { makePushPayload } from './make-payload.ts';

/** Inserts `count` deliveries one per transaction; returns deliveries per second. */
export function measureStorageFloor(count: number): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'magnolia-floor-'));
  const db = openDatabase(path.join(dir, 'floor.sqlite'));
  const insertDelivery = db.prepare(
    `INSERT INTO deliveries (id, event, action, repository_id, payload, status, received_at)
     VALUES (?, 'push', NULL, 424242, ?, 'queued', ?)`,
  );
  const insertJob = db.prepare(
    `INSERT INTO jobs (kind, subject, queue_key, state, run_at, created_at) VALUES ('delivery', ?, 'repo:424242', 'pending', ?, ?)`,
  );
  const one = db.transaction((id: string, payload: Buffer) => {
    const now = Date.now();
    insertDelivery.run(id, payload, new Date(now).toISOString());
    insertJob.run(id, now, now);
  });
  const payloads = Array.from({ length: 200 }, (_, i) => Buffer.from(makePushPayload(i)));
  const started = performance.now();
  for (let i = 0; i < count; i += 1) one(`floor-${i}`, payloads[i % payloads.length]!);
  const rate = (count / (performance.now() - started)) * 1000;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return rate;
}
