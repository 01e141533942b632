import type { Db } from '../open-database.ts';
import { createApiTokenQueries, type ApiTokenQueries } from './api-token-queries.ts';
import { createRoleGrantQueries } from './role-grant-queries.ts';

/** Roles an administrator grants (member is no grant: everyone signed in is a member; maintainers come from GitHub). */
export type GrantedRole = 'reviewer' | 'secretariat' | 'admin';
export const GRANTED_ROLES: readonly GrantedRole[] = ['reviewer', 'secretariat', 'admin'];

export interface UserRow {
  id: number;
  login: string;
  github_id: number | null;
  name: string | null;
  /** 1 for a person of the offline demo community. */
  demo: number;
  created_at: string;
  last_sign_in_at: string | null;
}

/** The user and API-token aggregate: people and their bearer tokens (roles in `role-grant-queries.ts`). */
export interface UserQueries extends ApiTokenQueries {
  /** The user with this login, created (with no role) when new. */
  ensure(login: string, at: string): UserRow;
  /**
   * Adds a user (or finds them) and grants `role` unless it is `member` (for set-ups and tests; the accounts
   * service records who granted what).
   */
  upsert(login: string, role: 'member' | GrantedRole, at: string, by?: string): UserRow;
  findByLogin(login: string): UserRow | undefined;
  findById(id: number): UserRow | undefined;
  findByGitHubId(githubId: number): UserRow | undefined;
  list(): UserRow[];
  /** Records who a GitHub sign-in says this person is (their numeric id, current login and name). */
  setIdentity(id: number, identity: { githubId: number | null; login: string; name: string | null }): UserRow;
  setName(id: number, name: string | null): void;
  markDemo(id: number): void;
  recordSignIn(id: number, at: string): void;
}

/** Builds the user and API-token aggregate's prepared statements on `db`. */
export function createUserQueries(db: Db): UserQueries {
  const insert = db.prepare(
    `INSERT INTO users (login, created_at) VALUES (?, ?) ON CONFLICT(login) DO NOTHING RETURNING *`,
  );
  const findByLogin = db.prepare(`SELECT * FROM users WHERE login = ?`);
  const findById = db.prepare(`SELECT * FROM users WHERE id = ?`);
  const findByGitHubId = db.prepare(`SELECT * FROM users WHERE github_id = ?`);
  const list = db.prepare(`SELECT * FROM users ORDER BY login`);
  const setIdentity = db.prepare(
    `UPDATE users SET github_id = @githubId, login = @login, name = coalesce(@name, name) WHERE id = @id RETURNING *`,
  );
  const setName = db.prepare(`UPDATE users SET name = ? WHERE id = ?`);
  const markDemo = db.prepare(`UPDATE users SET demo = 1 WHERE id = ?`);
  const signIn = db.prepare(`UPDATE users SET last_sign_in_at = ? WHERE id = ?`);
  const grants = createRoleGrantQueries(db);
  const ensure = (login: string, at: string): UserRow =>
    (insert.get(login, at) as UserRow | undefined) ?? (findByLogin.get(login) as UserRow);
  const upsert = db.transaction((login: string, role: 'member' | GrantedRole, at: string, by: string): UserRow => {
    const row = ensure(login, at);
    if (role !== 'member') grants.grant(row.id, role, by, at);
    return row;
  });
  return {
    ...createApiTokenQueries(db),
    ensure,
    upsert: (login, role, at, by = 'cli') => upsert.immediate(login, role, at, by),
    findByLogin: (login) => findByLogin.get(login) as UserRow | undefined,
    findById: (id) => findById.get(id) as UserRow | undefined,
    findByGitHubId: (githubId) => findByGitHubId.get(githubId) as UserRow | undefined,
    list: () => list.all() as UserRow[],
    setIdentity: (id, identity) => setIdentity.get({ id, ...identity }) as UserRow,
    setName: (id, name) => void setName.run(name, id),
    markDemo: (id) => void markDemo.run(id),
    recordSignIn: (id, at) => void signIn.run(at, id),
  };
}
