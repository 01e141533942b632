import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../../kernel/config/read-config.ts';
import { isDomainError, type DomainError } from '../../kernel/errors/domain-error.ts';
import { can, type Actor } from '../../sync/accounts/authorize.ts';
import type { Services } from '../../sync/create-services.ts';
import type { Csrf } from './csrf.ts';
import { isAnonymous, SESSION_COOKIE } from './is-anonymous.ts';
import { sessionCookieOptions } from './session-middleware.ts';

/** Who a request comes from: a signed-in person, a token's owner, nobody, or a credential that failed. */
export interface RequestAuth {
  actor: Actor | null;
  /** A token that was sent but refused (unknown, revoked, expired, damaged): protected routes answer with it. */
  failure?: DomainError;
}

/** What the page header shows of the person signed in (never for token requests; never cached). */
export interface AccountChrome {
  login: string;
  name: string | null;
  csrfToken: string;
  /** Whether the admin console is theirs to open. */
  console: boolean;
  /** Unread notifications, for the header's inbox badge. */
  unread: number;
}

declare module 'express-serve-static-core' {
  interface Request {
    auth: RequestAuth;
  }
}

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Identifies the caller once per request: `Authorization: Bearer <token>` wins (and is exempt from CSRF checks),
 * else the session's user. Roles are read afresh each time, so a revocation counts at the next request. A session
 * cookie that no longer names a live session is cleared, so the visitor's pages come from the cache again.
 */
export function identify(
  services: Pick<Services, 'tokens' | 'accounts' | 'notifications'>,
  config: Pick<Config, 'baseUrl'>,
  csrf: Csrf,
) {
  return (req: Request, res: Response, next: NextFunction): void => {
    req.auth = { actor: null };
    if (req.headers.authorization !== undefined) {
      try {
        req.auth.actor = services.tokens.authenticate(BEARER.exec(req.headers.authorization)?.[1]);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        req.auth.failure = error;
      }
      next();
      return;
    }
    const uid = req.session?.uid;
    if (typeof uid === 'number') {
      const actor = services.accounts.actorOf(uid, 'session');
      if (actor) {
        req.auth.actor = actor;
        const chrome: AccountChrome = {
          login: actor.login,
          name: actor.name,
          csrfToken: csrf.token(req),
          console: can(actor, 'console.view').allowed,
          unread: services.notifications.unread(actor.userId),
        };
        res.locals.account = chrome;
      } else {
        // The user was deleted: the session names nobody.
        req.session.destroy(() => undefined);
      }
    } else if (!isAnonymous({ cookie: req.headers.cookie }) && (req.method === 'GET' || req.method === 'HEAD')) {
      res.clearCookie(SESSION_COOKIE, sessionCookieOptions(config));
    }
    next();
  };
}

/** The signed-in person of a page response, for the header. */
export function accountChromeOf(res: Response): AccountChrome | undefined {
  return res.locals.account as AccountChrome | undefined;
}
