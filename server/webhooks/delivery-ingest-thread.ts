// The ingest thread: verifies, parses and durably stores webhook deliveries off the HTTP thread. It owns one
// SQLite connection and commits, in one transaction, every delivery that was ready while the previous commit (and
// its fsync) ran. The HTTP thread meanwhile keeps reading requests, so CPU and disk time overlap.
import { parentPort, workerData } from 'node:worker_threads';
import {
  createDeliveryQueries,
  type AcceptResult,
  type IncomingDelivery,
} from '../../db/deliveries/delivery-queries.ts';
import { openDatabase } from '../../db/open-database.ts';
import { readDelivery, type RawDelivery } from './read-delivery.ts';
import { createSignatureVerifier } from './verify-signature.ts';

/** HTTP thread → ingest thread. */
export interface IngestRequest {
  seq: number;
  raw: RawDelivery;
  receivedAt: string;
  runAt: number;
}

/** Ingest thread → HTTP thread. */
export type IngestReply =
  | { kind: 'stored'; seq: number; result: AcceptResult; action: string | null }
  | { kind: 'refused'; seq: number; reason: 'bad_signature' | 'bad_json'; message: string }
  | { kind: 'failed'; seq: number; message: string; code: string | undefined };

export interface IngestThreadData {
  databaseFile: string;
  secrets: string[];
}

const MAX_BATCH = 256;
const port = parentPort!;
const { databaseFile, secrets } = workerData as IngestThreadData;
const db = openDatabase(databaseFile);
const deliveries = createDeliveryQueries(db);
const verify = createSignatureVerifier(secrets);
let ready: { seq: number; delivery: IncomingDelivery }[] = [];
let scheduled = false;
let inFlight = 0;
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
    if (batch.length > 1) {
      // One bad row must not fail the others: store them one by one.
      for (const b of batch) commit([b]);
      return;
    }
    const e = error as { message?: string; code?: string };
    port.postMessage({
      kind: 'failed',
      seq: batch[0]!.seq,
      message: String(e.message),
      code: e.code,
    } satisfies IngestReply);
  }
}

function flush(): void {
  scheduled = false;
  const all = ready;
  ready = [];
  for (let i = 0; i < all.length; i += MAX_BATCH) commit(all.slice(i, i + MAX_BATCH));
  if (closing && inFlight === 0) shutdown();
}

function shutdown(): void {
  db.close();
  port.close();
}

async function ingest(request: IngestRequest): Promise<void> {
  const body = request.raw.body as Uint8Array;
  // Structured clone (or transfer) turns the Buffer into a Uint8Array; wrap it without copying.
  const raw = { ...request.raw, body: Buffer.from(body.buffer, body.byteOffset, body.byteLength) };
  const read = await readDelivery(raw, verify);
  if (read.kind === 'bad_signature') {
    port.postMessage({
      kind: 'refused',
      seq: request.seq,
      reason: 'bad_signature',
      message: 'signature mismatch',
    } satisfies IngestReply);
    return;
  }
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
    if (inFlight === 0 && !scheduled) shutdown();
    return;
  }
  inFlight += 1;
  ingest(message)
    .catch((error: unknown) => {
      const e = error as { message?: string; code?: string };
      port.postMessage({
        kind: 'failed',
        seq: message.seq,
        message: String(e?.message),
        code: e?.code,
      } satisfies IngestReply);
    })
    .finally(() => {
      inFlight -= 1;
      if (closing && inFlight === 0 && !scheduled) shutdown();
    });
});
