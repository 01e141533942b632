import session from 'express-session';
import type { SessionsService } from '../../sync/accounts/sessions-service.ts';

declare module 'express-session' {
  interface SessionData {
    /** The signed-in user's id. */
    uid?: number;
    /** GitHub's user token, sealed at rest, kept while permissions may need reading again. */
    gh?: string;
  }
}

/** express-session's store over the accounts capability's sessions (SQLite, sealed, expiry by the clock). */
export class MagnoliaSessionStore extends session.Store {
  readonly #sessions: SessionsService;

  constructor(sessions: SessionsService) {
    super();
    this.#sessions = sessions;
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    try {
      const json = this.#sessions.read(sid);
      callback(null, json === undefined ? null : (JSON.parse(json) as session.SessionData));
    } catch (error) {
      callback(error);
    }
  }

  override set(sid: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    try {
      this.#sessions.write(sid, JSON.stringify(data), typeof data.uid === 'number' ? data.uid : null);
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  override touch(sid: string, _data: session.SessionData, callback?: () => void): void {
    try {
      this.#sessions.touch(sid);
    } finally {
      callback?.();
    }
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    try {
      this.#sessions.destroy(sid);
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }
}
