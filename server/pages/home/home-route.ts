import express, { type Router } from 'express';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import type { PortalContext } from '../portal-context.ts';
import { cachedPage, renderPage } from '../render-page.ts';
import { homeModel } from './home-model.ts';

/** `GET /`: what the community is, its figures, recently matured projects and recent activity. */
export function createHomeRoute(ctx: PortalContext): Router {
  const router = express.Router();
  router.get('/', (req, res) => {
    const i18n = i18nOf(res);
    const snapshot = ctx.snapshot.get();
    const slot = cachedPage(req, i18n.lang, 'home', String(snapshot.generation));
    if (ctx.pages.send(res, slot)) return;
    const now = ctx.clock.now();
    // Proposals arrive with the workflow issue; until then the figure is an honest zero.
    const model = homeModel(snapshot, i18n, {
      proposals: 0,
      matured: ctx.store.maturity.levelChanges.recentUpward(5),
      monthly: ctx.store.commits.communityMonthly(Math.floor(now / 1000) - 2 * 366 * 86_400),
      now,
    });
    renderPage(ctx, req, res, 'home', { title: i18n.t.site.name, nav: 'home' }, model, slot);
  });
  return router;
}
