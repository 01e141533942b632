import type { Store } from '../../db/store.ts';
import { ROLES, type Role, type UserRow } from '../../db/users/user-queries.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { hashToken, mintToken } from './api-token.ts';

/** A user as authenticated by an API token. */
export type TokenUser = UserRow & { token_id: number; last_used_at: string | null };

/** People, roles and API tokens: the one place their rules live (CLI commands and routes call these). */
export interface AccountsService {
  /** Adds a user or changes the role of an existing one. */
  addUser(login: string, role: string): UserRow;
  listUsers(): UserRow[];
  /** Mints a bearer token for a user; only its hash is stored, so the token is returned once. */
  createToken(login: string): string;
  /** Revokes every token of a user; returns how many were live. */
  revokeTokens(login: string): number;
  /** The user whose live token this is, when they hold at least `role`. */
  authenticate(token: string | undefined, role: Role): TokenUser;
  /** A user who may decide as a reviewer (reviewers and administrators), for actions taken in their name. */
  reviewer(login: string): UserRow;
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const RANK: Record<Role, number> = { member: 1, reviewer: 2, admin: 3 };
// A token's last use is recorded at most once a minute, so reads do not write on every request.
const TOUCH_EVERY_MS = 60_000;

function checkLogin(login: string): string {
  if (!LOGIN.test(login)) {
    throw new DomainError(
      'invalid',
      'bad_login',
      `"${login}" is not a GitHub login: use letters, digits and single dashes (at most 39)`,
    );
  }
  return login;
}

/** The accounts service over one store. */
export function createAccountsService(store: Store, clock: Clock): AccountsService {
  const user = (login: string): UserRow => {
    const row = store.users.findByLogin(checkLogin(login));
    if (!row) {
      throw new DomainError(
        'not-found',
        'user_not_found',
        `no user "${login}": add one first with \`npx magnolia user add ${login} --role member\``,
      );
    }
    return row;
  };
  return {
    addUser(login, role) {
      if (!ROLES.includes(role as Role))
        throw new DomainError('invalid', 'bad_role', `--role must be one of ${ROLES.join(', ')} (got "${role}")`);
      return store.users.upsert(checkLogin(login), role as Role, isoNow(clock));
    },
    listUsers: () => store.users.list(),
    createToken(login) {
      const row = user(login);
      const minted = mintToken();
      store.users.addToken(row.id, minted.hash, minted.prefix, isoNow(clock));
      return minted.token;
    },
    revokeTokens(login) {
      return store.users.revokeTokens(user(login).id, isoNow(clock));
    },
    authenticate(token, role) {
      if (!token) {
        throw new DomainError(
          'unauthenticated',
          'token_required',
          'send an API token as "Authorization: Bearer <token>" (create one with `npx magnolia token create <login>`)',
        );
      }
      const found = store.users.findByTokenHash(hashToken(token));
      if (!found)
        throw new DomainError('unauthenticated', 'bad_token', 'this API token is unknown or revoked: create a new one');
      if (RANK[found.role] < RANK[role]) {
        throw new DomainError('forbidden', 'forbidden', `this needs the ${role} role; ${found.login} is ${found.role}`);
      }
      const now = clock.now();
      if (!found.last_used_at || now - Date.parse(found.last_used_at) > TOUCH_EVERY_MS) {
        store.users.touchToken(found.token_id, isoNow(clock));
      }
      return found;
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
      if (RANK[row.role] < RANK.reviewer) {
        throw new DomainError(
          'forbidden',
          'forbidden',
          `--by ${login}: only a reviewer or an administrator can exempt a signal (${login} is a ${row.role})`,
        );
      }
      return row;
    },
  };
}
