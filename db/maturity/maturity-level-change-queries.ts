import type { Db } from '../open-database.ts';

/** One change of a project's level. */
export interface LevelChangeRow {
  id: number;
  repository_id: number;
  from_level: string | null;
  to_level: string | null;
  direction: 'up' | 'down' | 'first';
  changed_at: string;
  model_digest: string;
}

export type NewLevelChange = Omit<LevelChangeRow, 'id'>;

/** A project that moved up a level, with its names (the home page's "recently matured"). */
export interface UpwardChangeRow extends LevelChangeRow {
  owner: string;
  name: string;
  full_name: string;
}

export interface LevelChangeQueries {
  append(change: NewLevelChange): void;
  /** The newest upward changes of member projects, newest first. */
  recentUpward(limit: number): UpwardChangeRow[];
  /** Every change of one project, oldest first. */
  history(repositoryId: number): LevelChangeRow[];
}

/** Builds the level history's prepared statements on `db`. */
export function createLevelChangeQueries(db: Db): LevelChangeQueries {
  const insert = db.prepare(
    `INSERT INTO maturity_level_changes (repository_id, from_level, to_level, direction, changed_at, model_digest)
     VALUES (@repository_id, @from_level, @to_level, @direction, @changed_at, @model_digest)`,
  );
  const recentUpward = db.prepare(
    `SELECT c.*, r.owner, r.name, r.full_name FROM maturity_level_changes c
     JOIN repositories r ON r.id = c.repository_id
     WHERE c.direction = 'up' AND r.removed_at IS NULL AND r.deleted_at IS NULL
     ORDER BY c.changed_at DESC, c.id DESC LIMIT ?`,
  );
  const history = db.prepare(`SELECT * FROM maturity_level_changes WHERE repository_id = ? ORDER BY changed_at, id`);
  return {
    append: (change) => void insert.run(change),
    recentUpward: (limit) => recentUpward.all(limit) as UpwardChangeRow[],
    history: (repositoryId) => history.all(repositoryId) as LevelChangeRow[],
  };
}
