import express, { type Router } from 'express';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import { fill, plural } from '../../../content/i18n/messages.ts';
import type { SearchResult } from '../../search/search-index.ts';
import type { PortalContext } from '../portal-context.ts';
import { renderPage } from '../render-page.ts';

const queryOf = (value: unknown): string => (typeof value === 'string' ? value.trim().slice(0, 200) : '');

/** `GET /search?q=` (the page, snippets highlighted) and `GET /api/search?q=` (the same results as JSON). */
export function createSearchRoute(ctx: PortalContext): Router {
  const router = express.Router();
  const run = (q: string): { ready: boolean; results: SearchResult[] } =>
    q === ''
      ? { ready: ctx.search !== undefined, results: [] }
      : (ctx.search?.search(q) ?? { ready: false, results: [] });

  router.get('/api/search', (req, res) => {
    const { ready, results } = run(queryOf(req.query['q']));
    res.json({
      ready,
      results: results.map((r) => ({
        type: r.type,
        title: r.title,
        url: r.url,
        snippet: r.snippet.map((p) => p.text).join(''),
        score: r.score,
      })),
    });
  });

  router.get('/search', (req, res) => {
    const { t, lang } = i18nOf(res);
    const q = queryOf(req.query['q']);
    const { ready, results } = run(q);
    const typeLabel = {
      project: t.search.typeProject,
      page: t.search.typePage,
      proposal: t.search.typeProposal,
      draft: t.search.typeDraft,
    };
    const message =
      q === ''
        ? t.search.empty
        : !ready
          ? t.search.building
          : results.length === 0
            ? fill(t.search.none, { query: q })
            : null;
    renderPage(
      ctx,
      req,
      res,
      'search',
      { title: q ? `${q} · ${t.search.title}` : t.search.title, nav: 'search', searchQuery: q },
      {
        heading: q ? fill(t.search.resultsFor, { query: q }) : t.search.title,
        count: q && results.length > 0 ? plural(lang, t.search.count, results.length) : null,
        message,
        results: results.map((r) => ({ type: typeLabel[r.type], title: r.title, url: r.url, snippet: r.snippet })),
      },
    );
  });
  return router;
}
