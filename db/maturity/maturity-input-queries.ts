import type { IssueRow } from '../issues/issue-queries.ts';
import type { Db } from '../open-database.ts';

/** A commit as the people and activity signals need it. */
export interface CommitLiteRow {
  sha: string;
  author_name: string;
  author_email: string;
  author_time: number;
  signed_off_by: string | null;
  /** Space-separated parent shas (two or more: a merge commit). */
  parents: string;
}

/** An issue or pull request as the process signals need it. */
export type ProcessItemRow = Pick<
  IssueRow,
  | 'id'
  | 'number'
  | 'is_pull_request'
  | 'state'
  | 'author_login'
  | 'author_type'
  | 'author_association'
  | 'created_at'
  | 'updated_at'
  | 'closed_at'
  | 'merged_at'
  | 'merged_by_login'
> & {
  first_response_at: string | null;
  first_response_login: string | null;
  check_runs_count: number | null;
};

export interface ReviewLiteRow {
  issue_id: number;
  reviewer_login: string | null;
  reviewer_type: string | null;
  state: string;
}

export interface PersonRow {
  login: string;
  type: string | null;
  company: string | null;
  email: string | null;
}

export interface MaturityInputQueries {
  /** Commits authored since `sinceSeconds` (epoch), newest first. */
  commitsSince(repositoryId: number, sinceSeconds: number): CommitLiteRow[];
  /** Every indexed commit's parents and committer date (the history backfill walks the first-parent chain). */
  commitGraph(repositoryId: number): { sha: string; parents: string; committer_date: string }[];
  /** The oldest indexed commit (by author time). */
  firstCommit(repositoryId: number): { sha: string; author_time: number } | undefined;
  /** For every author active since `sinceSeconds`: the time of their first commit ever. */
  authorsFirstSeen(repositoryId: number, sinceSeconds: number): { author_email: string; first_time: number }[];
  /** Issues and pull requests created or updated since `since` (ISO), and every one still open. */
  processItems(repositoryId: number, since: string): ProcessItemRow[];
  /** The most recently merged pull requests. */
  recentMergedPulls(repositoryId: number, limit: number): ProcessItemRow[];
  /** Reviews of the given pull requests. */
  reviewsOf(issueIds: readonly number[]): ReviewLiteRow[];
  /** Public GitHub profiles whose public email or login is among those given. */
  people(emails: readonly string[], logins: readonly string[]): PersonRow[];
}

const ITEM_COLUMNS = `id, number, is_pull_request, state, author_login, author_type, author_association, created_at,
  updated_at, closed_at, merged_at, merged_by_login, first_response_at, first_response_login, check_runs_count`;

/** Builds the read-only queries that gather a project's maturity inputs. */
export function createMaturityInputQueries(db: Db): MaturityInputQueries {
  const commitsSince = db.prepare(
    `SELECT sha, author_name, author_email, author_time, signed_off_by, parents FROM commits
     WHERE repository_id = ? AND author_time >= ? ORDER BY author_time DESC, sha`,
  );
  const commitGraph = db.prepare(`SELECT sha, parents, committer_date FROM commits WHERE repository_id = ?`);
  const firstCommit = db.prepare(
    `SELECT sha, author_time FROM commits WHERE repository_id = ? ORDER BY author_time, sha LIMIT 1`,
  );
  const firstSeen = db.prepare(
    `SELECT author_email, min(author_time) AS first_time FROM commits
     WHERE repository_id = @id AND author_email IN (
       SELECT DISTINCT author_email FROM commits WHERE repository_id = @id AND author_time >= @since)
     GROUP BY author_email`,
  );
  const processItems = db.prepare(
    `SELECT ${ITEM_COLUMNS} FROM issues
     WHERE repository_id = @id AND deleted_at IS NULL
       AND (created_at >= @since OR updated_at >= @since OR state = 'open')
     ORDER BY created_at, id`,
  );
  const mergedPulls = db.prepare(
    `SELECT ${ITEM_COLUMNS} FROM issues
     WHERE repository_id = ? AND is_pull_request = 1 AND merged_at IS NOT NULL AND deleted_at IS NULL
     ORDER BY merged_at DESC, id DESC LIMIT ?`,
  );
  const reviews = db.prepare(
    `SELECT r.issue_id, r.reviewer_login, r.reviewer_type, r.state FROM json_each(?) j
     JOIN pull_request_reviews r ON r.issue_id = j.value`,
  );
  const people = db.prepare(
    `SELECT login, type, company, email FROM github_users
     WHERE lower(email) IN (SELECT lower(value) FROM json_each(@emails))
        OR login IN (SELECT value FROM json_each(@logins))`,
  );
  return {
    commitsSince: (repositoryId, since) => commitsSince.all(repositoryId, since) as CommitLiteRow[],
    commitGraph: (repositoryId) =>
      commitGraph.all(repositoryId) as { sha: string; parents: string; committer_date: string }[],
    firstCommit: (repositoryId) => firstCommit.get(repositoryId) as { sha: string; author_time: number } | undefined,
    authorsFirstSeen: (repositoryId, since) =>
      firstSeen.all({ id: repositoryId, since }) as { author_email: string; first_time: number }[],
    processItems: (repositoryId, since) => processItems.all({ id: repositoryId, since }) as ProcessItemRow[],
    recentMergedPulls: (repositoryId, limit) => mergedPulls.all(repositoryId, limit) as ProcessItemRow[],
    reviewsOf: (ids) => (ids.length === 0 ? [] : (reviews.all(JSON.stringify(ids)) as ReviewLiteRow[])),
    people: (emails, logins) =>
      people.all({ emails: JSON.stringify(emails), logins: JSON.stringify(logins) }) as PersonRow[],
  };
}
