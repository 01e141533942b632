import type { NextFunction, Request, Response } from 'express';
import type { Role, UserRow } from '../../db/users/user-queries.ts';
import type { AccountsService } from '../../sync/accounts/accounts-service.ts';

declare module 'express-serve-static-core' {
  interface Request {
    user?: UserRow;
  }
}

/** Requires `Authorization: Bearer <token>` of a user with at least `role` (the accounts service decides). */
export function requireToken(accounts: AccountsService, role: Role) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    req.user = accounts.authenticate(match?.[1], role);
    next();
  };
}
