import type { Db } from '../open-database.ts';

export interface CollaboratorRow {
  repository_id: number;
  user_id: number;
  login: string;
  permission: string | null;
  added_at: string;
  removed_at: string | null;
}

export interface CollaboratorQueries {
  add(repositoryId: number, userId: number, login: string, permission: string | null, at: string): void;
  remove(repositoryId: number, userId: number, login: string, at: string): void;
  list(repositoryId: number): CollaboratorRow[];
}

/** Builds the collaborator aggregate's prepared statements on `db` (from `member` events). */
export function createCollaboratorQueries(db: Db): CollaboratorQueries {
  const add = db.prepare(
    `INSERT INTO collaborators (repository_id, user_id, login, permission, added_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET login = excluded.login, permission = coalesce(excluded.permission, permission),
       removed_at = NULL`,
  );
  const remove = db.prepare(
    `INSERT INTO collaborators (repository_id, user_id, login, added_at, removed_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET removed_at = excluded.removed_at`,
  );
  const list = db.prepare(`SELECT * FROM collaborators WHERE repository_id = ? AND removed_at IS NULL ORDER BY login`);
  return {
    add: (repositoryId, userId, login, permission, at) => void add.run(repositoryId, userId, login, permission, at),
    remove: (repositoryId, userId, login, at) => void remove.run(repositoryId, userId, login, at, at),
    list: (repositoryId) => list.all(repositoryId) as CollaboratorRow[],
  };
}
