import { DomainError } from '../errors/domain-error.ts';
import { spawnWorker } from './spawn-worker.ts';
import type { WorkerReply } from './worker-reply.ts';

/** A task failed inside its worker thread for a reason other than a refusal of the core (a bug, a crash). */
export class WorkerTaskError extends Error {
  constructor(task: string, why: string) {
    super(`${task} failed in its worker thread: ${why}`);
    this.name = 'WorkerTaskError';
  }
}

/**
 * Runs one task in a fresh worker thread started on `entry` (a module that calls `answerInWorker`): posts `input`,
 * resolves with the answer, and ends the thread. A DomainError thrown in the thread arrives as the same
 * DomainError (kind, code, params); anything else as a WorkerTaskError naming `task`.
 */
export function runInWorker<Input, Output>(entry: URL, input: Input, task: string): Promise<Output> {
  const worker = spawnWorker(entry);
  return new Promise<Output>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.once('message', (reply: WorkerReply<Output>) =>
      settle(() => {
        if (reply.ok) resolve(reply.value);
        else if (reply.kind && reply.code) reject(new DomainError(reply.kind, reply.code, reply.message, reply.params));
        else reject(new WorkerTaskError(task, reply.message));
      }),
    );
    worker.once('error', (error) => settle(() => reject(new WorkerTaskError(task, error.message))));
    worker.once('exit', (code) =>
      settle(() => reject(new WorkerTaskError(task, `the thread exited with code ${code} before answering`))),
    );
    worker.postMessage(input);
  });
}
