import type { Db } from '../open-database.ts';

/** One worker process that holds (or held) job leases. */
export interface QueueOwnerRow {
  id: string;
  host: string;
  pid: number;
  process_started: number;
  started_at: number;
  heartbeat_at: number;
  stopped_at: number | null;
}

/** Prepared statements of the queue owners (see migration 010). */
export interface QueueOwnerQueries {
  /** Records a worker that starts taking jobs (again, after a stop). */
  register(owner: Omit<QueueOwnerRow, 'stopped_at' | 'heartbeat_at'>): void;
  /** The owner's heartbeat and the leases of its running jobs, renewed together; returns how many leases. */
  beat(id: string, now: number, leaseUntil: number): number;
  get(id: string): QueueOwnerRow | undefined;
  /** Owners that have not stopped, with a heartbeat at or after `since`: the processes that are serving. */
  listLive(since: number): QueueOwnerRow[];
  markStopped(id: string, now: number): void;
  /** Deletes owners stopped (or silent) before `before` that hold no running job; returns how many. */
  prune(before: number): number;
}

/** Builds the queue owners' prepared statements on `db`. */
export function createQueueOwnerQueries(db: Db): QueueOwnerQueries {
  const insert = db.prepare(
    `INSERT INTO queue_owners (id, host, pid, process_started, started_at, heartbeat_at)
     VALUES (@id, @host, @pid, @process_started, @started_at, @started_at)
     ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at, stopped_at = NULL`,
  );
  // A worker that beats is alive, even if another one found it silent (a stalled event loop) and marked it stopped.
  const heartbeat = db.prepare(`UPDATE queue_owners SET heartbeat_at = ?, stopped_at = NULL WHERE id = ?`);
  const renew = db.prepare(`UPDATE jobs SET lease_until = ? WHERE owner = ? AND state = 'running'`);
  const get = db.prepare(`SELECT * FROM queue_owners WHERE id = ?`);
  const listLive = db.prepare(`SELECT * FROM queue_owners WHERE stopped_at IS NULL AND heartbeat_at >= ?`);
  const stop = db.prepare(`UPDATE queue_owners SET stopped_at = coalesce(stopped_at, ?) WHERE id = ?`);
  const prune = db.prepare(
    `DELETE FROM queue_owners
     WHERE coalesce(stopped_at, heartbeat_at) < ?
       AND NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.owner = queue_owners.id AND jobs.state = 'running')`,
  );
  const beat = db.transaction((id: string, now: number, leaseUntil: number): number => {
    heartbeat.run(now, id);
    return renew.run(leaseUntil, id).changes;
  });

  return {
    register: (owner) => void insert.run(owner),
    beat: (id, now, leaseUntil) => beat.immediate(id, now, leaseUntil),
    get: (id) => get.get(id) as QueueOwnerRow | undefined,
    listLive: (since) => listLive.all(since) as QueueOwnerRow[],
    markStopped: (id, now) => void stop.run(now, id),
    prune: (before) => prune.run(before).changes,
  };
}
