import type { Logger } from '../../kernel/log/create-logger.ts';

/** How a job's outcome ended up. */
export type RecordResult = 'written' | 'not-ours' | 'abandoned';

export interface RecordOptions {
  log: Logger;
  /** First wait after a failed write; doubles up to `maxMs`. */
  baseMs: number;
  maxMs: number;
  /** Asked after each failure: true stops retrying (the worker is shutting down). */
  giveUp: () => boolean;
}

/**
 * Writes a job's outcome (done, retry, dead), retrying with backoff until the store takes it: a full disk, an I/O
 * error or a lock must not leave the job `running` in a live process until its lease runs out. `write` returns
 * false when the job is no longer this worker's (another worker took it over after the lease ran out). Gives up
 * only when `giveUp` says so; the lease then stays, and the next start takes it back at once.
 */
export async function recordOutcome(write: () => boolean, options: RecordOptions): Promise<RecordResult> {
  const { log, baseMs, maxMs, giveUp } = options;
  let delay = baseMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return write() ? 'written' : 'not-ours';
    } catch (error) {
      // The first failure, then about every minute: the disk may stay full for hours.
      if (attempt === 1 || attempt % Math.max(1, Math.round(60_000 / maxMs)) === 0) {
        log.error({ err: error, attempt }, 'could not record the job outcome; retrying until the store takes it');
      }
      if (giveUp()) {
        log.error({ attempt }, 'gave up recording the job outcome at shutdown; the next start takes the job back');
        return 'abandoned';
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(maxMs, delay * 2);
    }
  }
}
