import type { JobRow } from '../../db/jobs/job-queries.ts';
import type { Store } from '../../db/store.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import { redactSecrets } from '../../kernel/log/redact-secrets.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff-delay.ts';
import type { JobHandler } from './job-handler.ts';

export interface JobWorkerOptions {
  store: Store;
  clock: Clock;
  log: Logger;
  handlers: Readonly<Record<string, JobHandler>>;
  /** Jobs run at once (never two with the same queue key). */
  concurrency?: number;
  /** How long a claimed job is protected; after that another worker (or a restart) takes it again. */
  leaseMs?: number;
  backoff?: BackoffPolicy;
  /** Longest sleep between looks at the queue when nothing is due. */
  idleMs?: number;
}

/** The durable queue's runner. */
export interface JobWorker {
  /** Starts the background loop. */
  start(): void;
  /** Stops taking jobs and waits for the running ones. */
  stop(): Promise<void>;
  /** Something was enqueued: look now instead of at the next tick. */
  poke(): void;
  /** Runs due jobs until none is due (tests, CLI); returns how many ran. */
  drain(): Promise<number>;
}

/** Creates the worker that runs queued jobs with leases, retries with exponential backoff, and a dead-letter state. */
export function createJobWorker(options: JobWorkerOptions): JobWorker {
  const { store, clock, log, handlers } = options;
  const concurrency = options.concurrency ?? 2;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const idleMs = options.idleMs ?? 1_000;
  const running = new Map<number, Promise<void>>();
  const busyKeys = new Set<string>();
  let started = false;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;

  async function execute(job: JobRow): Promise<void> {
    const handler = handlers[job.kind];
    const jobLog = log.child({ jobId: job.id, kind: job.kind, subject: job.subject, attempt: job.attempts });
    // Long jobs (a first clone) keep their lease alive; a crash stops the heartbeat and the lease runs out.
    const heartbeat = setInterval(
      () => {
        try {
          store.jobs.extendLease(job.id, clock.now() + leaseMs);
        } catch {
          // Next beat tries again.
        }
      },
      Math.max(1_000, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref();
    try {
      if (!handler) throw new Error(`no handler for jobs of kind "${job.kind}"`);
      await handler.run(job);
      store.jobs.complete(job.id, clock.now());
      jobLog.debug('job done');
    } catch (error) {
      const message = redactSecrets(error instanceof Error ? error.message : String(error)).slice(0, 2000);
      const final = job.attempts >= backoff.maxAttempts || !handler;
      try {
        if (final) store.jobs.bury(job.id, message, clock.now());
        else store.jobs.retry(job.id, message, clock.now() + backoffDelay(backoff, job.attempts, job.id), clock.now());
        handler?.failed?.(job, message, final);
      } catch (storeError) {
        // The lease will expire and the job will run again: nothing is lost.
        jobLog.error({ err: storeError }, 'could not record the job failure');
      }
      if (final) jobLog.error({ error: message }, 'job failed for the last time: dead-lettered');
      else jobLog.warn({ error: message }, 'job failed: will retry');
    } finally {
      clearInterval(heartbeat);
    }
  }

  function claimNext(): JobRow | undefined {
    try {
      return store.jobs.claim(clock.now(), leaseMs, [...busyKeys]);
    } catch (error) {
      log.error({ err: error }, 'could not claim a job; will try again');
      return undefined;
    }
  }

  function fill(): void {
    while (!stopping && running.size < concurrency) {
      const job = claimNext();
      if (!job) break;
      busyKeys.add(job.queue_key);
      const done = execute(job).finally(() => {
        running.delete(job.id);
        busyKeys.delete(job.queue_key);
        if (started && !stopping) schedule(0);
      });
      running.set(job.id, done);
    }
  }

  function schedule(delayMs: number): void {
    if (!started || stopping) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, delayMs);
    timer.unref();
  }

  function tick(): void {
    timer = undefined;
    fill();
    let wake = idleMs;
    try {
      const next = store.jobs.nextWakeAt();
      if (next !== undefined) wake = Math.max(0, Math.min(idleMs, next - clock.now()));
    } catch {
      // The store is unavailable right now; keep the idle pace.
    }
    schedule(wake);
  }

  return {
    start() {
      if (started) return;
      started = true;
      stopping = false;
      schedule(0);
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await Promise.allSettled([...running.values()]);
      started = false;
    },
    poke() {
      if (started && !stopping) schedule(0);
    },
    async drain() {
      let ran = 0;
      for (;;) {
        const job = claimNext();
        if (!job) {
          if (running.size === 0) return ran;
          await Promise.race(running.values());
          continue;
        }
        ran += 1;
        busyKeys.add(job.queue_key);
        try {
          await execute(job);
        } finally {
          busyKeys.delete(job.queue_key);
        }
      }
    },
  };
}
