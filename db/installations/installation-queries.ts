import type { Db } from '../open-database.ts';

export interface InstallationRow {
  id: number;
  account_login: string | null;
  account_type: string | null;
  suspended_at: string | null;
  deleted_at: string | null;
  updated_at: string;
}

export interface InstallationQueries {
  upsert(id: number, accountLogin: string | null, accountType: string | null, at: string): void;
  setSuspended(id: number, suspendedAt: string | null, at: string): void;
  tombstone(id: number, at: string): void;
  get(id: number): InstallationRow | undefined;
}

/** Builds the GitHub App installation aggregate's prepared statements on `db`. */
export function createInstallationQueries(db: Db): InstallationQueries {
  const upsert = db.prepare(
    `INSERT INTO installations (id, account_login, account_type, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET account_login = excluded.account_login, account_type = excluded.account_type,
       updated_at = excluded.updated_at WHERE deleted_at IS NULL`,
  );
  const suspend = db.prepare(
    `UPDATE installations SET suspended_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`,
  );
  const tombstone = db.prepare(
    `INSERT INTO installations (id, updated_at, deleted_at) VALUES (@id, @at, @at)
     ON CONFLICT(id) DO UPDATE SET deleted_at = coalesce(deleted_at, excluded.deleted_at), updated_at = excluded.updated_at`,
  );
  const get = db.prepare(`SELECT * FROM installations WHERE id = ?`);
  return {
    upsert: (id, login, type, at) => void upsert.run(id, login, type, at),
    setSuspended: (id, suspendedAt, at) => void suspend.run(suspendedAt, at, id),
    tombstone: (id, at) => void tombstone.run({ id, at }),
    get: (id) => get.get(id) as InstallationRow | undefined,
  };
}
