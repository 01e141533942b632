import { spawnWorker } from '../../kernel/threads/spawn-worker.ts';
import type { DraftInput, DraftResult } from './draft-types.ts';

/** The worker's answer. */
type WorkerReply = { ok: true; result: DraftResult } | { ok: false; message: string };

/** The draft generator failed inside its worker thread. */
export class DraftWorkerError extends Error {
  constructor(message: string) {
    super(`draft generation failed in its worker thread: ${message}`);
    this.name = 'DraftWorkerError';
  }
}

/**
 * Runs `generateDraft` in a worker thread, so a large spec set never blocks the caller's event loop.
 * Same input, same result (the input and result are structured-cloned across the thread boundary).
 */
export function runDraftInWorker(input: DraftInput): Promise<DraftResult> {
  // spawnWorker registers tsx inside the thread (Node 20 ignores `--import` for workers).
  const worker = spawnWorker(new URL('./draft-worker.ts', import.meta.url));
  return new Promise<DraftResult>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.once('message', (reply: WorkerReply) =>
      settle(() => (reply.ok ? resolve(reply.result) : reject(new DraftWorkerError(reply.message)))),
    );
    worker.once('error', (error) => settle(() => reject(new DraftWorkerError(error.message))));
    worker.once('exit', (code) =>
      settle(() => reject(new DraftWorkerError(`worker exited with code ${code} before answering`))),
    );
    worker.postMessage(input);
  });
}
