import { createAccountsService, type AccountsService } from './accounts/accounts-service.ts';
import { createSyncServices, type SyncDeps, type SyncServices } from './create-sync-services.ts';
import { createMaturityService, type MaturityService } from './maturity/maturity-service.ts';
import { createProjectsService, type ProjectsService } from './projects/projects-service.ts';
import { createDraftsService, type DraftsService } from './drafts/drafts-service.ts';
import { createProposalsService, type ProposalsService } from './proposals/proposals-service.ts';
import { runGit as systemGit } from '../kernel/git/run-git.ts';
import { createDeliveriesService, type DeliveriesService } from './webhooks/deliveries-service.ts';

/** One service per capability; the HTTP routes, the pages and the CLI call these and nothing below them. */
export interface Services {
  projects: ProjectsService;
  maturity: MaturityService;
  accounts: AccountsService;
  deliveries: DeliveriesService;
  /** Drafts from spec files at a ref (the CLI builds its own: a draft needs no instance). */
  drafts: DraftsService;
  /** Proposals and the standards workflow. */
  proposals: ProposalsService;
  /** The mirror (git and REST metadata) and the job handlers of the queue. */
  sync: SyncServices;
}

/** Builds every service over one store. */
export function createServices(deps: SyncDeps): Services {
  const { store, clock } = deps;
  const sync = createSyncServices(deps);
  const projects = createProjectsService(store, clock, sync);
  const maturity = createMaturityService(store, clock, sync.maturity);
  const runGit = deps.runGit ?? systemGit;
  return {
    projects,
    maturity,
    accounts: createAccountsService(store, clock),
    deliveries: createDeliveriesService(store),
    drafts: createDraftsService({ runGit, clock, githubUrl: deps.config.githubUrl }),
    proposals: createProposalsService({ store, clock, runGit, projects, maturity }),
    sync,
  };
}
