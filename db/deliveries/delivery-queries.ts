import { JOB } from '../jobs/job-kinds.ts';
import type { Db } from '../open-database.ts';

export type DeliveryStatus = 'queued' | 'processing' | 'processed' | 'ignored' | 'failed' | 'dead';

/** A verified delivery about to be stored. */
export interface IncomingDelivery {
  id: string;
  event: string;
  action: string | null;
  hookId: string | null;
  repositoryId: number | null;
  installationId: number | null;
  payload: Buffer;
  receivedAt: string;
  /** Epoch ms at which the processing job becomes due. */
  runAt: number;
}

/** What storing one delivery did. */
export type AcceptResult = 'stored' | 'duplicate' | 'rearmed';

export interface DeliveryRow {
  id: string;
  event: string;
  action: string | null;
  hook_id: string | null;
  repository_id: number | null;
  installation_id: number | null;
  payload: Buffer;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  note: string | null;
  received_at: string;
  redelivered_at: string | null;
  arrivals: number;
  finished_at: string | null;
}

/** The listing shape of `GET /api/admin/deliveries`. */
export interface DeliverySummary {
  id: string;
  event: string;
  action: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  note: string | null;
  receivedAt: string;
}

export interface DeliveryQueries {
  /** Stores deliveries and their processing jobs in ONE transaction (a group commit); idempotent by id. */
  acceptMany(deliveries: readonly IncomingDelivery[]): AcceptResult[];
  get(id: string): DeliveryRow | undefined;
  list(limit: number): DeliverySummary[];
  /** The newest deliveries with this status and/or event, at most `limit`. */
  search(filter: { limit: number; status?: DeliveryStatus; event?: string }): DeliverySummary[];
  /**
   * Queues a failed or dead delivery again, due at `runAt` (a redelivery from the console); false when it is not
   * failed or dead (or has no payload left to process).
   */
  requeue(id: string, at: string, runAt: number): boolean;
  markProcessing(id: string): void;
  /** Records the outcome of processing; runs inside the processor's transaction. */
  finish(id: string, status: 'processed' | 'ignored', note: string | null, finishedAt: string): void;
  markFailed(id: string, status: 'failed' | 'dead', error: string, attempts: number): void;
  count(): number;
  /** Empties the payloads of deliveries finished (processed or ignored) before `before`; returns how many. */
  prunePayloads(before: string): number;
}

/** The queue key of a delivery: one repository (or installation) at a time. */
export function deliveryQueueKey(d: Pick<IncomingDelivery, 'id' | 'repositoryId' | 'installationId'>): string {
  if (d.repositoryId !== null) return `repo:${d.repositoryId}`;
  if (d.installationId !== null) return `installation:${d.installationId}`;
  return `delivery:${d.id}`;
}

/** Builds the delivery store's prepared statements on `db`. */
export function createDeliveryQueries(db: Db): DeliveryQueries {
  const status = db.prepare(`SELECT status FROM deliveries WHERE id = ?`).pluck();
  const insert = db.prepare(
    `INSERT INTO deliveries (id, event, action, hook_id, repository_id, installation_id, payload, status, received_at)
     VALUES (@id, @event, @action, @hookId, @repositoryId, @installationId, @payload, 'queued', @receivedAt)`,
  );
  const rearm = db.prepare(
    `UPDATE deliveries SET status = 'queued', arrivals = arrivals + 1, redelivered_at = ?, finished_at = NULL
     WHERE id = ?`,
  );
  const insertJob = db.prepare(
    `INSERT OR IGNORE INTO jobs (kind, subject, queue_key, state, attempts, run_at, created_at)
     VALUES ('${JOB.delivery}', @id, @queueKey, 'pending', 0, @runAt, @runAt)`,
  );
  // A failed delivery waiting for its backoff: a redelivery makes it due now.
  const hurryJob = db.prepare(
    `UPDATE jobs SET run_at = @runAt WHERE kind = '${JOB.delivery}' AND subject = @id AND state = 'pending'`,
  );
  const get = db.prepare(`SELECT * FROM deliveries WHERE id = ?`);
  const list = db.prepare(
    `SELECT id, event, action, status, attempts, last_error AS lastError, note, received_at AS receivedAt
     FROM deliveries ORDER BY received_at DESC, rowid DESC LIMIT ?`,
  );
  const search = db.prepare(
    `SELECT id, event, action, status, attempts, last_error AS lastError, note, received_at AS receivedAt
     FROM deliveries WHERE (@status IS NULL OR status = @status) AND (@event IS NULL OR event = @event)
     ORDER BY received_at DESC, rowid DESC LIMIT @limit`,
  );
  const requeueable = db
    .prepare(`SELECT 1 FROM deliveries WHERE id = ? AND status IN ('failed', 'dead') AND length(payload) > 0`)
    .pluck();
  const processing = db.prepare(`UPDATE deliveries SET status = 'processing', attempts = attempts + 1 WHERE id = ?`);
  const finish = db.prepare(
    `UPDATE deliveries SET status = @status, note = @note, last_error = NULL, finished_at = @finishedAt WHERE id = @id`,
  );
  const failed = db.prepare(
    `UPDATE deliveries SET status = @status, last_error = @error, attempts = max(attempts, @attempts) WHERE id = @id`,
  );
  const count = db.prepare(`SELECT count(*) FROM deliveries`).pluck();
  // Failed and dead deliveries keep their payload: they may still be redelivered or inspected.
  const prunePayloads = db.prepare(
    `UPDATE deliveries SET payload = x'' WHERE status IN ('processed', 'ignored') AND finished_at < ? AND length(payload) > 0`,
  );

  const acceptMany = db.transaction((deliveries: readonly IncomingDelivery[]): AcceptResult[] =>
    deliveries.map((d) => {
      const current = status.get(d.id) as DeliveryStatus | undefined;
      const job = { id: d.id, queueKey: deliveryQueueKey(d), runAt: d.runAt };
      if (current === undefined) {
        insert.run(d);
        insertJob.run(job);
        return 'stored';
      }
      if (current === 'failed' || current === 'dead') {
        rearm.run(d.receivedAt, d.id);
        insertJob.run(job);
        hurryJob.run(job);
        return 'rearmed';
      }
      // Already stored, queued or done: a second arrival changes nothing (the caller logs it).
      return 'duplicate';
    }),
  );

  const requeue = db.transaction((id: string, at: string, runAt: number): boolean => {
    if (requeueable.get(id) === undefined) return false;
    const row = get.get(id) as DeliveryRow;
    const job = {
      id,
      queueKey: deliveryQueueKey({ id, repositoryId: row.repository_id, installationId: row.installation_id }),
      runAt,
    };
    rearm.run(at, id);
    insertJob.run(job);
    hurryJob.run(job);
    return true;
  });

  return {
    acceptMany: (deliveries) => acceptMany.immediate(deliveries),
    search: (filter) =>
      search.all({
        limit: filter.limit,
        status: filter.status ?? null,
        event: filter.event ?? null,
      }) as DeliverySummary[],
    requeue: (id, at, runAt) => requeue.immediate(id, at, runAt),
    get: (id) => get.get(id) as DeliveryRow | undefined,
    list: (limit) => list.all(limit) as DeliverySummary[],
    markProcessing: (id) => void processing.run(id),
    finish: (id, s, note, finishedAt) => void finish.run({ id, status: s, note, finishedAt }),
    markFailed: (id, s, error, attempts) => void failed.run({ id, status: s, error, attempts }),
    count: () => count.get() as number,
    prunePayloads: (before) => prunePayloads.run(before).changes,
  };
}
