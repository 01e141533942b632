import express, { type Router } from 'express';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import { searchParamsOf } from '../layout/url-with.ts';
import type { PortalContext } from '../portal-context.ts';
import { cachedPage, renderPage } from '../render-page.ts';
import { catalogueModel } from './catalogue-model.ts';
import { readCatalogueQuery } from './catalogue-query.ts';

/** `GET /projects`: the catalogue, filtered, sorted and paginated by its query string. */
export function createCatalogueRoute(ctx: PortalContext): Router {
  const router = express.Router();
  router.get('/projects', (req, res) => {
    const i18n = i18nOf(res);
    const snapshot = ctx.snapshot.get();
    // The page is a function of the snapshot, the proposals (never deleted: their count moves) and the URL.
    const proposals = ctx.store.proposals.count();
    const slot = cachedPage(req, i18n.lang, 'catalogue', `${snapshot.generation}:${proposals}`);
    if (ctx.pages.send(res, slot)) return;
    const query = readCatalogueQuery(searchParamsOf(req.originalUrl));
    const proposed = query.proposal
      ? new Set(ctx.store.proposals.projects().map((name) => name.toLowerCase()))
      : undefined;
    const model = catalogueModel(snapshot, query, req.originalUrl, i18n, proposed);
    // A page past the end (a shared link after projects left, a typed number) goes to the last page, visibly.
    if (model.redirect) {
      res.redirect(302, model.redirect);
      return;
    }
    renderPage(ctx, req, res, 'catalogue', { title: i18n.t.catalogue.title, nav: 'projects' }, model, slot);
  });
  return router;
}
