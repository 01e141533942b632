import express, { type Request, type Response, type Router } from 'express';
import type { Store } from '../../../db/store.ts';
import { DomainError } from '../../../kernel/errors/domain-error.ts';
import type { TokenJson } from '../../../sync/accounts/tokens-service.ts';
import type { Services } from '../../../sync/create-services.ts';
import type { Csrf } from '../../auth/csrf.ts';
import { SESSION_COOKIE } from '../../auth/is-anonymous.ts';
import { actorOf, auditContext, requireAction } from '../../auth/require-action.ts';
import { sessionCookieOptions } from '../../auth/session-middleware.ts';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import { renderPage, type PageContext } from '../render-page.ts';
import { accountModel } from './account-model.ts';
import { notificationSettingsModel } from './notification-settings-model.ts';

export interface AccountPageDeps {
  ctx: PageContext & { store: Store };
  services: Pick<Services, 'accounts' | 'tokens' | 'sessions' | 'signIn' | 'notifications'>;
  csrf: Csrf;
  config: { baseUrl: string };
}

const field = (req: Request, name: string): string | undefined => {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * `/account`: who I am, my roles, the projects I maintain, my API tokens (create with scopes and expiry, see the
 * prefix and last use, revoke), and sign out everywhere. Never cached: it is one person's page.
 */
export function createAccountRoute({ ctx, services, csrf, config }: AccountPageDeps): Router {
  const router = express.Router();
  const maintained = (userId: number) =>
    ctx.store.maintainers.list(userId).map((m) => {
      const [owner, repo] = m.full_name.split('/') as [string, string];
      return { fullName: m.full_name, owner, repo, checkedAt: m.checked_at };
    });
  const show = (
    req: Request,
    res: Response,
    extra: { created?: { token: string; info: TokenJson }; done?: string },
  ) => {
    const i18n = i18nOf(res);
    res.setHeader('Cache-Control', 'no-store');
    const model = accountModel({ ...services, maintained }, actorOf(req), i18n, csrf.token(req), extra);
    const notify = notificationSettingsModel(services.notifications, actorOf(req).userId, i18n.t, extra.done);
    renderPage(ctx, req, res, 'account', { title: i18n.t.account.title }, { ...model, notify });
  };

  router.get('/account', requireAction(services, 'account.read'), (req, res) => {
    show(req, res, { done: typeof req.query.done === 'string' ? req.query.done : undefined });
  });

  router.post('/account/tokens', requireAction(services, 'token.create'), (req, res) => {
    const scopes = (req.body as Record<string, unknown> | undefined)?.scopes;
    const days = field(req, 'days') ?? '90';
    if (!/^\d{1,3}$/.test(days)) throw new DomainError('invalid', 'bad_expiry', 'choose how many days the token lasts');
    const created = services.tokens.create(
      actorOf(req).login,
      {
        scopes: Array.isArray(scopes) ? scopes.map(String) : typeof scopes === 'string' ? [scopes] : [],
        expires: `${days}d`,
        label: field(req, 'label'),
      },
      auditContext(req),
    );
    res.status(201);
    show(req, res, { created });
  });

  router.post('/account/tokens/:id/revoke', requireAction(services, 'token.revoke'), (req, res) => {
    services.tokens.revoke(actorOf(req).userId, Number(req.params.id), auditContext(req));
    res.redirect(303, '/account?done=token-revoked');
  });

  router.post('/account/notifications', requireAction(services, 'inbox.use'), (req, res) => {
    services.notifications.setPreferences(
      actorOf(req).userId,
      { email: field(req, 'email') ?? '', language: field(req, 'language') ?? '' },
      auditContext(req),
    );
    res.redirect(303, '/account?done=notifications-saved#notifications');
  });

  router.post('/account/sessions/revoke', requireAction(services, 'sessions.revoke'), (req, res) => {
    services.sessions.signOutEverywhere(actorOf(req).userId);
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(config));
    res.redirect(303, '/');
  });
  return router;
}
