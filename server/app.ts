import express, { type Express } from 'express';
import type { Store } from '../db/store.ts';
import type { Services } from '../sync/create-services.ts';
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
import { createDomainsRoute } from './api/domains-route.ts';

/** What the app is built from; nothing here is global. */
export interface AppDeps {
  config: Config;
  log: Logger;
  clock: Clock;
  /** The queries the health check and the portal's read models use (every rule lives in the services). */
  store: Store;
  /** One service per capability: what the routes call. */
  services: Services;
  /** Stores verified webhook deliveries (group commit on the ingest thread). */
  deliveries: DeliveryIngest;
  /** Pages, search, badges; built here (without a search index) when absent. */
  portal?: Portal;
}

/** Builds the portal's Express app without listening. */
export function createApp(deps: AppDeps): Express {
  const { config, log, clock, store, services } = deps;
  const portal = deps.portal ?? createPortal({ store, config, log, clock, services });
  const app = express();
  app.disable('x-powered-by');
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
  app.use(createHealthRoute(store.db));
  app.use(createAdminDeliveriesRoute(services));
  app.use(createMaturityRoute(services));
  app.use(createProjectsRoute(services));
  app.use(createDomainsRoute(services));
  app.use(portal.router);

  app.use(notFoundHandler());
  app.use(errorHandler(portal.renderErrorPage));
  return app;
}
