import { revisionFormatsOf } from './downloads/revision-formats-of.ts';
import { createDownloadsService, type DownloadsService } from './downloads/downloads-service.ts';
import { createAccountsService, type AccountsService } from './accounts/accounts-service.ts';
import { createAuditService, type AuditService } from './accounts/audit-service.ts';
import { loadSessionSecret } from './accounts/session-secret.ts';
import { createSessionsService, type SessionsService } from './accounts/sessions-service.ts';
import { createSignInService, type SignInService } from './accounts/sign-in-service.ts';
import { createTokensService, type TokensService } from './accounts/tokens-service.ts';
import { createAdminService, type AdminService } from './admin/admin-service.ts';
import { createSyncServices, type SyncDeps, type SyncServices } from './create-sync-services.ts';
import { createMaturityService, type MaturityService } from './maturity/maturity-service.ts';
import { createProjectsService, type ProjectsService } from './projects/projects-service.ts';
import { createDraftsService, type DraftsService } from './drafts/drafts-service.ts';
import { createProposalsService, type ProposalsService } from './proposals/proposals-service.ts';
import { createNotesService, type NotesService } from './proposals/explanatory-note/notes-service.ts';
import { createBallotsService, type BallotsService } from './review/ballots/ballots-service.ts';
import { createCommentsService, type CommentsService } from './review/comments/comments-service.ts';
import { createDiffsService, type DiffsService } from './review/diffs/diffs-service.ts';
import { createDriftService, type DriftService } from './review/drift/drift-service.ts';
import { runGit as systemGit } from '../kernel/git/run-git.ts';
import { createSourcesService, type SourcesService } from './sources/sources-service.ts';
import { createDeliveriesService, type DeliveriesService } from './webhooks/deliveries-service.ts';
import { createNotificationsService, type NotificationsService } from './notifications/notifications-service.ts';
import { createPublicationService, type PublicationService } from './publication/publication-service.ts';

/** One service per capability; the HTTP routes, the pages and the CLI call these and nothing below them. */
export interface Services {
  projects: ProjectsService;
  maturity: MaturityService;
  /** People and their roles. */
  accounts: AccountsService;
  /** API tokens (and authenticating a request by one). */
  tokens: TokensService;
  /** Signed-in sessions. */
  sessions: SessionsService;
  /** Sign-in with GitHub OAuth or as a demo person; maintainer permissions from GitHub. */
  signIn: SignInService;
  audit: AuditService;
  /** Privileged actions, each recorded in the audit log. */
  admin: AdminService;
  deliveries: DeliveriesService;
  /** Drafts from spec files at a ref (the CLI builds its own: a draft needs no instance). */
  drafts: DraftsService;
  /** Proposals and the standards workflow. */
  proposals: ProposalsService;
  /** The explanatory note (编制说明) of each revision. */
  notes: NotesService;
  /** The inbox and e-mail of proposal events. */
  notifications: NotificationsService;
  /** Ballots of the technical review. */
  ballots: BallotsService;
  /** Public comment on clauses, dispositions and the resolution table. */
  comments: CommentsService;
  /** Clause diffs between revisions. */
  diffs: DiffsService;
  /** Upstream drift under proposals' revisions. */
  drift: DriftService;
  /** The Word and PDF files of revisions. */
  downloads: DownloadsService;
  /** Files of the mirrors at a commit (the source view) and the pinned commits kept reachable. */
  sources: SourcesService;
  /** The static site of standards and drafts (built by the CLI, and after each publication with MAGNOLIA_SITE_DIR). */
  publication: PublicationService;
  /** The mirror (git and REST metadata) and the job handlers of the queue. */
  sync: SyncServices;
  /** The secret that signs session cookies (MAGNOLIA_SESSION_SECRET, or the one kept in the data dir). */
  sessionSecret: string;
}

/** Builds every service over one store. */
export function createServices(deps: SyncDeps): Services {
  const { store, clock, config, log } = deps;
  const sync = createSyncServices(deps);
  const audit = createAuditService(store, clock);
  const accounts = createAccountsService(store, clock, audit);
  const projects = createProjectsService(store, clock, sync);
  const maturity = createMaturityService(store, clock, sync.maturity);
  const runGit = deps.runGit ?? systemGit;
  const drafts = createDraftsService({ runGit, clock, githubUrl: deps.config.githubUrl });
  const sessionSecret = loadSessionSecret(config);
  const sessions = createSessionsService(store, clock, sessionSecret, {
    idleMs: config.sessionIdleMs,
    maxMs: config.sessionMaxMs,
  });
  // The notifications read the workflow in force from the proposals service, which tells them its events.
  let proposals: ProposalsService | undefined;
  let publication: PublicationService | undefined;
  const notifications = createNotificationsService({
    store,
    clock,
    log,
    audit,
    workflow: () => proposals!.workflow().workflow,
    mail: config.mail,
    baseUrl: () => config.baseUrl,
  });
  const sources = createSourcesService({ store, runGit, githubUrl: config.githubUrl });
  const downloads = createDownloadsService({
    store,
    clock,
    log,
    sources,
    workflow: () => proposals!.workflow().workflow,
  });
  proposals = createProposalsService({
    store,
    clock,
    log: deps.log,
    runGit,
    projects,
    maturity,
    drafts,
    githubUrl: deps.config.githubUrl,
    notify: (event) => {
      notifications.record(event);
      // A ready revision's Word and PDF files are made once, in the background.
      if (event.kind === 'revision' && config.revisionFiles) downloads.enqueue(event.number, event.rev);
      publication?.onEvent(event);
    },
  });
  const comments = createCommentsService({ store, clock, proposals });
  const diffs = createDiffsService({ store });
  publication = createPublicationService({
    store,
    clock,
    log,
    proposals,
    comments,
    diffs,
    site: config.site,
    formats: revisionFormatsOf(downloads, store),
    sources,
    portalUrl: config.baseUrlConfigured ? config.baseUrl : null,
  });
  return {
    projects,
    maturity,
    accounts,
    tokens: createTokensService(store, clock, accounts, audit),
    sessions,
    signIn: createSignInService({ store, clock, config, log, sessions, github: deps.github }),
    audit,
    admin: createAdminService({ store, clock, audit, projects, maturity }),
    deliveries: createDeliveriesService(store),
    drafts,
    proposals,
    notes: createNotesService({ store, clock, proposals, maturity }),
    notifications,
    downloads,
    ballots: createBallotsService({ store, clock, proposals, notify: (event) => void notifications.record(event) }),
    comments,
    diffs,
    drift: createDriftService({ store, clock, runGit, notify: (event) => void notifications.record(event) }),
    sources,
    publication,
    sync,
    sessionSecret,
  };
}
