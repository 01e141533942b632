// The ingest thread: parses and durably stores webhook deliveries (verified on the HTTP thread while they
// streamed) off the HTTP thread. It owns one SQLite connection and commits, in one transaction, every delivery
// that was ready while the previous commit (and its fsync) ran. The HTTP thread meanwhile keeps reading requests,
// so CPU and disk time overlap.
import { parentPort, workerData } from 'node:worker_threads';
import {
  createDeliveryQueries,
  type AcceptResult,
  type IncomingDelivery,
} from '../../db/deliveries/delivery-queries.ts';
import { openDatabase } from '../../db/open-database.ts';
import { readDelivery, type RawDelivery } from './read-delivery.ts';

/** HTTP thread → ingest thread. */
export interface IngestRequest {
  seq: number;
  raw: RawDelivery;
  receivedAt: string;
  runAt: number;
}

/** Ingest thread → HTTP thread. */
export type IngestReply =
  | { kind: 'ready' }
  | { kind: 'stored'; seq: number; result: AcceptResult; action: string | null }
  | { kind: 'refused'; seq: number; reason: 'bad_json'; message: string }
  | { kind: 'failed'; seq: number; message: string; code: string | undefined };

export interface IngestThreadData {
  databaseFile: string;
  /** SQLite busy timeout of this connection: below the HTTP side's deadline, so a locked store fails in time. */
  busyTimeoutMs: number;
}

// A store-wide failure (locked, read-only, full, broken) fails every row alike: retrying a batch row by row would
// wait out the busy timeout once per delivery.
const STORE_WIDE = /^SQLITE_(BUSY|LOCKED|READONLY|FULL|IOERR|CANTOPEN|CORRUPT|NOTADB|PERM)/;

const MAX_BATCH = 256;
const port = parentPort!;
const { databaseFile, busyTimeoutMs } = workerData as IngestThreadData;
const db = openDatabase(databaseFile, { busyTimeoutMs });
const deliveries = createDeliveryQueries(db);
port.postMessage({ kind: 'ready' } satisfies IngestReply);
let ready: { seq: number; delivery: IncomingDelivery }[] = [];
let scheduled = false;
let closing = false;

function commit(batch: typeof ready): void {
  try {
    const results = deliveries.acceptMany(batch.map((b) => b.delivery));
    batch.forEach((b, i) =>
      port.postMessage({
        kind: 'stored',
        seq: b.seq,
        result: results[i]!,
        action: b.delivery.action,
      } satisfies IngestReply),
    );
  } catch (error) {
    const e = error as { message?: string; code?: string };
    if (batch.length > 1 && !STORE_WIDE.test(e.code ?? '')) {
      // One bad row must not fail the others: store them one by one.
      for (const b of batch) commit([b]);
      return;
    }
    for (const b of batch) {
      port.postMessage({ kind: 'failed', seq: b.seq, message: String(e.message), code: e.code } satisfies IngestReply);
    }
  }
}

function flush(): void {
  scheduled = false;
  const all = ready;
  ready = [];
  for (let i = 0; i < all.length; i += MAX_BATCH) commit(all.slice(i, i + MAX_BATCH));
  if (closing) shutdown();
}

function shutdown(): void {
  db.close();
  port.close();
}

function ingest(request: IngestRequest): void {
  const body = request.raw.body as Uint8Array;
  // Structured clone (or transfer) turns the Buffer into a Uint8Array; wrap it without copying.
  const raw = { ...request.raw, body: Buffer.from(body.buffer, body.byteOffset, body.byteLength) };
  const read = readDelivery(raw);
  if (read.kind === 'bad_json') {
    port.postMessage({
      kind: 'refused',
      seq: request.seq,
      reason: 'bad_json',
      message: read.message,
    } satisfies IngestReply);
    return;
  }
  ready.push({
    seq: request.seq,
    delivery: {
      id: raw.id,
      event: raw.event,
      action: read.action,
      hookId: raw.hookId,
      repositoryId: read.repositoryId,
      installationId: read.installationId,
      payload: read.payload,
      receivedAt: request.receivedAt,
      runAt: request.runAt,
    },
  });
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
}

port.on('message', (message: IngestRequest | 'close') => {
  if (message === 'close') {
    closing = true;
    if (!scheduled) shutdown();
    return;
  }
  try {
    ingest(message);
  } catch (error) {
    const e = error as { message?: string; code?: string };
    port.postMessage({
      kind: 'failed',
      seq: message.seq,
      message: String(e?.message),
      code: e?.code,
    } satisfies IngestReply);
  }
});
