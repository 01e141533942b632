import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { AuditContext } from '../../sync/accounts/audit-service.ts';
import { ACTIONS, authorize, can, type Action, type ActionTarget, type Actor } from '../../sync/accounts/authorize.ts';
import type { Services } from '../../sync/create-services.ts';

/** The project a request is about (resolved before authorising, so an unknown one is a 404 for everyone). */
export type TargetOf = (req: Request) => ActionTarget;

const maintainerMay = (action: Action): boolean => (ACTIONS[action].roles as readonly string[]).includes('maintainer');

/**
 * Authorises a request through the one table (sync/accounts/authorize.ts): 401 without a usable credential (a
 * refused token says why), 403 when the roles or the token's scopes do not cover the action. A maintainer's
 * permission is re-read from GitHub first when it is older than an hour and it is what would allow the action.
 */
export function requireAction(services: Pick<Services, 'signIn' | 'accounts'>, action: Action, targetOf?: TargetOf) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    const target = targetOf?.(req);
    let actor = req.auth?.actor ?? null;
    if (!actor && req.auth?.failure) throw req.auth.failure;
    if (
      actor &&
      target &&
      maintainerMay(action) &&
      actor.maintainerOf.has(target.repositoryId) &&
      !can(actor, action).allowed
    ) {
      await services.signIn.recheckMaintainer(actor.userId, target.repositoryId);
      actor = services.accounts.actorOf(actor.userId, actor.via, actor.scopes) ?? null;
      req.auth.actor = actor;
    }
    authorize(actor, action, target);
    next();
  };
}

/** The signed-in actor of an authorised request. */
export function actorOf(req: Request): Actor {
  const actor = req.auth?.actor;
  if (!actor) throw new DomainError('unauthenticated', 'sign_in_required', 'sign in first');
  return actor;
}

/** Who, through which door, and the request id, for the audit log. */
export function auditContext(req: Request): AuditContext {
  return {
    actor: actorOf(req).login,
    via: req.path.toLowerCase().startsWith('/api/') ? 'api' : 'web',
    requestId: req.id,
  };
}
