import express, { type Express } from 'express';
import type { Db } from '../db/open-database.ts';
import { createStore, type Store } from '../db/store.ts';
import { createAdminDeliveriesRoute } from './api/admin-deliveries-route.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config/read-config.ts';
import { errorHandler, notFoundHandler } from './errors/error-handler.ts';
import { createHealthRoute } from './health/health-route.ts';
import { requestContext } from './http/request-context.ts';
import type { Logger } from './log/create-logger.ts';
import type { DeliveryBatcher } from './webhooks/delivery-batcher.ts';
import { createSignatureVerifier } from './webhooks/verify-signature.ts';
import { createWebhookRoute } from './webhooks/webhook-route.ts';

/** What the app is built from; nothing here is global. */
export interface AppDeps {
  db: Db;
  config: Config;
  log: Logger;
  clock: Clock;
  /** Prepared queries; built from `db` when absent. */
  store?: Store;
  /** Stores accepted webhook deliveries (group commit on a writer thread). */
  deliveries: DeliveryBatcher;
}

/** Builds the portal's Express app without listening. */
export function createApp(deps: AppDeps): Express {
  const { db, config, log, clock } = deps;
  const store = deps.store ?? createStore(db);
  const app = express();
  app.disable('x-powered-by');
  app.use(requestContext(log));

  // The webhook route reads the raw body itself; no body parser may run before it.
  app.use(
    createWebhookRoute({
      verify: createSignatureVerifier(config.webhookSecrets),
      batcher: deps.deliveries,
      clock,
      log,
      configured: config.webhookSecrets.length > 0,
    }),
  );
  app.use(createHealthRoute(db));
  app.use(createAdminDeliveriesRoute(store, clock));

  app.use(notFoundHandler());
  app.use(errorHandler());
  return app;
}
