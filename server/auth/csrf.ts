import type { NextFunction, Request, Response } from 'express';
import { csrfSync } from 'csrf-sync';
import { isLoopbackHost, type Config } from '../../kernel/config/read-config.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';

/** The synchroniser token of a session, and the check of cookie-authenticated writes. */
export interface Csrf {
  /** The session's CSRF token (made once per session); empty for a request without a session (a bearer token). */
  token(req: Request): string;
  /** Refuses a cookie-authenticated write without the session's token or from another origin. */
  protect(): (req: Request, res: Response, next: NextFunction) => void;
  /** True when the request's Origin (or, without one, its Referer) is this portal. */
  sameOrigin(req: Request): boolean;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const originOf = (value: string | undefined): string | undefined => {
  if (!value) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
};

/**
 * CSRF defences (csrf-sync's synchroniser token in the session, sent as the `_csrf` form field or the
 * `x-csrf-token` header) plus an Origin check. Bearer-token requests are exempt: a browser never adds that header
 * across sites. The portal's origin is MAGNOLIA_BASE_URL's; on loopback the Host's own origin counts too.
 */
export function createCsrf(config: Pick<Config, 'baseUrl'>): Csrf {
  const { generateToken, isRequestValid } = csrfSync({
    size: 32,
    getTokenFromRequest: (req) => {
      const field = (req.body as Record<string, unknown> | undefined)?._csrf;
      if (typeof field === 'string') return field;
      const header = req.headers['x-csrf-token'];
      return typeof header === 'string' ? header : undefined;
    },
  });
  const sameOrigin = (req: Request): boolean => {
    const origin = originOf(req.headers.origin) ?? originOf(req.headers.referer);
    if (!origin || origin === 'null') return false;
    if (origin === originOf(config.baseUrl)) return true;
    const host = req.headers.host ?? '';
    const hostname = host.replace(/:\d+$/, '');
    return isLoopbackHost(hostname) && origin === `${req.protocol}://${host}`;
  };
  return {
    token: (req) => (req.session ? generateToken(req) : ''),
    sameOrigin,
    protect: () => (req, _res, next) => {
      if (SAFE.has(req.method) || req.auth.actor?.via !== 'session') {
        next();
        return;
      }
      if (!sameOrigin(req))
        throw new DomainError(
          'forbidden',
          'cross_origin',
          'this request did not come from a page of this portal (Origin check): submit the form from the portal itself',
        );
      if (!isRequestValid(req))
        throw new DomainError(
          'forbidden',
          'csrf_failed',
          'this form is out of date or did not come from the portal (CSRF token): reload the page and try again',
        );
      next();
    },
  };
}
