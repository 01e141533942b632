import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { openDatabase } from '../db/open-database.ts';
import { createStore, type Store } from '../db/store.ts';
import { enqueueAllEvaluations, enqueueMissingEvaluations } from '../sync/maturity/maturity-jobs.ts';
import { createServices, type Services } from '../sync/create-services.ts';
import type { SyncServices } from '../sync/create-sync-services.ts';
import { seedDemoCommunity, shouldSeedDemo } from '../sync/demo/seed-demo-community.ts';
import { seedDemoProposals } from '../sync/demo/proposals/seed-demo-proposals.ts';
import { seedDemoAccounts } from '../sync/accounts/demo-accounts.ts';
import {
  createGitHubClient,
  type GitHubClient,
  type GitHubClientOptions,
} from '../sync/github/create-github-client.ts';
import { JOB } from '../db/jobs/job-kinds.ts';
import { enqueueRepositoryJob } from '../sync/queue/enqueue-follow-ups.ts';
import type { JobHandler } from '../sync/queue/job-handler.ts';
import { createJobWorker, type JobWorker } from '../sync/queue/job-worker.ts';
import { createDeliveryJobHandler } from '../sync/webhooks/delivery-job-handler.ts';
import { createApp } from './app.ts';
import { createPortal } from './pages/create-portal.ts';
import { systemClock, type Clock } from '../kernel/clock.ts';
import type { Config } from '../kernel/config/read-config.ts';
import type { Logger } from '../kernel/log/create-logger.ts';
import { createDeliveryIngest, INGEST_BUSY_TIMEOUT_MS, INGEST_DEADLINE_MS } from './webhooks/delivery-ingest.ts';

/** SQLite busy timeout of the HTTP thread's connection (see `startInstance`). */
export const MAIN_BUSY_TIMEOUT_MS = 1_000;

export interface InstanceOptions {
  config: Config;
  log: Logger;
  clock?: Clock;
  /** The REST client; built from the configuration when absent. */
  github?: GitHubClient;
  /** Options of the REST client built from the configuration (tests make its delays tiny). */
  githubOptions?: Pick<GitHubClientOptions, 'delayBaseMs' | 'retries' | 'maxRateLimitWaitSeconds' | 'timeoutMs'>;
  /** Deadline and busy timeout of webhook ingest (defaults: INGEST_DEADLINE_MS, INGEST_BUSY_TIMEOUT_MS). */
  ingestOptions?: { deadlineMs: number; busyTimeoutMs: number };
  /** Start the background worker and the periodic reconcile (tests may drive `worker.drain()` instead). */
  startWorker?: boolean;
}

/** A running Magnolia: the HTTP server, the store, the mirror and the queue worker. */
export interface Instance {
  url: string;
  app: Express;
  server: Server;
  store: Store;
  worker: JobWorker;
  services: Services;
  /** The mirror and the maturity engine (`services.sync`). */
  sync: SyncServices;
  /** Enqueues a reconcile of every member (what the periodic timer does). */
  scheduleReconcile(): number;
  /** Stops accepting requests, lets running jobs finish, closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the store (running migrations), seeds the demo community on a new offline instance, builds the app and
 * the worker, listens, and starts the periodic reconcile.
 */
export async function startInstance(options: InstanceOptions): Promise<Instance> {
  const { config, log } = options;
  const clock = options.clock ?? systemClock;
  // better-sqlite3 waits for a lock on the calling thread, and this is the HTTP thread: a long wait here (the job
  // worker claiming while a backup holds the store) would freeze every answer, the webhooks' 503 at their deadline
  // included. One second is plenty for the ingest thread's group commits; a longer lock fails fast and is retried.
  const db = openDatabase(config.databaseFile, { busyTimeoutMs: MAIN_BUSY_TIMEOUT_MS, clock });
  const store = createStore(db);
  const github = options.github ?? createGitHubClient({ config, log, store, clock, ...options.githubOptions });
  const services = createServices({ store, config, log, clock, github });
  const { sync } = services;
  if (shouldSeedDemo(store, config)) await seedDemoCommunity({ store, config, log, clock }, sync);
  // The demo people (and instances seeded before they existed get them once).
  seedDemoAccounts(store, clock);
  // Its proposals, carried through the workflow by those people (once).
  await seedDemoProposals({ store, clock, log, config }, services);

  const worker = createJobWorker({
    store,
    clock,
    log,
    // Without a prototype: a job's kind is looked up by name, and `constructor` must find no handler.
    handlers: Object.assign(
      Object.create(null) as Record<string, JobHandler>,
      sync.handlers,
      services.proposals.handlers,
      services.notifications.handlers,
      services.drift.handlers,
      services.ballots.handlers,
      services.downloads.handlers,
      services.publication.handlers,
      {
        [JOB.delivery]: createDeliveryJobHandler({ store, clock, log, followUps: sync.followUps }),
      },
    ),
  });
  // A member without a result (added while no worker ran, or before evaluation followed every backfill) is
  // evaluated at once rather than at the daily run.
  const missing = enqueueMissingEvaluations(store, clock);
  if (missing > 0) log.info({ projects: missing }, 'evaluating projects without a maturity result');
  // Revisions made before their commits were pinned get their refs/magnolia/pinned refs (in the background).
  services.sources
    .pinAllRevisionCommits()
    .then((done) =>
      done.pinned + done.lost > 0 ? log.info(done, 'pinned the commits of earlier revisions') : undefined,
    )
    .catch((error: unknown) => log.warn({ error: String(error) }, 'could not pin the commits of earlier revisions'));
  const deliveries = createDeliveryIngest(
    {
      databaseFile: config.databaseFile,
      busyTimeoutMs: options.ingestOptions?.busyTimeoutMs ?? INGEST_BUSY_TIMEOUT_MS,
    },
    log,
    () => worker.poke(),
    { deadlineMs: options.ingestOptions?.deadlineMs ?? INGEST_DEADLINE_MS },
  );
  // The thread compiles and opens the store in a second or so (longer on a busy machine); a delivery taken before
  // that would spend its deadline waiting.
  await deliveries.ready();
  const portal = createPortal({ store, config, log, clock, services, search: true });
  const app = createApp({ config, log, clock, store, services, deliveries, portal });
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  // Without MAGNOLIA_BASE_URL the portal is where it listens (PORT=0 picks the port only now): OAuth redirects and
  // Origin checks use that.
  if (!config.baseUrlConfigured) config.baseUrl = `http://${host}:${port}`;

  const scheduleReconcile = (): number => {
    const members = store.repositories.listMembers();
    // Spread over a minute so a large community does not hit GitHub (or the disk) all at once.
    members.forEach((row, i) =>
      enqueueRepositoryJob(store, clock, JOB.reconcile, row.id, (i * 60_000) / Math.max(1, members.length)),
    );
    worker.poke();
    return members.length;
  };
  let reconcileTimer: NodeJS.Timeout | undefined;
  const planReconcile = () => {
    const base = config.reconcileMinutes * 60_000;
    // ±10% jitter: instances started together drift apart.
    reconcileTimer = setTimeout(
      () => {
        scheduleReconcile();
        planReconcile();
      },
      base * (0.9 + Math.random() * 0.2),
    );
    reconcileTimer.unref();
  };
  // Daily: re-evaluate maturity (windows move and exemptions expire even when nothing is pushed) and prune the
  // queue and old delivery payloads.
  let dailyTimer: NodeJS.Timeout | undefined;
  if (options.startWorker !== false) {
    worker.start();
    if (config.reconcileMinutes > 0) planReconcile();
    dailyTimer = setInterval(() => {
      enqueueAllEvaluations(store, clock);
      worker.poke();
      // Finished jobs are kept a week for inspection, dead ones a month; the deliveries themselves stay.
      store.jobs.pruneFinished(clock.now() - 7 * 86_400_000, clock.now() - 30 * 86_400_000);
      services.sessions.prune();
      store.deliveries.prunePayloads(new Date(clock.now() - config.payloadRetentionDays * 86_400_000).toISOString());
    }, 86_400_000);
    dailyTimer.unref();
  }

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    app,
    server,
    store,
    worker,
    services,
    sync,
    scheduleReconcile,
    close() {
      closing ??= (async () => {
        if (reconcileTimer) clearTimeout(reconcileTimer);
        if (dailyTimer) clearInterval(dailyTimer);
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const force = setTimeout(() => server.closeAllConnections(), 5_000);
        await closed;
        clearTimeout(force);
        await portal.close();
        await deliveries.close();
        await worker.stop();
        services.notifications.close();
        await services.downloads.close();
        db.close();
      })();
      return closing;
    },
  };
}
