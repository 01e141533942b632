import type { Db } from '../open-database.ts';

/** What a notification is about. */
export type NotificationEvent = 'created' | 'stage' | 'revision' | 'ballot-open' | 'ballot-close' | 'drift';

/** One row of a person's inbox. */
export interface NotificationRow {
  id: number;
  user_id: number;
  number: string;
  event: NotificationEvent;
  rev: number | null;
  /** JSON of a Message: what happened. */
  what: string;
  /** JSON of a Message: what the reader is asked to do. */
  ask: string;
  holds: number;
  created_at: string;
  read_at: string | null;
  mailed_at: string | null;
}

export type NewNotification = Omit<NotificationRow, 'id' | 'read_at' | 'mailed_at'>;

/** A person as notifications need them: who, where to write, in which language. */
export interface Recipient {
  id: number;
  login: string;
  email: string | null;
  notify_lang: 'zh-CN' | 'en' | null;
}

/** The notifications aggregate: inbox rows, and who receives them (role holders, maintainers, preferences). */
export interface NotificationQueries {
  insert(row: NewNotification): number;
  get(id: number): NotificationRow | undefined;
  /** A person's inbox: unread first, newest first within each, at most `limit` rows. */
  inbox(userId: number, limit: number): NotificationRow[];
  unread(userId: number): number;
  /** Marks these of the person's notifications read (others' ids are ignored); returns how many changed. */
  markRead(userId: number, ids: readonly number[], at: string): number;
  markAllRead(userId: number, at: string): number;
  markMailed(id: number, at: string): void;
  /** People holding a granted role now (grants in force). */
  withRole(role: 'reviewer' | 'secretariat' | 'admin'): Recipient[];
  /**
   * The maintainers of a member project who have an account: from the maintainers table (GitHub permission read
   * at sign-in, or the demo) and the project's collaborators with `admin` or `maintain`.
   */
  maintainersOf(repositoryId: number): Recipient[];
  byLogin(login: string): Recipient | undefined;
  byId(id: number): Recipient | undefined;
  setPreferences(userId: number, email: string | null, lang: 'zh-CN' | 'en' | null): void;
}

/** Builds the notifications' prepared statements on `db`. */
export function createNotificationQueries(db: Db): NotificationQueries {
  const person = `SELECT u.id, u.login, u.email, u.notify_lang FROM users u`;
  const insert = db.prepare(
    `INSERT INTO notifications (user_id, number, event, rev, what, ask, holds, created_at)
     VALUES (@user_id, @number, @event, @rev, @what, @ask, @holds, @created_at)`,
  );
  const get = db.prepare(`SELECT * FROM notifications WHERE id = ?`);
  const inbox = db.prepare(
    `SELECT * FROM notifications WHERE user_id = ? ORDER BY read_at IS NOT NULL, id DESC LIMIT ?`,
  );
  const unread = db.prepare(`SELECT count(*) FROM notifications WHERE user_id = ? AND read_at IS NULL`).pluck();
  const markRead = db.prepare(
    `UPDATE notifications SET read_at = @at
     WHERE user_id = @user AND read_at IS NULL AND id IN (SELECT value FROM json_each(@ids))`,
  );
  const markAll = db.prepare(`UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL`);
  const markMailed = db.prepare(`UPDATE notifications SET mailed_at = ? WHERE id = ?`);
  const withRole = db.prepare(
    `${person} JOIN role_grants g ON g.user_id = u.id WHERE g.role = ? AND g.revoked_at IS NULL ORDER BY u.login`,
  );
  const maintainersOf = db.prepare(
    `${person} WHERE u.id IN (
       SELECT user_id FROM maintainers WHERE repository_id = @repo
       UNION SELECT u2.id FROM users u2 JOIN collaborators c ON c.login = u2.login COLLATE NOCASE
         WHERE c.repository_id = @repo AND c.removed_at IS NULL AND c.permission IN ('admin', 'maintain'))
     ORDER BY u.login`,
  );
  const byLogin = db.prepare(`${person} WHERE u.login = ? COLLATE NOCASE`);
  const byId = db.prepare(`${person} WHERE u.id = ?`);
  const setPreferences = db.prepare(`UPDATE users SET email = ?, notify_lang = ? WHERE id = ?`);
  return {
    insert: (row) => Number(insert.run(row).lastInsertRowid),
    get: (id) => get.get(id) as NotificationRow | undefined,
    inbox: (userId, limit) => inbox.all(userId, limit) as NotificationRow[],
    unread: (userId) => unread.get(userId) as number,
    markRead: (userId, ids, at) => markRead.run({ at, user: userId, ids: JSON.stringify(ids) }).changes,
    markAllRead: (userId, at) => markAll.run(at, userId).changes,
    markMailed: (id, at) => void markMailed.run(at, id),
    withRole: (role) => withRole.all(role) as Recipient[],
    maintainersOf: (repositoryId) => maintainersOf.all({ repo: repositoryId }) as Recipient[],
    byLogin: (login) => byLogin.get(login) as Recipient | undefined,
    byId: (id) => byId.get(id) as Recipient | undefined,
    setPreferences: (userId, email, lang) => void setPreferences.run(email, lang, userId),
  };
}
