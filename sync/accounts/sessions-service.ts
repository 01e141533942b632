import { createHash } from 'node:crypto';
import type { Store } from '../../db/store.ts';
import type { Clock } from '../../kernel/clock.ts';
import { createSealer } from './seal.ts';

/** What a session holds besides express-session's cookie facts (all sealed at rest). */
export interface SessionFields {
  /** The signed-in user. */
  uid?: number;
  /** GitHub's user token, while it may still be needed to re-read repository permissions. */
  gh?: string;
  csrfToken?: string | null;
}

/** Sessions over the store: sealed data, idle and absolute expiry by the injected clock, sign out everywhere. */
export interface SessionsService {
  /** The data of a live session (JSON as express-session wrote it), or undefined (unknown, expired, unreadable). */
  read(sessionId: string): string | undefined;
  write(sessionId: string, json: string, userId: number | null): void;
  touch(sessionId: string): void;
  destroy(sessionId: string): void;
  /** Ends every session of a user; returns how many were live. */
  signOutEverywhere(userId: number): number;
  /** The GitHub user token of the user's most recent live session that still holds one. */
  githubTokenOf(userId: number): string | undefined;
  /** Deletes expired sessions; returns how many. */
  prune(): number;
}

// A session's last request is written at most once a minute.
const TOUCH_EVERY_MS = 60_000;

/** Keys rows by the SHA-256 of the session id: the id itself, which the cookie carries, is never stored. */
export const sessionKey = (sessionId: string): string => createHash('sha256').update(sessionId).digest('hex');

/** The sessions service; `secret` is the session secret (the sealing key is derived from it). */
export function createSessionsService(
  store: Store,
  clock: Clock,
  secret: string,
  lifetimes: { idleMs: number; maxMs: number },
): SessionsService {
  const sealer = createSealer(secret, 'session data');
  const open = (key: string, data: Buffer): string | undefined => sealer.open(data, key);
  return {
    read(sessionId) {
      const key = sessionKey(sessionId);
      const row = store.sessions.get(key);
      if (!row) return undefined;
      if (row.expires_at <= clock.now()) {
        store.sessions.destroy(key);
        return undefined;
      }
      // Sealed under another secret (it was changed) or altered: no session.
      return open(key, row.data);
    },
    write(sessionId, json, userId) {
      const key = sessionKey(sessionId);
      const now = clock.now();
      const createdAt = store.sessions.get(key)?.created_at ?? now;
      store.sessions.put({
        id_hash: key,
        user_id: userId,
        data: sealer.seal(json, key),
        created_at: createdAt,
        seen_at: now,
        expires_at: Math.min(createdAt + lifetimes.maxMs, now + lifetimes.idleMs),
      });
    },
    touch(sessionId) {
      store.sessions.touch(sessionKey(sessionId), clock.now(), { ...lifetimes, everyMs: TOUCH_EVERY_MS });
    },
    destroy(sessionId) {
      store.sessions.destroy(sessionKey(sessionId));
    },
    signOutEverywhere(userId) {
      const live = store.sessions.listUser(userId, clock.now()).length;
      store.sessions.destroyUser(userId);
      return live;
    },
    githubTokenOf(userId) {
      for (const row of store.sessions.listUser(userId, clock.now())) {
        const json = open(row.id_hash, row.data);
        if (!json) continue;
        const fields = JSON.parse(json) as SessionFields;
        if (typeof fields.gh === 'string') return fields.gh;
      }
      return undefined;
    },
    prune: () => store.sessions.prune(clock.now()),
  };
}
