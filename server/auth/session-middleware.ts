import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import type { Config } from '../../kernel/config/read-config.ts';
import type { Services } from '../../sync/create-services.ts';
import { isAnonymous, SESSION_COOKIE } from './is-anonymous.ts';
import { MagnoliaSessionStore } from './session-store.ts';

/** The paths that may start a session: the ends of the two sign-ins. */
const STARTS_SESSION = new Set(['/auth/github/callback', '/auth/demo']);

/** Cookie options shared by setting and clearing the session cookie. */
export function sessionCookieOptions(config: Pick<Config, 'baseUrl'>): {
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  path: '/';
} {
  return { httpOnly: true, sameSite: 'lax', secure: config.baseUrl.startsWith('https:'), path: '/' };
}

/**
 * express-session over our own store: `magnolia.sid`, HttpOnly, SameSite=Lax, Secure when MAGNOLIA_BASE_URL is
 * https (then the proxy's X-Forwarded-Proto is trusted for it), nothing saved for visitors who are not signed in.
 * It runs only for requests that carry the cookie or that end a sign-in, so anonymous pages stay cheap and cached.
 */
export function sessionMiddleware(
  services: Pick<Services, 'sessions' | 'sessionSecret'>,
  config: Pick<Config, 'baseUrl' | 'sessionMaxMs'>,
): RequestHandler {
  const cookie = sessionCookieOptions(config);
  const handler = session({
    name: SESSION_COOKIE,
    secret: services.sessionSecret,
    store: new MagnoliaSessionStore(services.sessions),
    resave: false,
    saveUninitialized: false,
    rolling: false,
    unset: 'destroy',
    proxy: cookie.secure ? true : undefined,
    cookie: { ...cookie, maxAge: config.sessionMaxMs },
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    if (isAnonymous({ cookie: req.headers.cookie }) && !STARTS_SESSION.has(req.path)) {
      next();
      return;
    }
    handler(req, res, next);
  };
}
