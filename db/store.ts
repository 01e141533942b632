import { createCollaboratorQueries, type CollaboratorQueries } from './collaborators/collaborator-queries.ts';
import { createDeliveryQueries, type DeliveryQueries } from './deliveries/delivery-queries.ts';
import { createInstallationQueries, type InstallationQueries } from './installations/installation-queries.ts';
import { createIssueQueries, type IssueQueries } from './issues/issue-queries.ts';
import { createJobQueries, type JobQueries } from './jobs/job-queries.ts';
import type { Db } from './open-database.ts';
import { createReleaseQueries, type ReleaseQueries } from './releases/release-queries.ts';
import { createRepositoryQueries, type RepositoryQueries } from './repositories/repository-queries.ts';
import { createUserQueries, type UserQueries } from './users/user-queries.ts';

/** Every aggregate's prepared queries over one database, built once per process. */
export interface Store {
  db: Db;
  deliveries: DeliveryQueries;
  jobs: JobQueries;
  repositories: RepositoryQueries;
  releases: ReleaseQueries;
  issues: IssueQueries;
  collaborators: CollaboratorQueries;
  installations: InstallationQueries;
  users: UserQueries;
  /** Runs `fn` in one (immediate) transaction. */
  transaction<T>(fn: () => T): T;
}

/** Prepares the queries of every aggregate on `db`. */
export function createStore(db: Db): Store {
  return {
    db,
    deliveries: createDeliveryQueries(db),
    jobs: createJobQueries(db),
    repositories: createRepositoryQueries(db),
    releases: createReleaseQueries(db),
    issues: createIssueQueries(db),
    collaborators: createCollaboratorQueries(db),
    installations: createInstallationQueries(db),
    users: createUserQueries(db),
    transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
  };
}
