import type { Db } from '../open-database.ts';

/** A person's maintainership of one member project. */
export interface MaintainerRow {
  user_id: number;
  repository_id: number;
  /** `admin`, `maintain`, `owner` (of the owning organisation) or `demo`. */
  permission: string;
  source: 'github' | 'demo';
  checked_at: string;
  full_name: string;
}

/** A maintainership as GitHub (or the demo community) says it. */
export interface Maintainership {
  repositoryId: number;
  permission: string;
  source: 'github' | 'demo';
}

export interface MaintainerQueries {
  /** Replaces every maintainership of a user with `rows` (what a sign-in read), all checked at `at`. */
  replace(userId: number, rows: readonly Maintainership[], at: string): void;
  /** Records (or refreshes) one maintainership. */
  set(userId: number, row: Maintainership, at: string): void;
  remove(userId: number, repositoryId: number): void;
  /** The member projects (not removed, not deleted) a user maintains, by name. */
  list(userId: number): MaintainerRow[];
  get(userId: number, repositoryId: number): MaintainerRow | undefined;
  /** Repositories where this login is a known collaborator or contributor (candidates to ask GitHub about). */
  candidates(login: string): number[];
}

/** Builds the maintainers' prepared statements on `db`. */
export function createMaintainerQueries(db: Db): MaintainerQueries {
  const clear = db.prepare(`DELETE FROM maintainers WHERE user_id = ?`);
  const set = db.prepare(
    `INSERT INTO maintainers (user_id, repository_id, permission, source, checked_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (user_id, repository_id) DO UPDATE SET permission = excluded.permission,
       source = excluded.source, checked_at = excluded.checked_at`,
  );
  const remove = db.prepare(`DELETE FROM maintainers WHERE user_id = ? AND repository_id = ?`);
  const select = `SELECT m.*, r.full_name FROM maintainers m JOIN repositories r ON r.id = m.repository_id
    WHERE r.removed_at IS NULL AND r.deleted_at IS NULL`;
  const list = db.prepare(`${select} AND m.user_id = ? ORDER BY r.full_name COLLATE NOCASE`);
  const get = db.prepare(`${select} AND m.user_id = ? AND m.repository_id = ?`);
  const candidates = db
    .prepare(
      `SELECT repository_id FROM collaborators WHERE login = @login COLLATE NOCASE AND removed_at IS NULL
       UNION SELECT repository_id FROM contributors WHERE login = @login COLLATE NOCASE`,
    )
    .pluck();
  const replace = db.transaction((userId: number, rows: readonly Maintainership[], at: string) => {
    clear.run(userId);
    for (const row of rows) set.run(userId, row.repositoryId, row.permission, row.source, at);
  });
  return {
    replace: (userId, rows, at) => replace.immediate(userId, rows, at),
    set: (userId, row, at) => void set.run(userId, row.repositoryId, row.permission, row.source, at),
    remove: (userId, repositoryId) => void remove.run(userId, repositoryId),
    list: (userId) => list.all(userId) as MaintainerRow[],
    get: (userId, repositoryId) => get.get(userId, repositoryId) as MaintainerRow | undefined,
    candidates: (login) => candidates.all({ login }) as number[],
  };
}
