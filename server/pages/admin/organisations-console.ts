import express, { type Router } from 'express';
import { fill } from '../../../content/i18n/messages.ts';
import { auditContext, requireAction } from '../../auth/require-action.ts';
import { formField, redirectDone, renderConsole, when, type ConsoleDeps } from './console.ts';

/** The console shows the most active contributors; the API lists every one. */
const CONTRIBUTORS_SHOWN = 200;

/**
 * `/admin/organisations`: corrections of the organisation a contributor counts for (by email, @domain or GitHub
 * login; each change re-evaluates the projects concerned), and the recent contributors with their organisation.
 */
export function createOrganisationsConsole(deps: ConsoleDeps): Router {
  const { services } = deps;
  const router = express.Router();

  router.get('/admin/organisations', requireAction(services, 'organisations.manage'), (req, res) => {
    const { corrections, contributors } = services.maturity.organisations();
    renderConsole(deps, req, res, 'organisations', ({ t }) => ({
      corrections: corrections.map((c) => ({
        match: c.match,
        organisation: c.organisation,
        by: `${c.updatedBy ?? ''} ${when(c.updatedAt)}`,
      })),
      contributors: [...contributors]
        .sort((a, b) => b.commits - a.commits)
        .slice(0, CONTRIBUTORS_SHOWN)
        .map((c) => ({ ...c, projects: c.projects.join(', ') })),
      shown: fill(t.admin.contributorsShown, {
        shown: Math.min(CONTRIBUTORS_SHOWN, contributors.length),
        total: contributors.length,
      }),
    }));
  });

  router.post('/admin/organisations', requireAction(services, 'organisations.manage'), (req, res) => {
    services.admin.setOrganisation(formField(req, 'match'), formField(req, 'organisation'), auditContext(req));
    redirectDone(req, res, '/admin/organisations', 'organisation-set');
  });

  router.post('/admin/organisations/remove', requireAction(services, 'organisations.manage'), (req, res) => {
    services.admin.removeOrganisation(formField(req, 'match'), auditContext(req));
    redirectDone(req, res, '/admin/organisations', 'organisation-removed');
  });
  return router;
}
