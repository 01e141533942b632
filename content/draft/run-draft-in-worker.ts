import { DomainError, type ErrorKind } from '../../kernel/errors/domain-error.ts';
import type { MessageParams } from '../../kernel/i18n/message.ts';
import { spawnWorker } from '../../kernel/threads/spawn-worker.ts';
import type { DraftInput, DraftResult } from './draft-types.ts';

/** The worker's answer; a refusal of the core (a DomainError) comes with its kind, code and params. */
type WorkerReply =
  | { ok: true; result: DraftResult }
  | { ok: false; message: string; kind?: ErrorKind; code?: string; params?: MessageParams };

/** The draft generator failed inside its worker thread. */
export class DraftWorkerError extends Error {
  constructor(message: string) {
    super(`draft generation failed in its worker thread: ${message}`);
    this.name = 'DraftWorkerError';
  }
}

/**
 * Runs `generateDraft` in a worker thread, so a large spec set never blocks the caller's event loop.
 * Same input, same result (the input and result are structured-cloned across the thread boundary), and the
 * same DomainError when the core refuses the input.
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
      settle(() => {
        if (reply.ok) resolve(reply.result);
        else if (reply.kind && reply.code) reject(new DomainError(reply.kind, reply.code, reply.message, reply.params));
        else reject(new DraftWorkerError(reply.message));
      }),
    );
    worker.once('error', (error) => settle(() => reject(new DraftWorkerError(error.message))));
    worker.once('exit', (code) =>
      settle(() => reject(new DraftWorkerError(`worker exited with code ${code} before answering`))),
    );
    worker.postMessage(input);
  });
}
