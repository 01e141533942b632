import type { Db } from '../open-database.ts';

/** An administrator's correction: who (email, @domain or GitHub login) belongs to which organisation. */
export interface OrganisationRow {
  match: string;
  organisation: string;
  updated_at: string;
  updated_by: string | null;
}

/** A commit author of the member projects, as an administrator reviews organisations. */
export interface ContributorRow {
  email: string;
  name: string;
  commits: number;
  /** Comma-separated full names of the projects they committed to. */
  projects: string;
}

export interface OrganisationQueries {
  list(): OrganisationRow[];
  get(match: string): OrganisationRow | undefined;
  set(match: string, organisation: string, at: string, by: string | null): void;
  remove(match: string): boolean;
  /** Member projects with a commit by someone a correction `match` names (address, @domain or GitHub login). */
  affectedRepositories(match: string): number[];
  /** Authors of member projects' commits since `sinceSeconds` (epoch), most commits first. */
  contributors(sinceSeconds: number, limit: number): ContributorRow[];
}

/** Builds the organisation corrections' prepared statements on `db`. */
export function createOrganisationQueries(db: Db): OrganisationQueries {
  const list = db.prepare(`SELECT * FROM maturity_organisations ORDER BY match`);
  const set = db.prepare(
    `INSERT INTO maturity_organisations (match, organisation, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT(match) DO UPDATE SET organisation = excluded.organisation, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  );
  const remove = db.prepare(`DELETE FROM maturity_organisations WHERE match = ?`);
  const get = db.prepare(`SELECT * FROM maturity_organisations WHERE match = ?`);
  // A login matches its public email and its noreply addresses (login@… and 12345+login@users.noreply.github.com).
  const affected = db
    .prepare(
      `SELECT DISTINCT c.repository_id FROM commits c JOIN repositories r ON r.id = c.repository_id
     WHERE r.removed_at IS NULL AND r.deleted_at IS NULL AND (
       lower(c.author_email) = lower(@m)
       OR (substr(@m, 1, 1) = '@' AND substr(lower(c.author_email), -length(@m)) = lower(@m))
       OR lower(c.author_email) IN (SELECT lower(email) FROM github_users WHERE login = @m COLLATE NOCASE AND email IS NOT NULL)
       OR lower(c.author_email) = lower(@m) || '@users.noreply.github.com'
       OR substr(lower(c.author_email), -length(@m) - 26) = '+' || lower(@m) || '@users.noreply.github.com')
     ORDER BY c.repository_id`,
    )
    .pluck();
  const contributors = db.prepare(
    `SELECT lower(c.author_email) AS email, max(c.author_name) AS name, count(*) AS commits,
       group_concat(DISTINCT r.full_name) AS projects
     FROM commits c JOIN repositories r ON r.id = c.repository_id
     WHERE r.removed_at IS NULL AND r.deleted_at IS NULL AND c.author_time >= ?
     GROUP BY lower(c.author_email) ORDER BY commits DESC, email LIMIT ?`,
  );
  return {
    list: () => list.all() as OrganisationRow[],
    get: (match) => get.get(match) as OrganisationRow | undefined,
    affectedRepositories: (match) => affected.all({ m: match }) as number[],
    contributors: (since, limit) => contributors.all(since, limit) as ContributorRow[],
    set: (match, organisation, at, by) => void set.run(match, organisation, at, by),
    remove: (match) => remove.run(match).changes > 0,
  };
}
