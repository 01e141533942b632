import type { Worker } from 'node:worker_threads';
import type { AcceptResult } from '../../db/deliveries/delivery-queries.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import { spawnWorker } from '../../kernel/threads/spawn-worker.ts';
import type { IngestReply, IngestRequest, IngestThreadData } from './delivery-ingest-thread.ts';
import type { RawDelivery } from './read-delivery.ts';

/** What became of one delivery. */
export type IngestOutcome =
  | { kind: 'stored'; result: AcceptResult; action: string | null }
  | { kind: 'refused'; reason: 'bad_json'; message: string };

/** Parses and stores verified deliveries durably (group commit), off the HTTP thread. */
export interface DeliveryIngest {
  /**
   * Resolves once the delivery and its job are committed, or it is refused; rejects when the store cannot write
   * or has not committed it within the deadline.
   */
  submit(raw: RawDelivery, receivedAt: string, runAt: number): Promise<IngestOutcome>;
  /**
   * Resolves once the first thread has opened the store; rejects if it stopped before. Deliveries submitted earlier
   * wait, but their deadline runs: the server listens only after this.
   */
  ready(): Promise<void>;
  /** Finishes what was submitted and stops the thread. */
  close(): Promise<void>;
}

/**
 * GitHub gives up on a delivery after 10 seconds and records a timeout; an answer after that is lost. Past this
 * deadline the route answers 503 itself, so GitHub records a failure that a redelivery can repair. It leaves room
 * for the HTTP thread's own waits for a locked store (MAIN_BUSY_TIMEOUT_MS, once before and once after) and the
 * network.
 */
export const INGEST_DEADLINE_MS = 7_000;

/**
 * SQLite busy timeout of the ingest connection: two waits fit in the deadline, so a delivery queued behind a batch
 * that waits out a lock still gets the store's own answer in time, most of the time.
 */
export const INGEST_BUSY_TIMEOUT_MS = INGEST_DEADLINE_MS / 2;

/** The store refused a delivery (read-only, full, locked, broken) or missed the deadline; the caller answers 503. */
export class DeliveryStoreError extends Error {
  readonly code: string | undefined;
  /** True when the deadline passed first: the commit may still land later (a redelivery is then a duplicate). */
  readonly timedOut: boolean;
  constructor(message: string, code: string | undefined, timedOut = false) {
    super(message);
    this.code = code;
    this.timedOut = timedOut;
    this.name = 'DeliveryStoreError';
  }
}

interface Waiting {
  resolve: (outcome: IngestOutcome) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export interface DeliveryIngestOptions {
  /** How long a submission may wait for its commit (default INGEST_DEADLINE_MS). */
  deadlineMs?: number;
}

/**
 * Starts the ingest thread (see delivery-ingest-thread.ts). Each delivery is acknowledged only after its own
 * commit. If the thread dies, waiting deliveries fail (503: GitHub keeps them as failed) and a new thread starts.
 * A delivery not committed within the deadline fails too; a commit that lands later is only logged.
 */
export function createDeliveryIngest(
  data: IngestThreadData,
  log: Logger,
  onCommitted: () => void,
  options: DeliveryIngestOptions = {},
): DeliveryIngest {
  const deadlineMs = options.deadlineMs ?? INGEST_DEADLINE_MS;
  if (data.busyTimeoutMs > deadlineMs)
    throw new Error(
      `the ingest busy timeout (${data.busyTimeoutMs} ms) must not exceed the deadline (${deadlineMs} ms)`,
    );
  const waiting = new Map<number, Waiting>();
  let started = false;
  let markReady: () => void = () => {};
  let failStart: (error: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failStart = reject;
  });
  ready.catch(() => {});
  let seq = 0;
  let closed = false;
  let committedSinceTick = false;
  let worker = start();

  function settle(s: number, fn: (w: Waiting) => void): boolean {
    const w = waiting.get(s);
    if (!w) return false;
    waiting.delete(s);
    clearTimeout(w.timer);
    fn(w);
    return true;
  }

  function start(): Worker {
    const thread = spawnWorker(new URL('./delivery-ingest-thread.ts', import.meta.url), { workerData: data });
    thread.on('message', (reply: IngestReply) => {
      if (reply.kind === 'ready') {
        // Held until now: while the CLI awaits `ready()`, nothing else keeps the process alive.
        thread.unref();
        started = true;
        markReady();
      } else if (reply.kind === 'stored') {
        const answered = settle(reply.seq, (w) =>
          w.resolve({ kind: 'stored', result: reply.result, action: reply.action }),
        );
        // Answered 503 at the deadline, stored after all: GitHub's redelivery will find it (a duplicate).
        if (!answered) log.warn({ result: reply.result }, 'a delivery was committed after its deadline');
        if (!committedSinceTick) {
          committedSinceTick = true;
          // One wake-up of the job worker per burst of commits.
          setImmediate(() => {
            committedSinceTick = false;
            onCommitted();
          });
        }
      } else if (reply.kind === 'refused') {
        settle(reply.seq, (w) => w.resolve({ kind: 'refused', reason: reply.reason, message: reply.message }));
      } else {
        settle(reply.seq, (w) => w.reject(new DeliveryStoreError(reply.message, reply.code)));
      }
    });
    thread.on('error', (error) => log.error({ err: error }, 'delivery ingest thread failed'));
    thread.on('exit', (code) => {
      for (const w of waiting.values()) {
        clearTimeout(w.timer);
        w.reject(new DeliveryStoreError(`the ingest thread stopped (exit ${code})`, undefined));
      }
      waiting.clear();
      if (!started) {
        // It never opened the store: starting it again would fail the same way; startInstance reports it.
        failStart(new DeliveryStoreError(`the ingest thread stopped before it was ready (exit ${code})`, undefined));
        return;
      }
      if (!closed) {
        log.error({ code }, 'delivery ingest thread exited; starting a new one');
        worker = start();
      }
    });
    return thread;
  }

  return {
    submit(raw, receivedAt, runAt) {
      if (closed) return Promise.reject(new DeliveryStoreError('shutting down', undefined));
      return new Promise((resolve, reject) => {
        seq += 1;
        const s = seq;
        const timer = setTimeout(
          () =>
            settle(s, (w) =>
              w.reject(new DeliveryStoreError(`not committed within ${deadlineMs} ms`, undefined, true)),
            ),
          deadlineMs,
        );
        waiting.set(s, { resolve, reject, timer });
        // A body read into its own ArrayBuffer moves to the thread without a copy.
        const { body } = raw;
        const owned = body.byteOffset === 0 && body.buffer.byteLength === body.byteLength;
        worker.postMessage(
          { seq, raw, receivedAt, runAt } satisfies IngestRequest,
          owned ? [body.buffer as ArrayBuffer] : [],
        );
      });
    },
    ready: () => ready,
    async close() {
      if (closed) return;
      closed = true;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      // Held again while it finishes: an unreferenced thread's exit keeps nothing alive, so the process would end
      // before the rest of the shutdown (the job worker, the main connection) ran.
      worker.ref();
      worker.postMessage('close');
      await exited;
    },
  };
}
