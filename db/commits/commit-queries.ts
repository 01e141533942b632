import type { Db } from '../open-database.ts';

/** One commit as indexed from the mirror. */
export interface CommitRecord {
  sha: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  rawAuthorName: string;
  rawAuthorEmail: string;
  authorDate: string;
  authorTime: number;
  committerName: string;
  committerEmail: string;
  committerDate: string;
  subject: string;
  signedOffBy: string[];
}

/** A person who wrote commits (after .mailmap). */
export interface ContributorSummary {
  name: string;
  email: string;
  commits: number;
  firstCommitAt: string;
  lastCommitAt: string;
}

export interface CommitQueries {
  insertMany(repositoryId: number, commits: readonly CommitRecord[]): number;
  deleteMany(repositoryId: number, shas: readonly string[]): number;
  count(repositoryId: number): number;
  /** Distinct authors by (mailmapped) email. */
  contributorCount(repositoryId: number): number;
  topContributors(repositoryId: number, limit: number): ContributorSummary[];
  /** Commits per calendar month (UTC, `YYYY-MM`) authored since `sinceSeconds`; months without commits are absent. */
  monthly(repositoryId: number, sinceSeconds: number): { month: string; commits: number }[];
  /** Commits per member project and month since `sinceSeconds`, summed over the community. */
  communityMonthly(sinceSeconds: number): { month: string; commits: number }[];
  /** Commits per person (email, under their most used name) authored since `sinceSeconds`, most first. */
  authorShares(repositoryId: number, sinceSeconds: number): { name: string; email: string; commits: number }[];
  /** The committer date of one indexed commit. */
  committerDate(repositoryId: number, sha: string): string | undefined;
}

/** Builds the commit index's prepared statements on `db`. */
export function createCommitQueries(db: Db): CommitQueries {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO commits (repository_id, sha, parents, author_name, author_email, raw_author_name,
       raw_author_email, author_date, author_time, committer_name, committer_email, committer_date, subject, signed_off_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const remove = db.prepare(`DELETE FROM commits WHERE repository_id = ? AND sha = ?`);
  const count = db.prepare(`SELECT count(*) FROM commits WHERE repository_id = ?`).pluck();
  const contributors = db.prepare(`SELECT count(DISTINCT author_email) FROM commits WHERE repository_id = ?`).pluck();
  // A person is an email (as .mailmap maps it); their name is the one on most of their commits (ties: the latest),
  // not an alias on a few (max() picked "v2.1-rc" over "Wei Chen" by sorting). The mailmap already rewrote names.
  const top = db.prepare(
    `WITH names AS (
       SELECT author_email, author_name, count(*) AS n, max(author_time) AS latest
       FROM commits WHERE repository_id = @id GROUP BY author_email, author_name),
     ranked AS (
       SELECT author_email, author_name,
         row_number() OVER (PARTITION BY author_email ORDER BY n DESC, latest DESC, author_name) AS rank
       FROM names)
     SELECT r.author_name AS name, c.author_email AS email, count(*) AS commits,
       min(c.author_date) AS firstCommitAt, max(c.author_date) AS lastCommitAt
     FROM commits c JOIN ranked r ON r.author_email = c.author_email AND r.rank = 1
     WHERE c.repository_id = @id GROUP BY c.author_email ORDER BY commits DESC, email LIMIT @limit`,
  );
  const monthly = db.prepare(
    `SELECT strftime('%Y-%m', author_time, 'unixepoch') AS month, count(*) AS commits FROM commits
     WHERE repository_id = ? AND author_time >= ? GROUP BY month ORDER BY month`,
  );
  const communityMonthly = db.prepare(
    `SELECT strftime('%Y-%m', c.author_time, 'unixepoch') AS month, count(*) AS commits FROM commits c
     JOIN repositories r ON r.id = c.repository_id AND r.deleted_at IS NULL AND r.removed_at IS NULL
     WHERE c.author_time >= ? GROUP BY month ORDER BY month`,
  );
  const authorShares = db.prepare(
    `WITH names AS (
       SELECT author_email, author_name, count(*) AS n, max(author_time) AS latest
       FROM commits WHERE repository_id = @id AND author_time >= @since GROUP BY author_email, author_name),
     ranked AS (
       SELECT author_email, author_name, sum(n) OVER (PARTITION BY author_email) AS total,
         row_number() OVER (PARTITION BY author_email ORDER BY n DESC, latest DESC, author_name) AS rank
       FROM names)
     SELECT author_name AS name, author_email AS email, total AS commits FROM ranked WHERE rank = 1
     ORDER BY commits DESC, email`,
  );
  const committerDate = db.prepare(`SELECT committer_date FROM commits WHERE repository_id = ? AND sha = ?`).pluck();
  const insertMany = db.transaction((repositoryId: number, commits: readonly CommitRecord[]) => {
    let added = 0;
    for (const c of commits) {
      added += insert.run(
        repositoryId,
        c.sha,
        c.parents.join(' '),
        c.authorName,
        c.authorEmail,
        c.rawAuthorName,
        c.rawAuthorEmail,
        c.authorDate,
        c.authorTime,
        c.committerName,
        c.committerEmail,
        c.committerDate,
        c.subject,
        c.signedOffBy.length > 0 ? JSON.stringify(c.signedOffBy) : null,
      ).changes;
    }
    return added;
  });
  const deleteMany = db.transaction((repositoryId: number, shas: readonly string[]) => {
    let removed = 0;
    for (const sha of shas) removed += remove.run(repositoryId, sha).changes;
    return removed;
  });
  return {
    insertMany: (repositoryId, commits) => insertMany(repositoryId, commits),
    deleteMany: (repositoryId, shas) => deleteMany(repositoryId, shas),
    count: (repositoryId) => count.get(repositoryId) as number,
    contributorCount: (repositoryId) => contributors.get(repositoryId) as number,
    topContributors: (repositoryId, limit) => top.all({ id: repositoryId, limit }) as ContributorSummary[],
    monthly: (repositoryId, since) => monthly.all(repositoryId, since) as { month: string; commits: number }[],
    communityMonthly: (since) => communityMonthly.all(since) as { month: string; commits: number }[],
    authorShares: (repositoryId, since) =>
      authorShares.all({ id: repositoryId, since }) as { name: string; email: string; commits: number }[],
    committerDate: (repositoryId, sha) => committerDate.get(repositoryId, sha) as string | undefined,
  };
}
