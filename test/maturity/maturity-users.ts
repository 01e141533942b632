import type { Store } from '../../db/store.ts';
import type { GrantedRole } from '../../db/users/user-queries.ts';
import { mintToken } from '../../sync/accounts/api-token.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';

/** Creates a user with a role and returns a bearer token for them. */
export function createUser(store: Store, login: string, role: 'member' | GrantedRole, clock: Clock): string {
  const user = store.users.upsert(login, role, isoNow(clock));
  const minted = mintToken();
  store.users.addToken(user.id, minted.hash, minted.prefix, isoNow(clock));
  return minted.token;
}
