import type { Db } from '../open-database.ts';

/** A reviewer's decision that one signal does not count against one project until a date. */
export interface ExemptionRow {
  id: number;
  repository_id: number;
  signal: string;
  reason: string;
  expires_at: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface NewExemption {
  repositoryId: number;
  signal: string;
  reason: string;
  expiresAt: string;
  createdBy: string;
  createdAt: string;
}

export interface ExemptionQueries {
  create(exemption: NewExemption): number;
  get(id: number): ExemptionRow | undefined;
  /** Every exemption of a project (active, expired and revoked), newest first. */
  list(repositoryId: number): ExemptionRow[];
  /** Exemptions not revoked and not expired at `at`. */
  active(repositoryId: number, at: string): ExemptionRow[];
  revoke(id: number, at: string, by: string): boolean;
}

/** Builds the exemptions' prepared statements on `db`. */
export function createExemptionQueries(db: Db): ExemptionQueries {
  const insert = db.prepare(
    `INSERT INTO maturity_exemptions (repository_id, signal, reason, expires_at, created_by, created_at)
     VALUES (@repositoryId, @signal, @reason, @expiresAt, @createdBy, @createdAt)`,
  );
  const get = db.prepare(`SELECT * FROM maturity_exemptions WHERE id = ?`);
  const list = db.prepare(
    `SELECT * FROM maturity_exemptions WHERE repository_id = ? ORDER BY created_at DESC, id DESC`,
  );
  const active = db.prepare(
    `SELECT * FROM maturity_exemptions WHERE repository_id = ? AND revoked_at IS NULL AND expires_at > ? ORDER BY id`,
  );
  const revoke = db.prepare(
    `UPDATE maturity_exemptions SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL`,
  );
  return {
    create: (e) => Number(insert.run(e).lastInsertRowid),
    get: (id) => get.get(id) as ExemptionRow | undefined,
    list: (repositoryId) => list.all(repositoryId) as ExemptionRow[],
    active: (repositoryId, at) => active.all(repositoryId, at) as ExemptionRow[],
    revoke: (id, at, by) => revoke.run(at, by, id).changes > 0,
  };
}
