import express, { type Request, type Response, type Router } from 'express';
import type { Config } from '../../kernel/config/read-config.ts';
import type { Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { OAuthTransaction } from '../../sync/accounts/github-oauth.ts';
import { createSealer } from '../../sync/accounts/seal.ts';
import type { SignedIn } from '../../sync/accounts/sign-in-service.ts';
import { oauthNotConfigured } from '../../sync/accounts/sign-in-service.ts';
import type { Services } from '../../sync/create-services.ts';
import { readCookie } from '../i18n/negotiate-language.ts';
import type { Csrf } from './csrf.ts';
import { isLocalRequest } from './local-request.ts';
import { SESSION_COOKIE } from './is-anonymous.ts';
import type { RateLimits } from './rate-limits.ts';
import { safeNext } from './safe-next.ts';
import { sessionCookieOptions } from './session-middleware.ts';

/** The sealed sign-in transaction (state, PKCE verifier, where to go next), sent back only to /auth/github. */
const OAUTH_COOKIE = 'magnolia.oauth';
const OAUTH_PATH = '/auth/github';
const AUTH = 'sign-in transaction';

export interface AuthRouteDeps {
  services: Pick<Services, 'signIn' | 'sessionSecret'>;
  config: Config;
  clock: Clock;
  csrf: Csrf;
  limits: RateLimits;
}

/**
 * `GET /auth/github` (to GitHub, `?next=` kept to a path of this portal), `GET /auth/github/callback`,
 * `POST /auth/demo` (the offline demo people; absent, 404, under any other configuration) and
 * `POST /auth/signout`. A sign-in always starts a new session (a new id: no fixation).
 */
export function createAuthRoutes({ services, config, clock, csrf, limits }: AuthRouteDeps): Router {
  const router = express.Router();
  const sealer = createSealer(services.sessionSecret, AUTH);
  const cookie = sessionCookieOptions(config);
  const redirectUri = (): string => `${config.baseUrl}/auth/github/callback`;

  const startSession = (req: Request, res: Response, signedIn: SignedIn, next: string): Promise<void> =>
    new Promise((resolve, reject) => {
      req.session.regenerate((error) => {
        if (error) return reject(error as Error);
        req.session.uid = signedIn.userId;
        if (signedIn.githubToken) req.session.gh = signedIn.githubToken;
        csrf.token(req);
        req.session.save((saveError) => {
          if (saveError) return reject(saveError as Error);
          res.redirect(303, next);
          resolve();
        });
      });
    });

  router.get('/auth/github', limits.signIn, async (req, res) => {
    const github = services.signIn.github;
    if (!github) throw oauthNotConfigured();
    const { url, transaction } = await github.start(redirectUri(), safeNext(req.query.next), clock.now());
    res.cookie(OAUTH_COOKIE, sealer.seal(JSON.stringify(transaction), AUTH).toString('base64url'), {
      ...cookie,
      path: OAUTH_PATH,
      maxAge: 10 * 60_000,
    });
    res.redirect(303, url);
  });

  router.get('/auth/github/callback', limits.signIn, async (req, res) => {
    if (!services.signIn.github) throw oauthNotConfigured();
    const sealed = readCookie(req.headers.cookie, OAUTH_COOKIE);
    const opened = sealed ? sealer.open(Buffer.from(sealed, 'base64url'), AUTH) : undefined;
    res.clearCookie(OAUTH_COOKIE, { ...cookie, path: OAUTH_PATH });
    if (!opened)
      throw new DomainError(
        'invalid',
        'sign_in_not_started',
        'this browser did not start a sign-in here, or it took too long: start again from the sign-in page',
      );
    const transaction = JSON.parse(opened) as OAuthTransaction;
    const query = new URL(req.originalUrl, 'http://callback.invalid').searchParams;
    const signedIn = await services.signIn.finishGitHub(query, transaction, redirectUri());
    await startSession(req, res, signedIn, safeNext(transaction.next));
  });

  router.post('/auth/demo', limits.signIn, async (req, res) => {
    // Only on loopback, reached through a loopback name from this machine: never behind a proxy or a rebound name.
    if (!services.signIn.demoAvailable() || !isLocalRequest(req))
      throw new DomainError('not-found', 'not_found', `nothing at ${req.path}: check the address`);
    if (!csrf.sameOrigin(req))
      throw new DomainError(
        'forbidden',
        'cross_origin',
        'this request did not come from a page of this portal (Origin check): sign in from the sign-in page',
      );
    const login = (req.body as Record<string, unknown> | undefined)?.login;
    if (typeof login !== 'string' || login === '')
      throw new DomainError('invalid', 'demo_person_required', 'choose one of the demo people to sign in as');
    const signedIn = services.signIn.signInDemo(login);
    await startSession(req, res, signedIn, safeNext((req.body as Record<string, unknown>).next));
  });

  router.post('/auth/signout', (req, res) => {
    res.clearCookie(SESSION_COOKIE, cookie);
    if (!req.session) {
      res.redirect(303, '/');
      return;
    }
    req.session.destroy(() => res.redirect(303, '/'));
  });

  return router;
}
