import type { NextFunction, Request, Response } from 'express';
import type { Role, UserRow } from '../../db/users/user-queries.ts';
import type { Store } from '../../db/store.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { hashToken } from './api-token.ts';

declare module 'express-serve-static-core' {
  interface Request {
    user?: UserRow;
  }
}

const RANK: Record<Role, number> = { member: 1, reviewer: 2, admin: 3 };
const TOUCH_EVERY_MS = 60_000;

/** Requires `Authorization: Bearer <token>` of a user with at least `role`. */
export function requireToken(store: Store, clock: Clock, role: Role) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match) {
      throw new DomainError(
        'unauthenticated',
        'token_required',
        'send an API token as "Authorization: Bearer <token>" (create one with `npx magnolia token create <login>`)',
      );
    }
    const user = store.users.findByTokenHash(hashToken(match[1]!));
    if (!user)
      throw new DomainError('unauthenticated', 'bad_token', 'this API token is unknown or revoked: create a new one');
    if (RANK[user.role] < RANK[role]) {
      throw new DomainError('forbidden', 'forbidden', `this needs the ${role} role; ${user.login} is ${user.role}`);
    }
    const now = clock.now();
    if (!user.last_used_at || now - Date.parse(user.last_used_at) > TOUCH_EVERY_MS) {
      store.users.touchToken(user.token_id, isoNow(clock));
    }
    req.user = user;
    next();
  };
}
