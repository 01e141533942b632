import type { Db } from '../open-database.ts';
import type { GrantedRole } from './user-queries.ts';

/** One grant of a role, in force or revoked. */
export interface RoleGrantRow {
  id: number;
  user_id: number;
  role: GrantedRole;
  granted_by: string;
  granted_at: string;
  revoked_by: string | null;
  revoked_at: string | null;
}

export interface RoleGrantQueries {
  /** Grants a role; false when it is already in force (nothing written). */
  grant(userId: number, role: GrantedRole, by: string, at: string): boolean;
  /** Revokes a role in force; false when there was none. */
  revoke(userId: number, role: GrantedRole, by: string, at: string): boolean;
  /** The roles in force for a user. */
  active(userId: number): GrantedRole[];
  /** Every grant of a user, newest first, revoked ones too. */
  history(userId: number): RoleGrantRow[];
  /** Every grant in force, for listings of people and their roles. */
  allActive(): { user_id: number; role: GrantedRole }[];
}

/** Builds the role grants' prepared statements on `db`. */
export function createRoleGrantQueries(db: Db): RoleGrantQueries {
  const grant = db.prepare(
    `INSERT INTO role_grants (user_id, role, granted_by, granted_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_id, role) WHERE revoked_at IS NULL DO NOTHING`,
  );
  const revoke = db.prepare(
    `UPDATE role_grants SET revoked_by = ?, revoked_at = ? WHERE user_id = ? AND role = ? AND revoked_at IS NULL`,
  );
  const active = db
    .prepare(`SELECT role FROM role_grants WHERE user_id = ? AND revoked_at IS NULL ORDER BY role`)
    .pluck();
  const history = db.prepare(`SELECT * FROM role_grants WHERE user_id = ? ORDER BY granted_at DESC, id DESC`);
  const allActive = db.prepare(`SELECT user_id, role FROM role_grants WHERE revoked_at IS NULL`);
  return {
    grant: (userId, role, by, at) => grant.run(userId, role, by, at).changes > 0,
    revoke: (userId, role, by, at) => revoke.run(by, at, userId, role).changes > 0,
    active: (userId) => active.all(userId) as GrantedRole[],
    history: (userId) => history.all(userId) as RoleGrantRow[],
    allActive: () => allActive.all() as { user_id: number; role: GrantedRole }[],
  };
}
