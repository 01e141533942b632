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
  /** The queue owner (worker process) holding a running job's lease; null when pending, finished or unowned. */
  owner: string | null;
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
  /**
   * Takes the next due job whose key is free (expired leases count as free) and leases it to `owner` (the worker's
   * queue owner id; null leases without an owner, which only running out frees).
   */
  claim(now: number, leaseMs: number, busyKeys: readonly string[], owner?: string | null): JobRow | undefined;
  /**
   * The outcomes below, given an `owner`, are written only while that owner still holds the job (or nobody does,
   * after its lease ran out): a job another worker took over is theirs to record. They return whether they wrote.
   */
  complete(id: number, now: number, owner?: string): boolean;
  /** Puts a failed job back with a later `runAt`; when another pending job already covers it, ends this one. */
  retry(id: number, error: string, runAt: number, now: number, owner?: string): boolean;
  bury(id: number, error: string, now: number, owner?: string): boolean;
  /** Puts the jobs `owner` was running back to pending at once (the owner is gone); returns how many. */
  releaseOwner(owner: string, now: number): number;
  /** Owners holding running jobs, with how many each (null: leases without an owner). */
  runningOwners(): { owner: string | null; jobs: number }[];
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
    `UPDATE OR IGNORE jobs SET state = 'pending', lease_until = NULL, owner = NULL
     WHERE state = 'running' AND lease_until <= ?`,
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
    `UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_until = @leaseUntil, owner = @owner
     WHERE id = @id RETURNING *`,
  );
  // Whether `@owner` may record this job's outcome: no owner given, or it still holds the job, or nobody does.
  const mine = `(@owner IS NULL OR owner = @owner OR (owner IS NULL AND state IN ('running', 'pending')))`;
  const complete = db.prepare(
    `UPDATE jobs SET state = 'done', finished_at = @now, lease_until = NULL, owner = NULL WHERE id = @id AND ${mine}`,
  );
  const retry = db.prepare(
    `UPDATE OR IGNORE jobs SET state = 'pending', run_at = @runAt, last_error = @error, lease_until = NULL, owner = NULL
     WHERE id = @id AND ${mine}`,
  );
  const endWithError = db.prepare(
    `UPDATE jobs SET state = 'done', finished_at = @now, last_error = @error, lease_until = NULL, owner = NULL
     WHERE id = @id AND ${mine}`,
  );
  const bury = db.prepare(
    `UPDATE jobs SET state = 'dead', finished_at = @now, last_error = @error, lease_until = NULL, owner = NULL
     WHERE id = @id AND ${mine}`,
  );
  const release = db.prepare(
    `UPDATE OR IGNORE jobs SET state = 'pending', lease_until = NULL, owner = NULL WHERE owner = ? AND state = 'running'`,
  );
  // A job of a gone owner whose twin is already pending: the pending one covers it.
  const endReleasedShadowed = db.prepare(
    `UPDATE jobs SET state = 'done', finished_at = @now, lease_until = NULL, owner = NULL,
       last_error = coalesce(last_error, 'superseded by a pending job')
     WHERE owner = @owner AND state = 'running'`,
  );
  const runningOwners = db.prepare(`SELECT owner, count(*) AS jobs FROM jobs WHERE state = 'running' GROUP BY owner`);
  const get = db.prepare(`SELECT * FROM jobs WHERE id = ?`);
  const nextPending = db.prepare(`SELECT min(run_at) AS at FROM jobs WHERE state = 'pending'`);
  const nextLease = db.prepare(`SELECT min(lease_until) AS at FROM jobs WHERE state = 'running'`);
  const counts = db.prepare(`SELECT state, count(*) AS n FROM jobs GROUP BY state`);
  const prune = db.prepare(
    `DELETE FROM jobs WHERE (state = 'done' AND finished_at < @doneBefore) OR (state = 'dead' AND finished_at < @deadBefore)`,
  );

  const claim = db.transaction((now: number, leaseMs: number, busyKeys: readonly string[], owner: string | null) => {
    expireLeases.run(now);
    endShadowed.run({ now });
    const row = pick.get({ now, busy: JSON.stringify(busyKeys) }) as { id: number } | undefined;
    if (!row) return undefined;
    return lease.get({ id: row.id, leaseUntil: now + leaseMs, owner }) as JobRow;
  });
  const releaseOwner = db.transaction((owner: string, now: number): number => {
    const released = release.run(owner).changes;
    return released + endReleasedShadowed.run({ owner, now }).changes;
  });

  return {
    enqueue(job) {
      const result = insert.run(job);
      if (result.changes > 0) return Number(result.lastInsertRowid);
      const existing = findPending.get(job.kind, job.subject) as { id: number; run_at: number };
      pullEarlier.run(job.runAt, existing.id, job.runAt);
      return existing.id;
    },
    claim: (now, leaseMs, busyKeys, owner = null) => claim.immediate(now, leaseMs, busyKeys, owner),
    complete: (id, now, owner) => complete.run({ id, now, owner: owner ?? null }).changes > 0,
    retry(id, error, runAt, now, owner) {
      const params = { id, error, runAt, now, owner: owner ?? null };
      // No change: either another pending job covers this one (end it) or another owner holds it (leave it).
      return retry.run(params).changes > 0 || endWithError.run(params).changes > 0;
    },
    bury: (id, error, now, owner) => bury.run({ id, error, now, owner: owner ?? null }).changes > 0,
    releaseOwner: (owner, now) => releaseOwner.immediate(owner, now),
    runningOwners: () => runningOwners.all() as { owner: string | null; jobs: number }[],
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
