import type { Db } from '../open-database.ts';

export type JobState = 'pending' | 'running' | 'done' | 'dead';

/** One row of the durable job queue. */
export interface JobRow {
  id: number;
  kind: string;
  subject: string;
  queue_key: string;
  state: JobState;
  attempts: number;
  run_at: number;
  lease_until: number | null;
  last_error: string | null;
  created_at: number;
  finished_at: number | null;
}

/** What to enqueue: jobs with the same `queueKey` never run at the same time. */
export interface NewJob {
  kind: string;
  subject: string;
  queueKey: string;
  runAt: number;
}

/** Prepared statements of the job queue (durable, leased, one job at a time per queue key). */
export interface JobQueries {
  /** Adds a pending job, or coalesces into the pending job of the same kind and subject; returns its id. */
  enqueue(job: NewJob): number;
  /** Takes the next due job whose key is free (expired leases count as free) and leases it. */
  claim(now: number, leaseMs: number, busyKeys: readonly string[]): JobRow | undefined;
  complete(id: number, now: number): void;
  /** Puts a failed job back with a later `runAt`; when another pending job already covers it, ends this one. */
  retry(id: number, error: string, runAt: number, now: number): void;
  bury(id: number, error: string, now: number): void;
  extendLease(id: number, leaseUntil: number): void;
  get(id: number): JobRow | undefined;
  /** Earliest `run_at` of a pending job, or of a lease to expire; undefined when the queue is idle. */
  nextWakeAt(): number | undefined;
  counts(): Record<JobState, number>;
  /** Deletes done jobs finished before `doneBefore` and dead ones before `deadBefore`; returns how many. */
  pruneFinished(doneBefore: number, deadBefore: number): number;
}

/** Builds the job queue's prepared statements on `db`. */
export function createJobQueries(db: Db): JobQueries {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO jobs (kind, subject, queue_key, state, attempts, run_at, created_at)
     VALUES (@kind, @subject, @queueKey, 'pending', 0, @runAt, @runAt)`,
  );
  const findPending = db.prepare(`SELECT id, run_at FROM jobs WHERE kind = ? AND subject = ? AND state = 'pending'`);
  const pullEarlier = db.prepare(`UPDATE jobs SET run_at = ? WHERE id = ? AND run_at > ?`);
  const expireLeases = db.prepare(
    `UPDATE OR IGNORE jobs SET state = 'pending', lease_until = NULL WHERE state = 'running' AND lease_until <= ?`,
  );
  // A lease that expired while an equal job was already pending: the pending one covers it.
  const endShadowed = db.prepare(
    `UPDATE jobs SET state = 'done', finished_at = @now, last_error = coalesce(last_error, 'superseded by a pending job')
     WHERE state = 'running' AND lease_until <= @now`,
  );
  const pick = db.prepare(
    `SELECT j.id FROM jobs j
     WHERE j.state = 'pending' AND j.run_at <= @now
       AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.queue_key = j.queue_key AND r.state = 'running')
       AND j.queue_key NOT IN (SELECT value FROM json_each(@busy))
     ORDER BY j.run_at, j.id LIMIT 1`,
  );
  const lease = db.prepare(
    `UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_until = @leaseUntil
     WHERE id = @id RETURNING *`,
  );
  const complete = db.prepare(`UPDATE jobs SET state = 'done', finished_at = ?, lease_until = NULL WHERE id = ?`);
  const retry = db.prepare(
    `UPDATE OR IGNORE jobs SET state = 'pending', run_at = @runAt, last_error = @error, lease_until = NULL WHERE id = @id`,
  );
  const endWithError = db.prepare(
    `UPDATE jobs SET state = 'done', finished_at = @now, last_error = @error, lease_until = NULL WHERE id = @id`,
  );
  const bury = db.prepare(
    `UPDATE jobs SET state = 'dead', finished_at = @now, last_error = @error, lease_until = NULL WHERE id = @id`,
  );
  const extend = db.prepare(`UPDATE jobs SET lease_until = ? WHERE id = ? AND state = 'running'`);
  const get = db.prepare(`SELECT * FROM jobs WHERE id = ?`);
  const nextPending = db.prepare(`SELECT min(run_at) AS at FROM jobs WHERE state = 'pending'`);
  const nextLease = db.prepare(`SELECT min(lease_until) AS at FROM jobs WHERE state = 'running'`);
  const counts = db.prepare(`SELECT state, count(*) AS n FROM jobs GROUP BY state`);
  const prune = db.prepare(
    `DELETE FROM jobs WHERE (state = 'done' AND finished_at < @doneBefore) OR (state = 'dead' AND finished_at < @deadBefore)`,
  );

  const claim = db.transaction((now: number, leaseMs: number, busyKeys: readonly string[]) => {
    expireLeases.run(now);
    endShadowed.run({ now });
    const row = pick.get({ now, busy: JSON.stringify(busyKeys) }) as { id: number } | undefined;
    if (!row) return undefined;
    return lease.get({ id: row.id, leaseUntil: now + leaseMs }) as JobRow;
  });

  return {
    enqueue(job) {
      const result = insert.run(job);
      if (result.changes > 0) return Number(result.lastInsertRowid);
      const existing = findPending.get(job.kind, job.subject) as { id: number; run_at: number };
      pullEarlier.run(job.runAt, existing.id, job.runAt);
      return existing.id;
    },
    claim: (now, leaseMs, busyKeys) => claim.immediate(now, leaseMs, busyKeys),
    complete: (id, now) => void complete.run(now, id),
    retry(id, error, runAt, now) {
      if (retry.run({ id, error, runAt }).changes === 0) endWithError.run({ id, error, now });
    },
    bury: (id, error, now) => void bury.run({ id, error, now }),
    extendLease: (id, leaseUntil) => void extend.run(leaseUntil, id),
    get: (id) => get.get(id) as JobRow | undefined,
    nextWakeAt() {
      const times = [nextPending.get(), nextLease.get()]
        .map((r) => (r as { at: number | null }).at)
        .filter((t): t is number => t !== null);
      return times.length > 0 ? Math.min(...times) : undefined;
    },
    counts() {
      const out: Record<JobState, number> = { pending: 0, running: 0, done: 0, dead: 0 };
      for (const r of counts.all() as { state: JobState; n: number }[]) out[r.state] = r.n;
      return out;
    },
    pruneFinished: (doneBefore, deadBefore) => prune.run({ doneBefore, deadBefore }).changes,
  };
}
