import type { Worker } from 'node:worker_threads';
import type { AcceptResult } from '../../db/deliveries/delivery-queries.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import { spawnWorker } from '../../kernel/threads/spawn-worker.ts';
import type { IngestReply, IngestRequest, IngestThreadData } from './delivery-ingest-thread.ts';
import type { RawDelivery } from './read-delivery.ts';

/** What became of one delivery. */
export type IngestOutcome =
  | { kind: 'stored'; result: AcceptResult; action: string | null }
  | { kind: 'refused'; reason: 'bad_signature' | 'bad_json'; message: string };

/** Verifies, parses and stores deliveries durably (group commit), off the HTTP thread. */
export interface DeliveryIngest {
  /** Resolves once the delivery and its job are committed, or it is refused; rejects when the store cannot write. */
  submit(raw: RawDelivery, receivedAt: string, runAt: number): Promise<IngestOutcome>;
  /** Finishes what was submitted and stops the thread. */
  close(): Promise<void>;
}

/** The store refused a delivery (read-only, full, locked, broken); the caller answers 503. */
export class DeliveryStoreError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code: string | undefined) {
    super(message);
    this.code = code;
    this.name = 'DeliveryStoreError';
  }
}

interface Waiting {
  resolve: (outcome: IngestOutcome) => void;
  reject: (error: Error) => void;
}

/**
 * Starts the ingest thread (see delivery-ingest-thread.ts). Each delivery is acknowledged only after its own
 * commit. If the thread dies, waiting deliveries fail (503: GitHub keeps them as failed) and a new thread starts.
 */
export function createDeliveryIngest(data: IngestThreadData, log: Logger, onCommitted: () => void): DeliveryIngest {
  const waiting = new Map<number, Waiting>();
  let seq = 0;
  let closed = false;
  let committedSinceTick = false;
  let worker = start();

  function settle(s: number, fn: (w: Waiting) => void): void {
    const w = waiting.get(s);
    if (!w) return;
    waiting.delete(s);
    fn(w);
  }

  function start(): Worker {
    const thread = spawnWorker(new URL('./delivery-ingest-thread.ts', import.meta.url), { workerData: data });
    thread.on('message', (reply: IngestReply) => {
      if (reply.kind === 'stored') {
        settle(reply.seq, (w) => w.resolve({ kind: 'stored', result: reply.result, action: reply.action }));
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
      for (const w of waiting.values())
        w.reject(new DeliveryStoreError(`the ingest thread stopped (exit ${code})`, undefined));
      waiting.clear();
      if (!closed) {
        log.error({ code }, 'delivery ingest thread exited; starting a new one');
        worker = start();
      }
    });
    thread.unref();
    return thread;
  }

  return {
    submit(raw, receivedAt, runAt) {
      if (closed) return Promise.reject(new DeliveryStoreError('shutting down', undefined));
      return new Promise((resolve, reject) => {
        seq += 1;
        waiting.set(seq, { resolve, reject });
        // A body read into its own ArrayBuffer moves to the thread without a copy.
        const { body } = raw;
        const owned = body.byteOffset === 0 && body.buffer.byteLength === body.byteLength;
        worker.postMessage(
          { seq, raw, receivedAt, runAt } satisfies IngestRequest,
          owned ? [body.buffer as ArrayBuffer] : [],
        );
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('close');
      await exited;
    },
  };
}
