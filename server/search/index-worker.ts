// Worker thread: builds the lunr index (seconds at 10,000 documents), writes it under the data dir and hands the
// compiled postings back (typed arrays, transferred, not copied), so the request path never waits for a build
// and installing the result costs the main thread next to nothing.
import { parentPort, workerData } from 'node:worker_threads';
import { buildLunrIndex } from './build-index.ts';
import { compileIndex } from './compile-index.ts';
import { INDEX_FORMAT, writePersistedIndex, type PersistedIndex } from './persisted-index.ts';
import type { SearchDocument } from './search-document.ts';

interface Job {
  file: string;
  fingerprint: string;
  builtAt: string;
  documents: SearchDocument[];
}

const job = workerData as Job;
const index = buildLunrIndex(job.documents);
const persisted: PersistedIndex = {
  format: INDEX_FORMAT,
  fingerprint: job.fingerprint,
  builtAt: job.builtAt,
  documents: job.documents,
  index: index.toJSON(),
};
writePersistedIndex(job.file, JSON.stringify(persisted));
const compiled = compileIndex(index);
parentPort?.postMessage(
  compiled,
  [compiled.offsets, compiled.docs, compiled.weights].map((a) => a.buffer as ArrayBuffer),
);
