import type { Db } from '../open-database.ts';
import type { UserRow } from './user-queries.ts';

/** An API token as stored: its hash, never the token. */
export interface ApiTokenRow {
  id: number;
  user_id: number;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** Comma-separated scopes (`read,proposals,reviews,admin`). */
  scopes: string;
  expires_at: string | null;
  label: string | null;
  /** 1 for tokens with a checksum (this version's format), 0 for tokens minted before it. */
  checksummed: number;
}

/** A user found by a live token, with that token's facts. */
export type TokenOwner = UserRow & {
  token_id: number;
  last_used_at: string | null;
  scopes: string;
  expires_at: string | null;
};

/** What a new token is limited to. */
export interface TokenLimits {
  scopes?: string;
  expiresAt?: string | null;
  label?: string | null;
  checksummed?: boolean;
}

export interface ApiTokenQueries {
  addToken(userId: number, tokenHash: string, prefix: string, at: string, limits?: TokenLimits): number;
  /** The user owning a token with this hash that is not revoked (expiry is the caller's to judge). */
  findByTokenHash(tokenHash: string): TokenOwner | undefined;
  touchToken(tokenId: number, at: string): void;
  /** Revokes every live token of a user; returns how many. */
  revokeTokens(userId: number, at: string): number;
  /** Revokes one live token of a user; returns 1, or 0 when it is not theirs or already revoked. */
  revokeToken(userId: number, tokenId: number, at: string): number;
  listTokens(userId: number): ApiTokenRow[];
  getToken(tokenId: number): ApiTokenRow | undefined;
}

const ALL_SCOPES = 'read,proposals,reviews,admin';

/** The API-token statements (part of the user aggregate). */
export function createApiTokenQueries(db: Db): ApiTokenQueries {
  const add = db.prepare(
    `INSERT INTO api_tokens (user_id, token_hash, prefix, created_at, scopes, expires_at, label, checksummed)
     VALUES (@userId, @hash, @prefix, @at, @scopes, @expiresAt, @label, @checksummed)`,
  );
  const find = db.prepare(
    `SELECT u.*, t.id AS token_id, t.last_used_at, t.scopes, t.expires_at
     FROM api_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = ? AND t.revoked_at IS NULL`,
  );
  const touch = db.prepare(`UPDATE api_tokens SET last_used_at = ? WHERE id = ?`);
  const revokeAll = db.prepare(`UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL`);
  const revokeOne = db.prepare(
    `UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL`,
  );
  const list = db.prepare(`SELECT * FROM api_tokens WHERE user_id = ? ORDER BY id DESC`);
  const get = db.prepare(`SELECT * FROM api_tokens WHERE id = ?`);
  return {
    addToken: (userId, hash, prefix, at, limits = {}) =>
      Number(
        add.run({
          userId,
          hash,
          prefix,
          at,
          scopes: limits.scopes ?? ALL_SCOPES,
          expiresAt: limits.expiresAt ?? null,
          label: limits.label ?? null,
          checksummed: limits.checksummed ? 1 : 0,
        }).lastInsertRowid,
      ),
    findByTokenHash: (hash) => find.get(hash) as TokenOwner | undefined,
    touchToken: (tokenId, at) => void touch.run(at, tokenId),
    revokeTokens: (userId, at) => revokeAll.run(at, userId).changes,
    revokeToken: (userId, tokenId, at) => revokeOne.run(at, tokenId, userId).changes,
    listTokens: (userId) => list.all(userId) as ApiTokenRow[],
    getToken: (tokenId) => get.get(tokenId) as ApiTokenRow | undefined,
  };
}
