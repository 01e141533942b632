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
    // A new proposal changes the home page's figures too (proposals are not part of the catalogue snapshot).
    const proposals = ctx.store.proposals.count();
    const slot = cachedPage(req, i18n.lang, 'home', `${snapshot.generation}:${proposals}`);
    if (ctx.pages.send(res, slot)) return;
    const now = ctx.clock.now();
    const model = homeModel(snapshot, i18n, {
      proposals,
      matured: ctx.store.maturity.levelChanges.recentUpward(5),
      monthly: ctx.store.commits.communityMonthly(Math.floor(now / 1000) - 2 * 366 * 86_400),
      now,
    });
    renderPage(ctx, req, res, 'home', { title: i18n.t.site.name, nav: 'home' }, model, slot);
  });
  return router;
}
