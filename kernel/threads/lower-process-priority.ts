import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';

/** How much lower a background process runs than the process that answers requests (a nice value, 0–19). */
export const BACKGROUND_NICENESS = 10;

/**
 * Lowers the nice value of every thread of the calling process. On Linux a nice value belongs to a thread and a
 * thread started later inherits its creator's, so the garbage collector's threads, which exist before any
 * JavaScript runs, are named one by one from `/proc/self/task`. Where the system refuses, the process runs as before.
 */
export function lowerProcessPriority(): void {
  let threads: number[] = [0];
  try {
    threads = readdirSync('/proc/self/task').map(Number);
  } catch {
    // Not Linux: the process's priority is one value, set through pid 0.
  }
  for (const tid of threads) {
    try {
      setPriority(tid, BACKGROUND_NICENESS);
    } catch {
      // Not permitted here (another OS, a sandbox): the work is only less polite, never wrong.
    }
  }
}
