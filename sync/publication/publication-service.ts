import type { Store } from '../../db/store.ts';
import { JOB } from '../../db/jobs/job-kinds.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import type { ProposalEvent } from '../notifications/proposal-event.ts';
import type { ProposalsService } from '../proposals/proposals-service.ts';
import type { JobHandler } from '../queue/job-handler.ts';
import type { CommentsService } from '../review/comments/comments-service.ts';
import type { DiffsService } from '../review/diffs/diffs-service.ts';
import { buildSite, type BuildSiteOptions, type SiteBuildReport } from './build-site.ts';
import type { RevisionFormats } from './revision-formats.ts';
import type { SiteSource } from './site-context.ts';
import type { SourcesService } from '../sources/sources-service.ts';

/** The static site of standards and drafts: built on demand (the CLI) and, when configured, after each publication. */
export interface PublicationService {
  /** Builds the site into `options.outDir` (incremental: only changed files are written). */
  build(options: BuildSiteOptions): Promise<SiteBuildReport>;
  /**
   * Told of every proposal event inside its transaction: when MAGNOLIA_SITE_DIR is set and a revision may have
   * become public (an action into or out of a public stage, a revision ready in one), queues one site build.
   */
  onEvent(event: ProposalEvent): void;
  /** The queue's handler of `site-build` jobs (none when no site is configured). */
  handlers: Record<string, JobHandler>;
}

export interface PublicationDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  proposals: Pick<ProposalsService, 'workflow'>;
  comments: Pick<CommentsService, 'resolution' | 'version'>;
  diffs: Pick<DiffsService, 'diff'>;
  /** The configured site (`config.site`), or null: no automatic build. */
  site: { dir: string; basePath: string; url: string | null } | null;
  formats?: RevisionFormats;
  /** The mirrors' files, for the drafts' images. */
  sources?: Pick<SourcesService, 'image'>;
  /** The portal's address (MAGNOLIA_BASE_URL), where the site's popovers link into the source view; null: no links. */
  portalUrl?: string | null;
}

/** The job subject and queue key of site builds: one queued build at a time, coalesced. */
export const SITE_JOB_SUBJECT = 'site';

/** The publication service over one store. */
export function createPublicationService(deps: PublicationDeps): PublicationService {
  const { store, clock, log, site } = deps;
  const source: SiteSource = {
    store,
    workflow: () => deps.proposals.workflow().workflow,
    comments: deps.comments,
    diffs: deps.diffs,
    sources: deps.sources,
  };
  const isPublic = (stage: string | null | undefined) =>
    stage != null && deps.proposals.workflow().workflow.stages.some((s) => s.id === stage && s.public === true);
  const build = (options: BuildSiteOptions) =>
    buildSite(source, { formats: deps.formats, portalUrl: deps.portalUrl ?? null, ...options });
  return {
    build,
    onEvent(event) {
      if (site === null || event.kind === 'created') return;
      const stage = store.proposals.get(event.number)?.stage;
      const concerned = event.kind === 'stage' ? isPublic(stage) || isPublic(event.from) : isPublic(stage);
      if (!concerned) return;
      store.jobs.enqueue({
        kind: JOB.siteBuild,
        subject: SITE_JOB_SUBJECT,
        queueKey: SITE_JOB_SUBJECT,
        runAt: clock.now(),
      });
    },
    handlers:
      site === null
        ? {}
        : {
            [JOB.siteBuild]: {
              async run() {
                const report = await build({
                  outDir: site.dir,
                  basePath: site.basePath,
                  siteUrl: site.url ?? undefined,
                });
                log.info(
                  {
                    dir: site.dir,
                    written: report.written.length,
                    deleted: report.deleted.length,
                    unchanged: report.unchanged,
                    pagefind: report.pagefind,
                    ms: report.ms,
                    files: report.written.slice(0, 20),
                  },
                  'static site built',
                );
                for (const warning of report.warnings) log.warn({ dir: site.dir }, warning);
              },
            },
          },
  };
}
