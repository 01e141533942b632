import type { Db } from '../open-database.ts';

/** Public profile fields of `GET /users/{login}`. */
export interface GitHubUserFacts {
  login: string;
  type: string | null;
  name: string | null;
  company: string | null;
  email: string | null;
}

export interface GitHubUserRow {
  login: string;
  type: string | null;
  name: string | null;
  company: string | null;
  email: string | null;
  fetched_at: string;
}

export interface GitHubUserQueries {
  upsert(user: GitHubUserFacts, at: string): void;
  get(login: string): GitHubUserRow | undefined;
  /** When each of `logins` was last fetched (absent: never). */
  fetchedAt(logins: readonly string[]): Map<string, string>;
}

/** Builds the GitHub user profile aggregate's prepared statements on `db`. */
export function createGitHubUserQueries(db: Db): GitHubUserQueries {
  const upsert = db.prepare(
    `INSERT INTO github_users (login, type, name, company, email, fetched_at)
     VALUES (@login, @type, @name, @company, @email, @at)
     ON CONFLICT(login) DO UPDATE SET login = excluded.login, type = coalesce(excluded.type, type),
       name = excluded.name, company = excluded.company, email = excluded.email, fetched_at = excluded.fetched_at`,
  );
  const get = db.prepare(`SELECT * FROM github_users WHERE login = ?`);
  // json_each keeps it one prepared statement whatever the number of logins.
  const fetchedAt = db.prepare(
    `SELECT u.login, u.fetched_at FROM json_each(?) j JOIN github_users u ON u.login = j.value`,
  );
  return {
    upsert: (user, at) => void upsert.run({ ...user, at }),
    get: (login) => get.get(login) as GitHubUserRow | undefined,
    fetchedAt(logins) {
      const rows = fetchedAt.all(JSON.stringify(logins)) as { login: string; fetched_at: string }[];
      return new Map(rows.map((r) => [r.login.toLowerCase(), r.fetched_at]));
    },
  };
}
