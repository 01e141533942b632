import type { Db } from '../open-database.ts';

export type Role = 'admin' | 'reviewer' | 'member';
export const ROLES: readonly Role[] = ['admin', 'reviewer', 'member'];

export interface UserRow {
  id: number;
  login: string;
  role: Role;
  github_id: number | null;
  created_at: string;
}

export interface UserQueries {
  /** Adds a user, or changes the role of an existing one; returns the row. */
  upsert(login: string, role: Role, at: string): UserRow;
  findByLogin(login: string): UserRow | undefined;
  list(): UserRow[];
  addToken(userId: number, tokenHash: string, prefix: string, at: string): void;
  /** The user owning a live (not revoked) token with this hash. */
  findByTokenHash(tokenHash: string): (UserRow & { token_id: number; last_used_at: string | null }) | undefined;
  touchToken(tokenId: number, at: string): void;
  revokeTokens(userId: number, at: string): number;
}

/** Builds the user and API-token aggregate's prepared statements on `db`. */
export function createUserQueries(db: Db): UserQueries {
  const upsert = db.prepare(
    `INSERT INTO users (login, role, created_at) VALUES (?, ?, ?)
     ON CONFLICT(login) DO UPDATE SET role = excluded.role RETURNING *`,
  );
  const findByLogin = db.prepare(`SELECT * FROM users WHERE login = ?`);
  const list = db.prepare(`SELECT * FROM users ORDER BY login`);
  const addToken = db.prepare(`INSERT INTO api_tokens (user_id, token_hash, prefix, created_at) VALUES (?, ?, ?, ?)`);
  const findByToken = db.prepare(
    `SELECT u.*, t.id AS token_id, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = ? AND t.revoked_at IS NULL`,
  );
  const touch = db.prepare(`UPDATE api_tokens SET last_used_at = ? WHERE id = ?`);
  const revoke = db.prepare(`UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL`);
  return {
    upsert: (login, role, at) => upsert.get(login, role, at) as UserRow,
    findByLogin: (login) => findByLogin.get(login) as UserRow | undefined,
    list: () => list.all() as UserRow[],
    addToken: (userId, tokenHash, prefix, at) => void addToken.run(userId, tokenHash, prefix, at),
    findByTokenHash: (hash) =>
      findByToken.get(hash) as (UserRow & { token_id: number; last_used_at: string | null }) | undefined,
    touchToken: (tokenId, at) => void touch.run(at, tokenId),
    revokeTokens: (userId, at) => revoke.run(at, userId).changes,
  };
}
