import express, { type Express } from 'express';
import type { Store } from '../db/store.ts';
import type { Services } from '../sync/create-services.ts';
import { createAdminAuditRoute } from './api/admin-audit-route.ts';
import { createAdminDeliveriesRoute } from './api/admin-deliveries-route.ts';
import { createAdminUsersRoute } from './api/admin-users-route.ts';
import { createMeRoute } from './api/me-route.ts';
import { createProjectActionsRoute } from './api/project-actions-route.ts';
import { createAuthRoutes } from './auth/auth-routes.ts';
import { createCsrf } from './auth/csrf.ts';
import { createProposalsRoute } from './api/proposals-route.ts';
import { createBallotsRoute } from './api/ballots-route.ts';
import { createCommentsRoute } from './api/comments-route.ts';
import { createDownloadsRoute } from './api/downloads-route.ts';
import { createDiffsRoute } from './api/diffs-route.ts';
import { createDriftRoute } from './api/drift-route.ts';
import { createDiffPages } from './pages/proposals/diff-page-route.ts';
import { createBallotForms } from './pages/proposals/ballot-forms-route.ts';
import { createProposalPages } from './pages/proposals/proposals-route.ts';
import { createProposalForms } from './pages/proposals/proposal-forms-route.ts';
import { createRevisionPages } from './pages/proposals/revision-page-route.ts';
import { createExplanatoryNotePages } from './pages/proposals/explanatory-note-route.ts';
import { createCommentsPages } from './pages/proposals/comments-pages-route.ts';
import { createExplanatoryNoteRoute } from './api/explanatory-note-route.ts';
import { identify } from './auth/identify.ts';
import { createRateLimits } from './auth/rate-limits.ts';
import { sessionMiddleware } from './auth/session-middleware.ts';
import { createAccountRoute } from './pages/account/account-route.ts';
import { createConsole } from './pages/admin/create-console.ts';
import { createSignInRoute } from './pages/signin/signin-route.ts';
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
import { createInboxApiRoute } from './api/inbox-route.ts';
import { createFeedsRoute } from './pages/feeds/feeds-route.ts';
import { createInboxPages } from './pages/inbox/inbox-route.ts';

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
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders());
  app.use(portal.staticRouter);
  app.use(i18nMiddleware());
  app.use(createHealthRoute(store.db));

  // Who is asking: a session (only for requests that carry its cookie or end a sign-in) or a bearer token; then
  // CSRF and Origin checks for cookie-authenticated writes, and the rate limit of writes.
  const csrf = createCsrf(config);
  const limits = createRateLimits(config);
  const signInOffered = config.oauth !== undefined || services.signIn.demoAvailable();
  app.use(sessionMiddleware(services, config));
  app.use(express.urlencoded({ extended: false, limit: '2mb' }));
  app.use(identify(services, config, csrf));
  app.use(csrf.protect());
  app.use(limits.writes);
  app.use((_req, res, next) => {
    res.locals.signInOffered = signInOffered;
    next();
  });
  app.use(createAuthRoutes({ services, config, clock, csrf, limits }));

  app.use(createMeRoute(services));
  app.use(createInboxApiRoute(services));
  app.use(createAdminUsersRoute(services));
  app.use(createAdminAuditRoute(services));
  app.use(createAdminDeliveriesRoute(services));
  app.use(createProjectActionsRoute(services));
  app.use(createMaturityRoute(services));
  app.use(createProjectsRoute(services));
  app.use(createProposalsRoute(services));
  app.use(createExplanatoryNoteRoute(services));
  app.use(createBallotsRoute(services));
  app.use(createCommentsRoute(services));
  app.use(createDownloadsRoute(services));
  app.use(createDiffsRoute(services));
  app.use(createDriftRoute(services));

  const pages = { ctx: portal.pageContext, services, csrf };
  app.use(createSignInRoute(portal.pageContext, services));
  app.use(createAccountRoute({ ...pages, config }));
  app.use(createConsole(pages));
  app.use(createInboxPages(pages));
  // Before the proposal pages: `/proposals/feed.atom` is no proposal number.
  app.use(createFeedsRoute({ ...portal.pageContext, proposals: services.proposals }));
  app.use(createBallotForms(pages));
  app.use(createProposalPages(pages));
  app.use(createProposalForms(pages));
  app.use(createExplanatoryNotePages(pages));
  app.use(createCommentsPages(pages));
  app.use(createDiffPages(portal.pageContext, services));
  app.use(createRevisionPages(portal.pageContext, services));
  app.use(createDomainsRoute(services));
  app.use(portal.router);

  app.use(notFoundHandler());
  app.use(errorHandler(portal.renderErrorPage));
  return app;
}
