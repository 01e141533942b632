import { createRevisionFileQueries, type RevisionFileQueries } from './downloads/revision-file-queries.ts';
import { createDomainQueries, type DomainQueries } from './domains/domain-queries.ts';
import { createSettingQueries, type SettingQueries } from './settings/setting-queries.ts';
import { createCommitQueries, type CommitQueries } from './commits/commit-queries.ts';
import { createGitRefQueries, type GitRefQueries } from './git-refs/git-ref-queries.ts';
import { createCollaboratorQueries, type CollaboratorQueries } from './collaborators/collaborator-queries.ts';
import { createContributorQueries, type ContributorQueries } from './contributors/contributor-queries.ts';
import { createDeliveryQueries, type DeliveryQueries } from './deliveries/delivery-queries.ts';
import { createGitHubUserQueries, type GitHubUserQueries } from './github-users/github-user-queries.ts';
import { createHttpCacheQueries, type HttpCacheQueries } from './http-cache/http-cache-queries.ts';
import { createInstallationQueries, type InstallationQueries } from './installations/installation-queries.ts';
import { createIssueActivityQueries, type IssueActivityQueries } from './issue-activity/issue-activity-queries.ts';
import { createIssueQueries, type IssueQueries } from './issues/issue-queries.ts';
import { createJobQueries, type JobQueries } from './jobs/job-queries.ts';
import { createQueueOwnerQueries, type QueueOwnerQueries } from './jobs/queue-owner-queries.ts';
import { createMaturityQueries, type MaturityQueries } from './maturity/maturity-queries.ts';
import { createMetadataStateQueries, type MetadataStateQueries } from './metadata/metadata-state-queries.ts';
import type { Db } from './open-database.ts';
import { createProposalQueries, type ProposalQueries } from './proposals/proposal-queries.ts';
import { createRevisionQueries, type RevisionQueries } from './proposals/revision-queries.ts';
import { createNoteQueries, type NoteQueries } from './proposals/note-queries.ts';
import { createReleaseQueries, type ReleaseQueries } from './releases/release-queries.ts';
import { createRepositoryQueries, type RepositoryQueries } from './repositories/repository-queries.ts';
import { createUserQueries, type UserQueries } from './users/user-queries.ts';
import { createRoleGrantQueries, type RoleGrantQueries } from './users/role-grant-queries.ts';
import { createMaintainerQueries, type MaintainerQueries } from './users/maintainer-queries.ts';
import { createSessionQueries, type SessionQueries } from './sessions/session-queries.ts';
import { createAuditQueries, type AuditQueries } from './audit/audit-queries.ts';
import { createNotificationQueries, type NotificationQueries } from './notifications/notification-queries.ts';
import { createBallotQueries, type BallotQueries } from './ballots/ballot-queries.ts';
import { createCommentQueries, type CommentQueries } from './comments/comment-queries.ts';
import { createDriftQueries, type DriftQueries } from './drift/drift-queries.ts';

/** Every aggregate's prepared queries over one database, built once per process. */
export interface Store {
  db: Db;
  deliveries: DeliveryQueries;
  jobs: JobQueries;
  /** The worker processes holding job leases, with their heartbeats. */
  queueOwners: QueueOwnerQueries;
  repositories: RepositoryQueries;
  releases: ReleaseQueries;
  issues: IssueQueries;
  collaborators: CollaboratorQueries;
  installations: InstallationQueries;
  users: UserQueries;
  /** Reviewer, secretariat and admin grants, with who granted and revoked them. */
  roleGrants: RoleGrantQueries;
  /** Who maintains which member project (from GitHub permissions, or the demo community). */
  maintainers: MaintainerQueries;
  /** Signed-in sessions (sealed data, idle and absolute expiry). */
  sessions: SessionQueries;
  /** The append-only log of privileged actions. */
  audit: AuditQueries;
  /** API metadata: state per repository, contributors, user profiles, per-issue process facts, HTTP cache. */
  metadataState: MetadataStateQueries;
  contributors: ContributorQueries;
  githubUsers: GitHubUserQueries;
  issueActivity: IssueActivityQueries;
  httpCache: HttpCacheQueries;
  commits: CommitQueries;
  gitRefs: GitRefQueries;
  domains: DomainQueries;
  settings: SettingQueries;
  /** Maturity model versions, results, signal history, exemptions, organisation corrections, blob cache. */
  maturity: MaturityQueries;
  /** Proposals, their append-only history and their immutable revisions. */
  proposals: ProposalQueries;
  revisions: RevisionQueries;
  /** The Word and PDF files of revisions, made once in the background. */
  revisionFiles: RevisionFileQueries;
  /** The explanatory note (编制说明) of each revision, and its edit history. */
  notes: NoteQueries;
  /** Inbox rows of proposal events, and who receives them. */
  notifications: NotificationQueries;
  /** Ballots of the technical review and their append-only positions. */
  ballots: BallotQueries;
  /** Comments of public comment on clauses, replies, and the editors' append-only dispositions. */
  comments: CommentQueries;
  /** Upstream drift reports of proposals. */
  drift: DriftQueries;
  /** Runs `fn` in one (immediate) transaction. */
  transaction<T>(fn: () => T): T;
}

/** Prepares the queries of every aggregate on `db`. */
export function createStore(db: Db): Store {
  return {
    db,
    deliveries: createDeliveryQueries(db),
    jobs: createJobQueries(db),
    queueOwners: createQueueOwnerQueries(db),
    repositories: createRepositoryQueries(db),
    releases: createReleaseQueries(db),
    issues: createIssueQueries(db),
    collaborators: createCollaboratorQueries(db),
    installations: createInstallationQueries(db),
    users: createUserQueries(db),
    roleGrants: createRoleGrantQueries(db),
    maintainers: createMaintainerQueries(db),
    sessions: createSessionQueries(db),
    audit: createAuditQueries(db),
    metadataState: createMetadataStateQueries(db),
    contributors: createContributorQueries(db),
    githubUsers: createGitHubUserQueries(db),
    issueActivity: createIssueActivityQueries(db),
    httpCache: createHttpCacheQueries(db),
    commits: createCommitQueries(db),
    gitRefs: createGitRefQueries(db),
    domains: createDomainQueries(db),
    settings: createSettingQueries(db),
    maturity: createMaturityQueries(db),
    proposals: createProposalQueries(db),
    revisions: createRevisionQueries(db),
    revisionFiles: createRevisionFileQueries(db),
    notes: createNoteQueries(db),
    notifications: createNotificationQueries(db),
    ballots: createBallotQueries(db),
    comments: createCommentQueries(db),
    drift: createDriftQueries(db),
    transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
  };
}
