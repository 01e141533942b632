import type { Db } from '../open-database.ts';

/** An issue or pull request as GitHub reports it. */
export interface IssueFacts {
  id: number;
  repositoryId: number;
  number: number;
  isPullRequest: boolean;
  title: string;
  state: string;
  authorLogin: string | null;
  authorType: string | null;
  authorAssociation: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  closedAt: string | null;
  mergedAt: string | null;
  mergedByLogin: string | null;
}

export interface IssueRow {
  id: number;
  repository_id: number;
  number: number;
  is_pull_request: number;
  title: string;
  state: string;
  author_login: string | null;
  author_type: string | null;
  author_association: string | null;
  created_at: string | null;
  updated_at: string | null;
  closed_at: string | null;
  merged_at: string | null;
  merged_by_login: string | null;
  deleted_at: string | null;
}

export interface IssueQueries {
  /** Inserts or updates unless the row is a tombstone or holds a newer `updated_at`; true when written. */
  upsert(issue: IssueFacts): boolean;
  tombstone(id: number, at: string): void;
  get(id: number): IssueRow | undefined;
}

/** Builds the issue and pull-request aggregate's prepared statements on `db`. */
export function createIssueQueries(db: Db): IssueQueries {
  const upsert = db.prepare(
    `INSERT INTO issues (id, repository_id, number, is_pull_request, title, state, author_login, author_type,
       author_association, created_at, updated_at, closed_at, merged_at, merged_by_login)
     VALUES (@id, @repositoryId, @number, @isPullRequest, @title, @state, @authorLogin, @authorType,
       @authorAssociation, @createdAt, @updatedAt, @closedAt, @mergedAt, @mergedByLogin)
     ON CONFLICT(id) DO UPDATE SET repository_id = excluded.repository_id, number = excluded.number,
       title = excluded.title, state = excluded.state, author_login = excluded.author_login,
       author_type = excluded.author_type, author_association = excluded.author_association,
       created_at = excluded.created_at, updated_at = excluded.updated_at, closed_at = excluded.closed_at,
       merged_at = coalesce(excluded.merged_at, merged_at), merged_by_login = coalesce(excluded.merged_by_login, merged_by_login)
     WHERE deleted_at IS NULL AND (updated_at IS NULL OR excluded.updated_at IS NULL OR updated_at <= excluded.updated_at)`,
  );
  const tombstone = db.prepare(`UPDATE issues SET deleted_at = coalesce(deleted_at, ?) WHERE id = ?`);
  const get = db.prepare(`SELECT * FROM issues WHERE id = ?`);
  return {
    upsert: (i) => upsert.run({ ...i, isPullRequest: Number(i.isPullRequest) }).changes > 0,
    tombstone: (id, at) => void tombstone.run(at, id),
    get: (id) => get.get(id) as IssueRow | undefined,
  };
}
