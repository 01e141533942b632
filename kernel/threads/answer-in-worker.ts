import { parentPort } from 'node:worker_threads';
import { DomainError } from '../errors/domain-error.ts';
import { lowerThreadPriority } from './lower-thread-priority.ts';
import type { WorkerReply } from './worker-reply.ts';

/**
 * The thread side of `runInWorker`: lowers this thread's priority (its work is background work), then answers each
 * posted input with `task`'s value or its error. Does nothing outside a worker thread, so the entry module can
 * also be imported for its types.
 */
export function answerInWorker<Input, Output>(task: (input: Input) => Output | Promise<Output>): void {
  const port = parentPort;
  if (!port) return;
  lowerThreadPriority();
  port.on('message', async (input: Input) => {
    let reply: WorkerReply<Output>;
    try {
      reply = { ok: true, value: await task(input) };
    } catch (error) {
      // A DomainError (a limit, a bad date, a file gone from the commit) keeps its kind and code across the boundary.
      const domain = error instanceof DomainError ? { kind: error.kind, code: error.code, params: error.params } : {};
      reply = { ok: false, message: error instanceof Error ? error.message : String(error), ...domain };
    }
    port.postMessage(reply);
  });
}
