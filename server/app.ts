import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import type { Db } from '../db/open-database.ts';
import { createStore, type Store } from '../db/store.ts';
import { createAdminDeliveriesRoute } from './api/admin-deliveries-route.ts';
import { createMaturityRoute } from './api/maturity-route.ts';
import { createProjectsRoute } from './api/projects-route.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Config } from '../kernel/config/read-config.ts';
import { errorHandler, notFoundHandler } from './errors/error-handler.ts';
import { createHealthRoute } from './health/health-route.ts';
import { requestContext } from './http/request-context.ts';
import { i18nMiddleware } from './i18n/i18n-middleware.ts';
import { createPortal, type Portal } from './pages/create-portal.ts';
import { securityHeaders } from './pages/layout/security-headers.ts';
import type { Logger } from '../kernel/log/create-logger.ts';
import type { DeliveryIngest } from './webhooks/delivery-ingest.ts';
import { createWebhookRoute } from './webhooks/webhook-route.ts';

/** What the app is built from; nothing here is global. */
export interface AppDeps {
  db: Db;
  config: Config;
  log: Logger;
  clock: Clock;
  /** Prepared queries; built from `db` when absent. */
  store?: Store;
  /** Stores verified webhook deliveries (group commit on the ingest thread). */
  deliveries: DeliveryIngest;
  /** Pages, search, badges; built here (without a search index) when absent. */
  portal?: Portal;
}

/** Builds the portal's Express app without listening. */
export function createApp(deps: AppDeps): Express {
  const { db, config, log, clock } = deps;
  const store = deps.store ?? createStore(db);
  const portal = deps.portal ?? createPortal({ store, config, log });
  const app = express();
  app.disable('x-powered-by');
  app.set('views', fileURLToPath(new URL('../views/', import.meta.url)));
  app.set('view engine', 'ejs');
  // Compiled templates are kept in every environment, not only when NODE_ENV=production.
  app.set('view cache', true);
  app.use(requestContext(log));

  // The webhook route reads the raw body itself; no body parser may run before it.
  app.use(
    createWebhookRoute({
      ingest: deps.deliveries,
      clock,
      log,
      secrets: config.webhookSecrets,
      bodyBudgetBytes: config.webhookBodyBudgetBytes,
    }),
  );
  app.use(securityHeaders());
  app.use(portal.staticRouter);
  app.use(i18nMiddleware());
  app.use(createHealthRoute(db));
  app.use(createAdminDeliveriesRoute(store, clock));
  app.use(createMaturityRoute(store, clock));
  app.use(createProjectsRoute(store));
  app.use(portal.router);

  app.use(notFoundHandler());
  app.use(errorHandler(portal.renderErrorPage));
  return app;
}
