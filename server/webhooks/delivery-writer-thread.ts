// The delivery writer's thread: owns one SQLite connection and commits, in one transaction, every delivery that
// arrived while the previous commit (and its fsync) was running. The HTTP thread keeps parsing and verifying
// requests meanwhile, so disk time and CPU time overlap instead of adding up.
import { parentPort, workerData } from 'node:worker_threads';
import { createDeliveryQueries, type AcceptResult, type IncomingDelivery } from '../../db/deliveries/delivery-queries.ts';
import { openDatabase } from '../../db/open-database.ts';

/** Main thread → writer. */
export interface WriteRequest {
  seq: number;
  delivery: IncomingDelivery;
}

/** Writer → main thread, one per committed (or failed) batch. */
export type WriteReply =
  | { kind: 'ready' }
  | { kind: 'done'; results: { seq: number; result: AcceptResult }[] }
  | { kind: 'failed'; seqs: number[]; message: string; code: string | undefined };

const MAX_BATCH = 256;
const port = parentPort!;
const db = openDatabase((workerData as { databaseFile: string }).databaseFile);
const deliveries = createDeliveryQueries(db);
let waiting: WriteRequest[] = [];
let scheduled = false;

function commit(batch: WriteRequest[]): void {
  try {
    const results = deliveries.acceptMany(
      // Structured clone turns the Buffer into a Uint8Array; wrap it without copying.
      batch.map((w) => {
        const bytes = w.delivery.payload as Uint8Array;
        return { ...w.delivery, payload: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
      }),
    );
    port.postMessage({ kind: 'done', results: batch.map((w, i) => ({ seq: w.seq, result: results[i]! })) } satisfies WriteReply);
  } catch (error) {
    if (batch.length > 1) {
      // One bad row must not fail the others: store them one by one.
      for (const w of batch) commit([w]);
      return;
    }
    const e = error as { message?: string; code?: string };
    port.postMessage({ kind: 'failed', seqs: batch.map((w) => w.seq), message: String(e.message), code: e.code } satisfies WriteReply);
  }
}

function flush(): void {
  scheduled = false;
  const all = waiting;
  waiting = [];
  for (let i = 0; i < all.length; i += MAX_BATCH) commit(all.slice(i, i + MAX_BATCH));
}

port.on('message', (message: WriteRequest | 'close') => {
  if (message === 'close') {
    flush();
    db.close();
    port.close();
    return;
  }
  waiting.push(message);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
});
port.postMessage({ kind: 'ready' } satisfies WriteReply);
