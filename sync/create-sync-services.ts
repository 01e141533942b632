import { msg } from '../kernel/i18n/message.ts';
import type { Store } from '../db/store.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Config } from '../kernel/config/read-config.ts';
import type { Logger } from '../kernel/log/create-logger.ts';
import { runGit as defaultRunGit, type RunGit } from '../kernel/git/run-git.ts';
import type { GitHubClient } from './github/create-github-client.ts';
import { lookupRepository, refreshMetadata, type MetadataOutcome } from './github/refresh-metadata.ts';
import { reconcileRepository } from './mirror/reconcile-repository.ts';
import { syncRepository, type MirrorDeps, type MirrorOutcome } from './mirror/sync-repository.ts';
import type { RepositoryLookup } from './projects/add-project.ts';
import { createFollowUps, enqueueRepositoryJob } from './queue/enqueue-follow-ups.ts';
import { createMaturityEngine, type MaturityEngine } from './maturity/create-maturity-engine.ts';
import { enqueueEvaluation } from './maturity/maturity-jobs.ts';
import { JOB } from '../db/jobs/job-kinds.ts';
import type { JobHandler } from './queue/job-handler.ts';
import type { FollowUps } from './webhooks/processor-context.ts';

export interface SyncDeps {
  store: Store;
  config: Config;
  log: Logger;
  clock: Clock;
  /** The REST client; undefined never happens in production (unauthenticated calls still work), tests may omit it. */
  github: GitHubClient | undefined;
  runGit?: RunGit;
}

/** The mirror's operations, shared by the server's job queue and the CLI. */
export interface SyncServices {
  mirror: MirrorDeps;
  followUps: FollowUps;
  /** Fetches and indexes one repository's git content now. */
  fetch(repositoryId: number): Promise<MirrorOutcome>;
  /** ls-remote, and fetch when the upstream differs. */
  reconcile(repositoryId: number): Promise<MirrorOutcome | { repository: string; unchanged: true }>;
  refreshMetadata(repositoryId: number): Promise<MetadataOutcome>;
  /**
   * Brings one project up to date now, as the periodic reconcile would: `ls-remote` and fetch when the upstream
   * changed, a metadata refresh, then a maturity evaluation (so its page shows the result at once).
   */
  syncNow(
    repositoryId: number,
  ): Promise<{ git: MirrorOutcome | { repository: string; unchanged: true }; metadata: MetadataOutcome }>;
  /** The maturity engine (evaluations run as `evaluate` jobs after each fetch and metadata refresh). */
  maturity: MaturityEngine;
  lookup(owner: string, repo: string): Promise<RepositoryLookup>;
  /** Job handlers of the mirror's job kinds. */
  handlers: Record<string, JobHandler>;
}

/** Wires the mirror (git), the metadata refresh (REST) and their jobs. */
export function createSyncServices(deps: SyncDeps): SyncServices {
  const { store, config, log, clock, github } = deps;
  const mirror: MirrorDeps = { store, config, log, clock, runGit: deps.runGit ?? defaultRunGit };
  const metadataDeps = { store, github, log, clock };
  const maturity = createMaturityEngine({ store, clock, runGit: mirror.runGit, githubUrl: config.githubUrl });
  const services: SyncServices = {
    mirror,
    followUps: createFollowUps(store, clock),
    fetch: (id) => syncRepository(mirror, id),
    reconcile: (id) => reconcileRepository(mirror, id),
    refreshMetadata: (id) => refreshMetadata(metadataDeps, id),
    async syncNow(id) {
      const git = await reconcileRepository(mirror, id);
      const metadata = await refreshMetadata(metadataDeps, id);
      await maturity.evaluate(id);
      return { git, metadata };
    },
    maturity,
    lookup: (owner, repo) =>
      github
        ? lookupRepository(github, owner, repo)
        : Promise.resolve({ kind: 'unknown', reason: msg('github.no-client') }),
    handlers: {
      [JOB.fetch]: {
        async run(job) {
          await syncRepository(mirror, Number(job.subject));
          enqueueEvaluation(store, clock, Number(job.subject));
          // The proposals of the project learn what the push changed under their revisions.
          enqueueRepositoryJob(store, clock, JOB.drift, Number(job.subject));
        },
      },
      [JOB.metadata]: {
        async run(job) {
          await refreshMetadata(metadataDeps, Number(job.subject));
          enqueueEvaluation(store, clock, Number(job.subject));
        },
      },
      [JOB.reconcile]: {
        async run(job) {
          const id = Number(job.subject);
          await reconcileRepository(mirror, id);
          enqueueRepositoryJob(store, clock, JOB.metadata, id);
          enqueueRepositoryJob(store, clock, JOB.drift, id);
        },
      },
      [JOB.evaluate]: {
        async run(job) {
          await maturity.evaluate(Number(job.subject));
        },
      },
    },
  };
  return services;
}
