import type { Db } from '../open-database.ts';

/** A stored session: the hash of its id, the user, the sealed data, and its times (epoch ms). */
export interface SessionRow {
  id_hash: string;
  user_id: number | null;
  data: Buffer;
  created_at: number;
  seen_at: number;
  expires_at: number;
}

export interface SessionQueries {
  get(idHash: string): SessionRow | undefined;
  /** Writes a session's data; a new session starts its absolute lifetime at `row.created_at`. */
  put(row: SessionRow): void;
  /**
   * Records a request at `now` when the last one is older than `everyMs` (so reads do not write each time): idle
   * expiry moves, absolute expiry (`created_at + maxMs`) does not.
   */
  touch(idHash: string, now: number, lifetimes: { idleMs: number; maxMs: number; everyMs: number }): void;
  destroy(idHash: string): void;
  /** Ends every session of a user (sign out everywhere); returns how many. */
  destroyUser(userId: number): number;
  /** A user's live sessions, newest first. */
  listUser(userId: number, now: number): SessionRow[];
  /** Deletes sessions that expired before `now`; returns how many. */
  prune(now: number): number;
}

/** Builds the sessions' prepared statements on `db`. */
export function createSessionQueries(db: Db): SessionQueries {
  const get = db.prepare(`SELECT * FROM sessions WHERE id_hash = ?`);
  // A re-save keeps the session's creation time: the absolute expiry never moves.
  const put = db.prepare(
    `INSERT INTO sessions (id_hash, user_id, data, created_at, seen_at, expires_at)
     VALUES (@id_hash, @user_id, @data, @created_at, @seen_at, @expires_at)
     ON CONFLICT (id_hash) DO UPDATE SET user_id = excluded.user_id, data = excluded.data,
       seen_at = excluded.seen_at, expires_at = excluded.expires_at`,
  );
  const touch = db.prepare(
    `UPDATE sessions SET seen_at = @now, expires_at = min(created_at + @maxMs, @now + @idleMs)
     WHERE id_hash = @idHash AND seen_at < @now - @everyMs AND expires_at > @now`,
  );
  const destroy = db.prepare(`DELETE FROM sessions WHERE id_hash = ?`);
  const destroyUser = db.prepare(`DELETE FROM sessions WHERE user_id = ?`);
  const listUser = db.prepare(`SELECT * FROM sessions WHERE user_id = ? AND expires_at > ? ORDER BY seen_at DESC`);
  const prune = db.prepare(`DELETE FROM sessions WHERE expires_at <= ?`);
  return {
    get: (idHash) => get.get(idHash) as SessionRow | undefined,
    put: (row) => void put.run(row),
    touch: (idHash, now, lifetimes) => void touch.run({ idHash, now, ...lifetimes }),
    destroy: (idHash) => void destroy.run(idHash),
    destroyUser: (userId) => destroyUser.run(userId).changes,
    listUser: (userId, now) => listUser.all(userId, now) as SessionRow[],
    prune: (now) => prune.run(now).changes,
  };
}
