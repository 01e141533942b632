import express, { type Router } from 'express';
import { auditContext, requireAction } from '../../auth/require-action.ts';
import { formField, redirectDone, renderConsole, type ConsoleDeps } from './console.ts';

/** `/admin/domains`: the domains with their names in both languages, each editable (recorded in the audit log). */
export function createDomainsConsole(deps: ConsoleDeps): Router {
  const { services } = deps;
  const router = express.Router();

  router.get('/admin/domains', requireAction(services, 'domains.manage'), (req, res) => {
    renderConsole(deps, req, res, 'domains', () => ({ domains: services.projects.domains() }));
  });

  router.post('/admin/domains/:slug', requireAction(services, 'domains.manage'), (req, res) => {
    services.admin.nameDomain(
      String(req.params['slug']),
      { en: formField(req, 'en'), zh: formField(req, 'zh') },
      auditContext(req),
    );
    redirectDone(req, res, '/admin/domains', 'domain-named');
  });
  return router;
}
