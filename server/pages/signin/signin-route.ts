import express, { type Router } from 'express';
import type { Services } from '../../../sync/create-services.ts';
import { isLocalRequest } from '../../auth/local-request.ts';
import { safeNext } from '../../auth/safe-next.ts';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import { renderPage, type PageContext } from '../render-page.ts';
import { roleLabel } from '../account/role-label.ts';

/**
 * `GET /signin`: sign in with GitHub (when an OAuth app is configured) or, offline on loopback with the demo
 * community, as one of the demo people; otherwise it says how an administrator turns sign-in on.
 */
export function createSignInRoute(ctx: PageContext, services: Pick<Services, 'signIn'>): Router {
  const router = express.Router();
  router.get('/signin', (req, res) => {
    const { t } = i18nOf(res);
    const next = safeNext(req.query.next);
    if (req.auth?.actor?.via === 'session') {
      res.redirect(303, next);
      return;
    }
    const demo = services.signIn.demoAvailable() && isLocalRequest(req);
    res.setHeader('Cache-Control', 'no-store');
    renderPage(
      ctx,
      req,
      res,
      'signin',
      { title: t.account.signInTitle },
      {
        next,
        githubHref: services.signIn.github ? `/auth/github?${new URLSearchParams({ next })}` : null,
        demo: demo
          ? services.signIn.demoPeople().map((p) => ({
              login: p.login,
              name: p.name,
              what: [
                ...p.maintainerOf.map((project) => `${t.account.maintainerOf} ${project}`),
                ...p.roles.map((role) => roleLabel(role, t)),
              ].join(' · '),
            }))
          : null,
      },
    );
  });
  return router;
}
