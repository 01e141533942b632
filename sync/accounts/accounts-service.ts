import type { Store } from '../../db/store.ts';
import type { UserRow } from '../../db/users/user-queries.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { AuditContext, AuditService } from './audit-service.ts';
import { rolesHeld, type Actor } from './authorize.ts';
import { GRANTED_ROLES, isGrantedRole, ROLE_SCOPE, type GrantedRole, type Role, type Scope } from './roles.ts';

/** A person as the console and `GET /api/admin/users` list them. */
export interface UserJson {
  login: string;
  name: string | null;
  /** `member` and the granted roles in force. */
  roles: Role[];
  /** Member projects this person maintains (owner/repo). */
  maintainerOf: string[];
  demo: boolean;
  createdAt: string;
  lastSignInAt: string | null;
  /** Every grant, newest first, with who granted and revoked it. */
  grants: {
    role: GrantedRole;
    grantedBy: string;
    grantedAt: string;
    revokedBy: string | null;
    revokedAt: string | null;
  }[];
}

/** `GET /api/me`: who this credential acts as. */
export interface MeJson {
  login: string;
  name: string | null;
  /** The roles this credential may act in (a token's are narrowed by its scopes). */
  roles: Role[];
  maintainerOf: string[];
  via: 'session' | 'token';
  scopes?: Scope[];
}

/** People and their roles: the one place the rules of users and grants live. */
export interface AccountsService {
  /** Adds a user (or finds them) and grants `role` unless it is `member` (the CLI's `user add`). */
  addUser(login: string, role: string, ctx: AuditContext): UserRow;
  grantRole(login: string, role: string, ctx: AuditContext): UserJson;
  revokeRole(login: string, role: string, ctx: AuditContext): UserJson;
  listUsers(): UserJson[];
  /** A known user by login; not-found says how to add one. */
  user(login: string): UserRow;
  describe(row: UserRow): UserJson;
  /** The actor a user acts as now (roles and maintainerships read afresh: a revocation counts at once). */
  actorOf(userId: number, via: 'session' | 'token', scopes?: ReadonlySet<Scope>): Actor | undefined;
  me(actor: Actor): MeJson;
  /** A user who may decide as a reviewer (reviewers and administrators), for actions taken in their name. */
  reviewer(login: string): UserRow;
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/** Checks a GitHub login's shape; the message says what a login looks like. */
export function checkLogin(login: string): string {
  if (!LOGIN.test(login)) {
    throw new DomainError(
      'invalid',
      'bad_login',
      `"${login}" is not a GitHub login: use letters, digits and single dashes (at most 39)`,
    );
  }
  return login;
}

function checkRole(role: string, member: boolean): GrantedRole | 'member' {
  if (member && role === 'member') return 'member';
  if (isGrantedRole(role)) return role;
  const allowed = member ? ['member', ...GRANTED_ROLES] : GRANTED_ROLES;
  throw new DomainError('invalid', 'bad_role', `--role must be one of ${allowed.join(', ')} (got "${role}")`);
}

/** The accounts service over one store. */
export function createAccountsService(store: Store, clock: Clock, audit: AuditService): AccountsService {
  const user = (login: string): UserRow => {
    const row = store.users.findByLogin(checkLogin(login));
    if (!row) {
      throw new DomainError(
        'not-found',
        'user_not_found',
        `no user "${login}": add one first with \`npx magnolia user add ${login} --role member\`, or let them sign in`,
        { login },
      );
    }
    return row;
  };
  const describe = (row: UserRow): UserJson => ({
    login: row.login,
    name: row.name,
    roles: ['member', ...store.roleGrants.active(row.id)],
    maintainerOf: store.maintainers.list(row.id).map((m) => m.full_name),
    demo: row.demo === 1,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
    grants: store.roleGrants.history(row.id).map((g) => ({
      role: g.role,
      grantedBy: g.granted_by,
      grantedAt: g.granted_at,
      revokedBy: g.revoked_by,
      revokedAt: g.revoked_at,
    })),
  });
  const grant = (row: UserRow, role: GrantedRole, ctx: AuditContext): void => {
    if (store.roleGrants.grant(row.id, role, ctx.actor, isoNow(clock)))
      audit.record(ctx, 'role.grant', row.login, { role });
  };
  return {
    addUser(login, role, ctx) {
      const checked = checkRole(role, true);
      return store.transaction(() => {
        const row = store.users.ensure(checkLogin(login), isoNow(clock));
        if (checked !== 'member') grant(row, checked, ctx);
        return row;
      });
    },
    grantRole(login, role, ctx) {
      const checked = checkRole(role, false) as GrantedRole;
      return store.transaction(() => {
        const row = user(login);
        grant(row, checked, ctx);
        return describe(row);
      });
    },
    revokeRole(login, role, ctx) {
      const checked = checkRole(role, false) as GrantedRole;
      return store.transaction(() => {
        const row = user(login);
        if (ctx.actor.toLowerCase() === row.login.toLowerCase() && checked === 'admin')
          throw new DomainError(
            'conflict',
            'own_admin',
            'you cannot revoke your own admin role: ask another administrator (so the portal always keeps one)',
          );
        if (!store.roleGrants.revoke(row.id, checked, ctx.actor, isoNow(clock)))
          throw new DomainError('conflict', 'role_not_held', `${row.login} does not hold the ${checked} role`, {
            login: row.login,
            role: checked,
          });
        audit.record(ctx, 'role.revoke', row.login, { role: checked });
        return describe(row);
      });
    },
    listUsers: () => store.users.list().map(describe),
    user,
    describe,
    actorOf(userId, via, scopes) {
      const row = store.users.findById(userId);
      if (!row) return undefined;
      return {
        userId: row.id,
        login: row.login,
        name: row.name,
        granted: new Set(store.roleGrants.active(row.id)),
        maintainerOf: new Set(store.maintainers.list(row.id).map((m) => m.repository_id)),
        via,
        ...(scopes ? { scopes } : {}),
      };
    },
    me(actor) {
      const maintained = store.maintainers.list(actor.userId);
      const scopes = actor.scopes;
      const narrowed = (role: Role): boolean => !scopes || role === 'member' || scopes.has(ROLE_SCOPE[role]);
      const roles: Role[] = rolesHeld(actor).filter(narrowed);
      const maintains = maintained.length > 0 && narrowed('maintainer');
      if (maintains) roles.splice(1, 0, 'maintainer');
      return {
        login: actor.login,
        name: actor.name,
        roles,
        maintainerOf: maintains ? maintained.map((m) => m.full_name) : [],
        via: actor.via,
        ...(scopes ? { scopes: [...scopes] } : {}),
      };
    },
    reviewer(login) {
      const row = store.users.findByLogin(login);
      if (!row) {
        throw new DomainError(
          'not-found',
          'user_not_found',
          `--by ${login}: no such user (add one with \`npx magnolia user add ${login} --role reviewer\`)`,
        );
      }
      const roles = store.roleGrants.active(row.id);
      if (!roles.includes('reviewer') && !roles.includes('admin')) {
        throw new DomainError(
          'forbidden',
          'forbidden',
          `--by ${login}: only a reviewer or an administrator can exempt a signal (${login} is ${roles.length ? roles.join(', ') : 'a member'})`,
        );
      }
      return row;
    },
  };
}
