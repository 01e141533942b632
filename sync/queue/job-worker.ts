import type { JobRow } from '../../db/jobs/job-queries.ts';
import type { Store } from '../../db/store.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import { redactSecrets } from '../../kernel/log/redact-secrets.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff-delay.ts';
import type { JobHandler } from './job-handler.ts';
import { currentProcessOwner, type QueueOwnerIdentity } from './queue-owner.ts';
import { recordOutcome } from './record-outcome.ts';
import { takeBackLeases } from './take-back-leases.ts';

/** A short lease, renewed every third of it while the job runs: a crashed worker's jobs are free within seconds. */
export const DEFAULT_LEASE_MS = 30_000;

export interface JobWorkerOptions {
  store: Store;
  clock: Clock;
  log: Logger;
  handlers: Readonly<Record<string, JobHandler>>;
  /** Jobs run at once (never two with the same queue key). */
  concurrency?: number;
  /** How long a claimed job is protected without renewal; the worker renews it every third of this. */
  leaseMs?: number;
  backoff?: BackoffPolicy;
  /** Longest sleep between looks at the queue when nothing is due. */
  idleMs?: number;
  /** Who this worker is (default: this process, new random id); tests pretend to be other processes. */
  owner?: QueueOwnerIdentity;
  /** Whether a pid exists (tests); default `process.kill(pid, 0)`. */
  processExists?: (pid: number) => boolean;
  /** Waits between attempts to record an outcome the store refused (default 100 ms doubling to 5 s). */
  recordRetry?: { baseMs: number; maxMs: number };
}

/** The durable queue's runner. */
export interface JobWorker {
  /** The queue owner id this worker writes on the jobs it leases. */
  readonly ownerId: string;
  /** Starts the background loop. */
  start(): void;
  /** Stops taking jobs and waits for the running ones. */
  stop(): Promise<void>;
  /** Something was enqueued: look now instead of at the next tick. */
  poke(): void;
  /** Runs due jobs until none is due (tests, CLI); returns how many ran. */
  drain(): Promise<number>;
}

/**
 * Creates the worker that runs queued jobs with owned, renewed leases, retries with exponential backoff, and a
 * dead-letter state. At start it takes back at once the leases of workers that are gone; it records every outcome
 * until the store takes it, keeping the job (and its queue key) to itself meanwhile.
 */
export function createJobWorker(options: JobWorkerOptions): JobWorker {
  const { store, clock, log, handlers } = options;
  const concurrency = options.concurrency ?? 2;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const idleMs = options.idleMs ?? 1_000;
  const recordRetry = options.recordRetry ?? { baseMs: 100, maxMs: 5_000 };
  const self = options.owner ?? currentProcessOwner();
  const running = new Map<number, Promise<void>>();
  const busyKeys = new Set<string>();
  let registered = false;
  let started = false;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let beatTimer: NodeJS.Timeout | undefined;

  function takeBack(): void {
    try {
      takeBackLeases({ store, log, self, now: clock.now(), staleMs: leaseMs, exists: options.processExists });
    } catch (error) {
      log.warn({ err: error }, 'could not take back the leases of gone workers; next beat tries again');
    }
  }

  // The owner is recorded before its first lease, and the leases of gone owners are taken back right then.
  function ensureRegistered(): boolean {
    if (registered) return true;
    try {
      const now = clock.now();
      store.queueOwners.register({
        id: self.id,
        host: self.host,
        pid: self.pid,
        process_started: self.processStarted,
        started_at: now,
      });
      store.queueOwners.prune(now - 7 * 86_400_000);
    } catch (error) {
      log.error({ err: error }, 'could not register the job worker; will try again');
      return false;
    }
    registered = true;
    log.info({ owner: self.id, leaseMs }, 'job worker registered');
    takeBack();
    return true;
  }

  // One heartbeat renews the owner and every lease it holds; it also notices a sibling worker that died.
  function beat(): void {
    if (!registered) return;
    try {
      const now = clock.now();
      store.queueOwners.beat(self.id, now, now + leaseMs);
    } catch (error) {
      log.warn({ err: error }, 'could not renew the job leases; next beat tries again');
    }
    takeBack();
  }

  function startBeat(): void {
    if (beatTimer) return;
    beatTimer = setInterval(beat, Math.max(250, Math.floor(leaseMs / 3)));
    beatTimer.unref();
  }

  function stopBeat(): void {
    if (beatTimer) clearInterval(beatTimer);
    beatTimer = undefined;
  }

  async function execute(job: JobRow): Promise<void> {
    const handler = handlers[job.kind];
    const jobLog = log.child({ jobId: job.id, kind: job.kind, subject: job.subject, attempt: job.attempts });
    let write: () => boolean;
    let afterWrite: () => void;
    try {
      if (!handler) throw new Error(`no handler for jobs of kind "${job.kind}"`);
      await handler.run(job);
      write = () => store.jobs.complete(job.id, clock.now(), self.id);
      afterWrite = () => jobLog.debug('job done');
    } catch (error) {
      const message = redactSecrets(error instanceof Error ? error.message : String(error)).slice(0, 2000);
      const final = job.attempts >= backoff.maxAttempts || !handler;
      // The job's state and the handler's record of the failure (a delivery's status) change together.
      write = () =>
        store.transaction(() => {
          const now = clock.now();
          const wrote = final
            ? store.jobs.bury(job.id, message, now, self.id)
            : store.jobs.retry(job.id, message, now + backoffDelay(backoff, job.attempts, job.id), now, self.id);
          if (wrote) handler?.failed?.(job, message, final);
          return wrote;
        });
      afterWrite = () => {
        if (final) jobLog.error({ error: message }, 'job failed for the last time: dead-lettered');
        else jobLog.warn({ error: message }, 'job failed: will retry');
      };
    }
    // At shutdown a few more tries, then the lease is left for the next start to take back.
    let triesAfterStop = 0;
    const giveUp = (): boolean => stopping && ++triesAfterStop > 3;
    const result = await recordOutcome(write, { log: jobLog, ...recordRetry, giveUp });
    if (result === 'written') afterWrite();
    else if (result === 'not-ours') jobLog.warn('the job was taken over by another worker; its outcome is theirs');
  }

  function claimNext(): JobRow | undefined {
    if (!ensureRegistered()) return undefined;
    try {
      return store.jobs.claim(clock.now(), leaseMs, [...busyKeys], self.id);
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
    ownerId: self.id,
    start() {
      if (started) return;
      started = true;
      stopping = false;
      startBeat();
      schedule(0);
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await Promise.allSettled([...running.values()]);
      stopBeat();
      started = false;
      if (!registered) return;
      try {
        // A clean stop: whatever lease is still ours (an outcome never recorded) is free for the next start.
        store.queueOwners.markStopped(self.id, clock.now());
        registered = false;
      } catch (error) {
        log.warn({ err: error }, 'could not record the job worker as stopped');
      }
    },
    poke() {
      if (started && !stopping) schedule(0);
    },
    async drain() {
      let ran = 0;
      startBeat();
      try {
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
      } finally {
        if (!started) stopBeat();
      }
    },
  };
}
