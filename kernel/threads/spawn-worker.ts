import { Worker, type WorkerOptions } from 'node:worker_threads';

const BOOTSTRAP = new URL('./tsx-bootstrap.mjs', import.meta.url);

/**
 * Starts a worker thread on a module of this code base. Sources run through tsx (no build step), and a worker
 * inherits neither the loader `bin/magnolia.js` registered nor an `--import` flag (Node 20 ignores it in
 * workers), so a `.ts` entry starts from a small bootstrap that registers tsx and then imports it.
 */
export function spawnWorker(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  return new Worker(BOOTSTRAP, { ...options, argv: [entry.href, ...(options.argv ?? [])] });
}
