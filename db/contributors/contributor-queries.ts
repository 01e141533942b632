import type { Db } from '../open-database.ts';

/** One entry of `GET /repos/{owner}/{repo}/contributors`. */
export interface ContributorFacts {
  login: string;
  contributions: number;
  type: string | null;
}

export interface ContributorRow {
  repository_id: number;
  login: string;
  contributions: number;
  type: string | null;
}

export interface ContributorQueries {
  /** Replaces a repository's contributor list with a complete, freshly fetched one. */
  replaceForRepository(repositoryId: number, contributors: readonly ContributorFacts[]): void;
  /** A repository's contributors, most contributions first. */
  listForRepository(repositoryId: number): ContributorRow[];
}

/** Builds the contributor aggregate's prepared statements on `db`. */
export function createContributorQueries(db: Db): ContributorQueries {
  const clear = db.prepare(`DELETE FROM contributors WHERE repository_id = ?`);
  // The API may list one login twice across pages when counts move during pagination: keep the larger count.
  const insert = db.prepare(
    `INSERT INTO contributors (repository_id, login, contributions, type) VALUES (@repositoryId, @login, @contributions, @type)
     ON CONFLICT DO UPDATE SET contributions = max(contributions, excluded.contributions), type = excluded.type`,
  );
  const list = db.prepare(
    `SELECT * FROM contributors WHERE repository_id = ? ORDER BY contributions DESC, login COLLATE NOCASE`,
  );
  const replace = db.transaction((repositoryId: number, contributors: readonly ContributorFacts[]) => {
    clear.run(repositoryId);
    for (const c of contributors)
      insert.run({ repositoryId, login: c.login, contributions: c.contributions, type: c.type });
  });
  return {
    replaceForRepository: (repositoryId, contributors) => replace(repositoryId, contributors),
    listForRepository: (repositoryId) => list.all(repositoryId) as ContributorRow[],
  };
}
