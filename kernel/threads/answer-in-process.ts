import { DomainError } from '../errors/domain-error.ts';
import { lowerProcessPriority } from './lower-process-priority.ts';
import type { TaskReply } from './task-reply.ts';

/**
 * The child's side of `runInProcess`: lowers this process's priority (its work is background work), answers the
 * one input it is sent with `task`'s value or its error, and exits. It also exits when its parent goes away, so
 * that no orphan keeps working. Does nothing outside a child started with an IPC channel, so the entry module can
 * also be imported for its types.
 */
export function answerInProcess<Input, Output>(task: (input: Input) => Output | Promise<Output>): void {
  const send = process.send?.bind(process);
  if (!send) return;
  lowerProcessPriority();
  process.once('disconnect', () => process.exit(0));
  process.once('message', async (input: Input) => {
    let reply: TaskReply<Output>;
    try {
      reply = { ok: true, value: await task(input) };
    } catch (error) {
      // A DomainError (a limit, a bad date, a file gone from the commit) keeps its kind and code across the boundary.
      const domain = error instanceof DomainError ? { kind: error.kind, code: error.code, params: error.params } : {};
      reply = { ok: false, message: error instanceof Error ? error.message : String(error), ...domain };
    }
    send(reply, (error: Error | null) => process.exit(error ? 1 : 0));
  });
}
