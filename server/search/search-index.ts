import { isoNow, type Clock } from '../../kernel/clock.ts';
import { createHash } from 'node:crypto';
import lunr from 'lunr';
import type { Logger } from '../../kernel/log/create-logger.ts';
import { spawnWorker } from '../../kernel/threads/spawn-worker.ts';
import { makeSnippet, type SnippetPart } from './make-snippet.ts';
import { compileIndex, type CompiledIndex } from './compile-index.ts';
import { indexFile, readPersistedIndex } from './persisted-index.ts';
import { queryIndex } from './query-index.ts';
import type { SearchDocument, SearchDocumentType } from './search-document.ts';
import { searchPipeline } from './search-pipeline.ts';
import { tokenize } from './tokenize.ts';

/** One search result. */
export interface SearchResult {
  type: SearchDocumentType;
  title: string;
  url: string;
  snippet: SnippetPart[];
  score: number;
}

/** The full-text index: queried on the request path, rebuilt off it. */
export interface SearchIndex {
  /** Results best first; `ready` is false until a first index is loaded or built. */
  search(query: string, limit?: number): { ready: boolean; results: SearchResult[] };
  /** Asks for a rebuild from fresh documents (debounced; skipped when nothing changed). */
  schedule(): void;
  /** Resolves when no build is pending or running. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface SearchIndexOptions {
  dataDir: string;
  log: Logger;
  clock: Clock;
  /** Every document to index, read fresh at each rebuild. */
  collect: () => SearchDocument[];
  /** Wait after `schedule()` so bursts of changes cause one build. */
  debounceMs?: number;
}

const fingerprintOf = (documents: readonly SearchDocument[]): string =>
  createHash('sha256').update(JSON.stringify(documents)).digest('base64url');

/**
 * Loads the persisted index when there is one, then keeps it current: `schedule()` collects documents, and
 * when their fingerprint changed a worker thread builds a new index, which replaces the old one in one swap.
 */
export function createSearchIndex(options: SearchIndexOptions): SearchIndex {
  const { dataDir, log } = options;
  const debounceMs = options.debounceMs ?? 1_000;
  const file = indexFile(dataDir);
  searchPipeline();

  interface Loaded {
    index: CompiledIndex;
    documents: Map<string, SearchDocument>;
    fingerprint: string;
  }
  let current: Loaded | undefined;
  const install = (index: CompiledIndex, documents: readonly SearchDocument[], fingerprint: string): void => {
    current = { index, documents: new Map(documents.map((d) => [d.id, d])), fingerprint };
  };
  const stored = readPersistedIndex(file);
  if (stored) {
    // At start, before any request: the only time the main thread loads and compiles a lunr index.
    install(compileIndex(lunr.Index.load(stored.index)), stored.documents, stored.fingerprint);
    log.info({ documents: stored.documents.length, builtAt: stored.builtAt }, 'search index loaded');
  }

  let timer: NodeJS.Timeout | undefined;
  let building: Promise<void> | undefined;
  let again = false;
  let closed = false;
  const waiters: (() => void)[] = [];
  const wake = () => {
    if (timer || building) return;
    for (const w of waiters.splice(0)) w();
  };

  const build = async (): Promise<void> => {
    const documents = options.collect();
    const fingerprint = fingerprintOf(documents);
    if (current?.fingerprint === fingerprint) return;
    const started = performance.now();
    const compiled = await new Promise<CompiledIndex>((resolve, reject) => {
      const worker = spawnWorker(new URL('./index-worker.ts', import.meta.url), {
        workerData: { file, fingerprint, builtAt: isoNow(options.clock), documents },
      });
      worker.once('message', (message: CompiledIndex) => resolve(message));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`search index worker exited with code ${code}`)));
    });
    if (closed) return;
    install(compiled, documents, fingerprint);
    log.info({ documents: documents.length, ms: Math.round(performance.now() - started) }, 'search index built');
  };

  const run = (): void => {
    timer = undefined;
    building = build()
      .catch((error: unknown) => log.error({ err: error }, 'search index build failed; the previous index stays'))
      .finally(() => {
        building = undefined;
        if (again && !closed) {
          again = false;
          schedule();
        }
        wake();
      });
  };

  function schedule(): void {
    if (closed) return;
    if (building) {
      again = true;
      return;
    }
    if (timer) return;
    timer = setTimeout(run, debounceMs);
    timer.unref();
  }

  return {
    search(query, limit = 50) {
      if (!current) return { ready: false, results: [] };
      const terms = tokenize(query.slice(0, 200));
      const { index, documents } = current;
      const results: SearchResult[] = [];
      for (const hit of queryIndex(index, terms, limit)) {
        const doc = documents.get(hit.ref);
        if (!doc) continue;
        results.push({
          type: doc.type,
          title: doc.title,
          url: doc.url,
          snippet: makeSnippet(doc.text, terms),
          score: Math.round(hit.score * 1000) / 1000,
        });
        if (results.length >= limit) break;
      }
      return { ready: true, results };
    },
    schedule,
    settled: () => (timer || building ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve()),
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await building;
      wake();
    },
  };
}
