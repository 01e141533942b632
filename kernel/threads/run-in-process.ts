import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DomainError } from '../errors/domain-error.ts';
import type { TaskReply } from './task-reply.ts';

const BOOTSTRAP = new URL('./tsx-bootstrap.mjs', import.meta.url);

/** util-linux's chrt (essential on Debian): starts a command under SCHED_IDLE, which runs on idle CPU time only. */
const CHRT = '/usr/bin/chrt';

/** A background task failed for a reason other than a refusal of the core (a bug, a crash, a kill). */
export class BackgroundTaskError extends Error {
  constructor(task: string, why: string) {
    super(`${task} failed in its background process: ${why}`);
    this.name = 'BackgroundTaskError';
  }
}

/**
 * Runs one task in a fresh child process started on `entry` (a module that calls `answerInProcess`): sends
 * `input`, resolves with the answer, and ends the process. Unlike a worker thread, everything the task does — its
 * garbage collector's threads and the git processes it starts included — runs at background priority (SCHED_IDLE
 * where chrt exists, else nice 10), so on a machine with two cores the process that answers requests keeps the CPU.
 * A DomainError thrown there arrives as the same DomainError (kind, code, params); anything else as a
 * BackgroundTaskError naming `task`.
 */
export function runInProcess<Input, Output>(entry: URL, input: Input, task: string): Promise<Output> {
  const node = [process.execPath, BOOTSTRAP.pathname, entry.href];
  const [command, ...args] = process.platform === 'linux' && existsSync(CHRT) ? [CHRT, '--idle', '0', ...node] : node;
  const child = spawn(command!, args, {
    // Structured clone, not JSON: megabytes of strings cross without being parsed again here.
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise<Output>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
      if (child.exitCode === null) child.kill();
    };
    child.once('message', (reply: TaskReply<Output>) =>
      settle(() => {
        if (reply.ok) resolve(reply.value);
        else if (reply.kind && reply.code) reject(new DomainError(reply.kind, reply.code, reply.message, reply.params));
        else reject(new BackgroundTaskError(task, reply.message));
      }),
    );
    child.once('error', (error) => settle(() => reject(new BackgroundTaskError(task, error.message))));
    child.once('exit', (code, signal) =>
      settle(() =>
        reject(new BackgroundTaskError(task, `the process exited (${signal ?? `code ${code}`}) before answering`)),
      ),
    );
    child.send(input as never);
  });
}
