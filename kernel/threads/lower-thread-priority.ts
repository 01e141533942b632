import { setPriority } from 'node:os';

/** How much lower a background thread runs than the threads that answer requests (a nice value, 0–19). */
const BACKGROUND_NICENESS = 10;

/**
 * Lowers the priority of the calling worker thread only (on Linux the nice value belongs to a thread, and
 * `setpriority(PRIO_PROCESS, 0)` names the caller), so that on a machine with few cores a draft being generated
 * yields the CPU to the event loop that serves requests. Where the system refuses, the thread runs as before.
 */
export function lowerThreadPriority(): void {
  try {
    setPriority(0, BACKGROUND_NICENESS);
  } catch {
    // Not permitted here (another OS, a sandbox): generation is only less polite, never wrong.
  }
}
