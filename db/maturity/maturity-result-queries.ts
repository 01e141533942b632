import type { Db } from '../open-database.ts';

/** The latest evaluation of one project. */
export interface MaturityResultRow {
  repository_id: number;
  model_digest: string;
  level: string | null;
  next_level: string | null;
  score: number | null;
  commit_sha: string | null;
  evaluated_at: string;
  /** JSON MaturityJson. */
  result: string;
}

export interface MaturityResultQueries {
  get(repositoryId: number): MaturityResultRow | undefined;
  /** The level only (project listings), undefined when never evaluated. */
  level(repositoryId: number): string | null | undefined;
  upsert(row: MaturityResultRow): void;
}

/** Builds the current-results' prepared statements on `db`. */
export function createMaturityResultQueries(db: Db): MaturityResultQueries {
  const get = db.prepare(`SELECT * FROM maturity_results WHERE repository_id = ?`);
  const level = db.prepare(`SELECT level FROM maturity_results WHERE repository_id = ?`);
  const upsert = db.prepare(
    `INSERT INTO maturity_results (repository_id, model_digest, level, next_level, score, commit_sha, evaluated_at, result)
     VALUES (@repository_id, @model_digest, @level, @next_level, @score, @commit_sha, @evaluated_at, @result)
     ON CONFLICT(repository_id) DO UPDATE SET model_digest = excluded.model_digest, level = excluded.level,
       next_level = excluded.next_level, score = excluded.score, commit_sha = excluded.commit_sha,
       evaluated_at = excluded.evaluated_at, result = excluded.result`,
  );
  return {
    get: (repositoryId) => get.get(repositoryId) as MaturityResultRow | undefined,
    level: (repositoryId) => (level.get(repositoryId) as { level: string | null } | undefined)?.level,
    upsert: (row) => void upsert.run(row),
  };
}
