import type { Worker } from 'node:worker_threads';
import type { AcceptResult, IncomingDelivery } from '../../db/deliveries/delivery-queries.ts';
import type { Logger } from '../log/create-logger.ts';
import { spawnWorker } from '../threads/spawn-worker.ts';
import type { WriteReply, WriteRequest } from './delivery-writer-thread.ts';

/** Stores deliveries durably, committing the ones that arrive together in one transaction. */
export interface DeliveryBatcher {
  /** Resolves once the delivery and its job are committed; rejects when the store cannot write. */
  accept(delivery: IncomingDelivery): Promise<AcceptResult>;
  /** Commits what is waiting and stops the writer thread. */
  close(): Promise<void>;
}

interface Waiting {
  resolve: (result: AcceptResult) => void;
  reject: (error: Error) => void;
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

/**
 * Group commit on a writer thread: deliveries go to a thread that owns its own SQLite connection and commits
 * everything that arrived during the previous commit in one transaction (one fsync for a burst). Each delivery is
 * acknowledged only after its own commit. If the thread dies, waiting deliveries fail (503) and a new thread starts.
 */
export function createDeliveryBatcher(databaseFile: string, log: Logger, onCommitted: () => void): DeliveryBatcher {
  const waiting = new Map<number, Waiting>();
  let seq = 0;
  let closed = false;
  let worker = start();

  function start(): Worker {
    const thread = spawnWorker(new URL('./delivery-writer-thread.ts', import.meta.url), { workerData: { databaseFile } });
    thread.on('message', (reply: WriteReply) => {
      if (reply.kind === 'done') {
        for (const { seq: s, result } of reply.results) {
          waiting.get(s)?.resolve(result);
          waiting.delete(s);
        }
        onCommitted();
      } else if (reply.kind === 'failed') {
        for (const s of reply.seqs) {
          waiting.get(s)?.reject(new DeliveryStoreError(reply.message, reply.code));
          waiting.delete(s);
        }
      }
    });
    thread.on('error', (error) => log.error({ err: error }, 'delivery writer thread failed'));
    thread.on('exit', (code) => {
      for (const w of waiting.values()) w.reject(new DeliveryStoreError(`the writer thread stopped (exit ${code})`, undefined));
      waiting.clear();
      if (!closed) {
        log.error({ code }, 'delivery writer thread exited; starting a new one');
        worker = start();
      }
    });
    thread.unref();
    return thread;
  }

  return {
    accept(delivery) {
      if (closed) return Promise.reject(new DeliveryStoreError('shutting down', undefined));
      return new Promise((resolve, reject) => {
        seq += 1;
        waiting.set(seq, { resolve, reject });
        // A body read into its own ArrayBuffer moves to the writer without a copy.
        const { payload } = delivery;
        const owned = payload.byteOffset === 0 && payload.buffer.byteLength === payload.byteLength;
        worker.postMessage({ seq, delivery } satisfies WriteRequest, owned ? [payload.buffer as ArrayBuffer] : []);
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
