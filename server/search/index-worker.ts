// Worker thread: builds the lunr index (seconds at 10,000 documents), writes it under the data dir and hands the
// serialised form back, so the request path never waits for a build.
import { parentPort, workerData } from 'node:worker_threads';
import { buildIndex } from './build-index.ts';
import { INDEX_FORMAT, writePersistedIndex, type PersistedIndex } from './persisted-index.ts';
import type { SearchDocument } from './search-document.ts';

interface Job {
  file: string;
  fingerprint: string;
  builtAt: string;
  documents: SearchDocument[];
}

const job = workerData as Job;
const persisted: PersistedIndex = {
  format: INDEX_FORMAT,
  fingerprint: job.fingerprint,
  builtAt: job.builtAt,
  documents: job.documents,
  index: buildIndex(job.documents),
};
const json = JSON.stringify(persisted);
writePersistedIndex(job.file, json);
parentPort?.postMessage(json);
