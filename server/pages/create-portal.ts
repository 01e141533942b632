import express, { type Router } from 'express';
import { createDataVersion } from '../../db/changes/data-version.ts';
import type { Store } from '../../db/store.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { Config } from '../../kernel/config/read-config.ts';
import type { Services } from '../../sync/create-services.ts';
import type { ErrorPageRenderer } from '../errors/error-handler.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import { createBadgeRoute } from '../badges/badge-route.ts';
import { createSearchIndex, type SearchIndex } from '../search/search-index.ts';
import { createStaticRoute } from '../static/static-route.ts';
import { createCatalogueRoute } from './catalogue/catalogue-route.ts';
import { createCommunitySnapshot, type SnapshotSource } from './catalogue/community-snapshot.ts';
import { createContentRoute } from './content/content-route.ts';
import { createErrorPageRenderer } from './errors/render-error-page.ts';
import { createHomeRoute } from './home/home-route.ts';
import { createPageCache } from './page-cache.ts';
import { createViewRenderer } from '../../content/render/render-view.ts';
import type { MaturityService } from '../../sync/maturity/maturity-service.ts';
import { createProjectRoute } from './project/project-route.ts';
import { createSourceRoute } from './source/source-route.ts';
import type { PortalContext } from './portal-context.ts';
import { collectSearchDocuments } from './search/collect-search-documents.ts';
import { createSearchRoute } from './search/search-route.ts';

/** The community portal: pages, badges, search, static files and the error pages. */
export interface Portal {
  /** Static files, the favicon and badges (mount before the i18n middleware: they need no language). */
  staticRouter: Router;
  /** Pages, badges and `/api/search` (mount after the i18n middleware). */
  router: Router;
  renderErrorPage: ErrorPageRenderer;
  /** What other page routers (sign-in, account, console) render with. */
  pageContext: PortalContext;
  snapshot: SnapshotSource;
  search: SearchIndex | undefined;
  close(): Promise<void>;
}

export interface PortalOptions {
  store: Store;
  config: Config;
  log: Logger;
  clock: Clock;
  services: Pick<Services, 'projects' | 'maturity'> & Partial<Pick<Services, 'proposals' | 'sources'>>;
  /** Build and keep a search index under the data dir (off for apps built without an instance). */
  search?: boolean;
  /** How often a background timer checks for changed data to re-index (0: never). */
  reindexCheckMs?: number;
}

/** Wires the portal's routes over one store. */
export function createPortal(options: PortalOptions): Portal {
  const { store, config, log } = options;
  const { maturity, projects } = options.services;
  const dataVersion = createDataVersion(store.db);
  const snapshot = createCommunitySnapshot(store, maturity, dataVersion);
  const statics = createStaticRoute();
  const ctx: PortalContext = {
    store,
    config,
    clock: options.clock,
    projects,
    maturity,
    ...(options.services.proposals ? { proposals: options.services.proposals } : {}),
    snapshot,
    dataVersion,
    views: createViewRenderer(),
    pages: createPageCache(() => options.clock.now()),
    search: undefined,
    stylesheetHref: statics.stylesheetHref,
    site: { faviconHref: statics.faviconHref, communityName: config.communityName, contactEmail: config.contactEmail },
  };
  let timer: NodeJS.Timeout | undefined;
  if (options.search) {
    ctx.search = createSearchIndex({
      dataDir: config.dataDir,
      log,
      clock: options.clock,
      collect: () => collectSearchDocuments(ctx),
    });
    snapshot.onRebuild(() => ctx.search?.schedule());
    ctx.search.schedule();
    const every = options.reindexCheckMs ?? 5_000;
    // Reading the snapshot notices changed rows (it costs two O(1) reads when nothing was written); a rebuild of
    // the snapshot schedules a re-index, so the index follows changes even when nobody visits a page.
    if (every > 0) {
      timer = setInterval(() => snapshot.get(), every);
      timer.unref();
    }
  }
  const router = express.Router();
  router.use(createSearchRoute(ctx));
  router.use(createHomeRoute(ctx));
  router.use(createCatalogueRoute(ctx));
  router.use(createProjectRoute(ctx));
  if (options.services.sources) router.use(createSourceRoute(ctx, { sources: options.services.sources }));
  router.use(createContentRoute(ctx));
  // Badges and the favicon need no language negotiation (and an image must set no cookie): before i18n.
  const staticRouter = express.Router();
  staticRouter.use(statics.router);
  staticRouter.use(createBadgeRoute(projects, maturity));
  return {
    staticRouter,
    router,
    renderErrorPage: createErrorPageRenderer(ctx),
    pageContext: ctx,
    snapshot,
    search: ctx.search,
    async close() {
      if (timer) clearInterval(timer);
      await ctx.search?.close();
    },
  };
}
