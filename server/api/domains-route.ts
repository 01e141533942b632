import express, { type Router } from 'express';
import type { Services } from '../../sync/create-services.ts';
import { requireToken } from '../auth/require-token.ts';

/**
 * `GET /api/domains`: the domains with their names; `PUT /api/admin/domains/:slug` (admin token, body
 * `{ "en": "…", "zh": "…" }`): names one, so pages show a name in both languages instead of the slug.
 */
export function createDomainsRoute(services: Pick<Services, 'accounts' | 'projects'>): Router {
  const router = express.Router();
  router.get('/api/domains', (_req, res) => {
    res.json({ domains: services.projects.domains() });
  });
  router.put('/api/admin/domains/:slug', requireToken(services.accounts, 'admin'), express.json(), (req, res) => {
    const body = (req.body ?? {}) as { en?: unknown; zh?: unknown };
    res.json(services.projects.nameDomain(String(req.params['slug']), { en: body.en, zh: body.zh }));
  });
  return router;
}
