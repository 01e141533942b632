import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { openDatabase } from '../db/open-database.ts';
import { createStore, type Store } from '../db/store.ts';
import { createJobWorker, type JobWorker } from '../sync/queue/job-worker.ts';
import type { JobHandler } from '../sync/queue/job-handler.ts';
import { createDeliveryJobHandler } from '../sync/webhooks/delivery-job-handler.ts';
import type { FollowUps } from '../sync/webhooks/processor-context.ts';
import { createApp } from './app.ts';
import { createDeliveryBatcher } from './webhooks/delivery-batcher.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Config } from './config/read-config.ts';
import type { Logger } from './log/create-logger.ts';

export interface InstanceOptions {
  config: Config;
  log: Logger;
  clock?: Clock;
  /** Start the background worker (tests may drive it with `worker.drain()` instead). */
  startWorker?: boolean;
}

/** A running Magnolia: the HTTP server, the store and the queue worker. */
export interface Instance {
  url: string;
  app: Express;
  server: Server;
  store: Store;
  worker: JobWorker;
  /** Stops accepting requests, lets running jobs finish, closes the database. */
  close(): Promise<void>;
}

/** Opens the store (running migrations), builds the app and the worker, and listens on the configured port. */
export async function startInstance(options: InstanceOptions): Promise<Instance> {
  const { config, log } = options;
  const clock = options.clock ?? systemClock;
  const db = openDatabase(config.databaseFile);
  const store = createStore(db);
  const followUps: FollowUps = { fetch: () => {}, refresh: () => {} };
  const handlers: Record<string, JobHandler> = {
    delivery: createDeliveryJobHandler({ store, clock, log, followUps }),
  };
  const worker = createJobWorker({ store, clock, log, handlers });
  const deliveries = createDeliveryBatcher(config.databaseFile, log, () => worker.poke());
  const app = createApp({ db, config, log, clock, store, deliveries });
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  if (options.startWorker !== false) worker.start();
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    app,
    server,
    store,
    worker,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const force = setTimeout(() => server.closeAllConnections(), 5_000);
        await closed;
        clearTimeout(force);
        await deliveries.close();
        await worker.stop();
        db.close();
      })();
      return closing;
    },
  };
}
