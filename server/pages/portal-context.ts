import type { Store } from '../../db/store.ts';
import type { Config } from '../../kernel/config/read-config.ts';
import type { SearchIndex } from '../search/search-index.ts';
import type { SnapshotSource } from './catalogue/community-snapshot.ts';
import type { PageCache } from './page-cache.ts';
import type { SiteInfo } from './layout/build-chrome.ts';
import type { ViewRenderer } from '../../content/render/render-view.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { MaturityService } from '../../sync/maturity/maturity-service.ts';
import type { ProjectsService } from '../../sync/projects/projects-service.ts';
import type { ProposalsService } from '../../sync/proposals/proposals-service.ts';

/** What the page routes read from; built once per app. */
export interface PortalContext {
  /** The read side of the pages' own models (catalogue snapshot, home figures, search documents). */
  store: Store;
  config: Config;
  clock: Clock;
  projects: ProjectsService;
  maturity: MaturityService;
  /** The workflow file in force (the Process page shows it). */
  proposals?: ProposalsService;
  snapshot: SnapshotSource;
  /** Changes with every write to the database (see `db/changes/data-version.ts`). */
  dataVersion: () => string;
  /** Renders the EJS views (no Express needed). */
  views: ViewRenderer;
  /** Rendered pages, keyed by what they were derived from. */
  pages: PageCache;
  /** Absent when the app was built without a search index (then search pages say it is not ready). */
  search: SearchIndex | undefined;
  /** URL of the stylesheet, versioned by its content so it can be cached for a year. */
  stylesheetHref: string;
  /** The favicon, the community's name and contact address, for every page's head and footer. */
  site: SiteInfo;
}
