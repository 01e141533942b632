import express, { type Router } from 'express';
import type { Services } from '../../sync/create-services.ts';
import { auditContext, requireAction } from '../auth/require-action.ts';

/**
 * `GET /api/domains`: the domains with their names; `PUT /api/admin/domains/:slug` (secretariat or admin, body
 * `{ "en": "…", "zh": "…" }`): names one, so pages show a name in both languages instead of the slug.
 */
export function createDomainsRoute(services: Pick<Services, 'accounts' | 'signIn' | 'projects' | 'admin'>): Router {
  const router = express.Router();
  router.get('/api/domains', (_req, res) => {
    res.json({ domains: services.projects.domains() });
  });
  router.put('/api/admin/domains/:slug', requireAction(services, 'domains.manage'), express.json(), (req, res) => {
    const body = (req.body ?? {}) as { en?: unknown; zh?: unknown };
    res.json(services.admin.nameDomain(String(req.params['slug']), { en: body.en, zh: body.zh }, auditContext(req)));
  });
  return router;
}
