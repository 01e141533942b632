import express, { type Router } from 'express';
import { KNOWN_SIGNALS } from '../../../sync/maturity/signals/signal-registry.ts';
import { auditContext, requireAction } from '../../auth/require-action.ts';
import { formField, redirectDone, renderConsole, when, type ConsoleDeps } from './console.ts';

/**
 * `/admin/exemptions?project=owner/repo`: a project's exemptions (who granted what, why, until when; revoked and
 * expired ones too), a grant with reason and expiry, and revocation. Reviewers and administrators.
 */
export function createExemptionsConsole(deps: ConsoleDeps): Router {
  const { services } = deps;
  const router = express.Router();
  const back = (fullName: string) => `/admin/exemptions?${new URLSearchParams({ project: fullName })}`;

  router.get('/admin/exemptions', requireAction(services, 'exemptions.manage'), (req, res) => {
    const wanted = typeof req.query.project === 'string' ? req.query.project : '';
    const row = wanted ? services.projects.member(wanted) : undefined;
    renderConsole(deps, req, res, 'exemptions', () => ({
      projects: services.projects.members().map((p) => ({ value: p.full_name, selected: p.id === row?.id })),
      project: row?.full_name ?? null,
      signals: [...KNOWN_SIGNALS.keys()].map((id) => ({ value: id, label: id })),
      exemptions: row
        ? services.maturity.exemptions(row.id).map((e) => ({
            id: e.id,
            signal: e.signal,
            reason: e.reason,
            expires: when(e.expiresAt),
            by: `${e.createdBy} ${when(e.createdAt)}`,
            revoked: e.revokedAt ? `${e.revokedBy ?? ''} ${when(e.revokedAt)}` : null,
            active: e.active,
            revoke: `/admin/exemptions/${e.id}/revoke`,
          }))
        : [],
    }));
  });

  router.post('/admin/exemptions', requireAction(services, 'exemptions.manage'), (req, res) => {
    const row = services.projects.member(formField(req, 'project'));
    services.admin.exempt(
      {
        repositoryId: row.id,
        signal: formField(req, 'signal'),
        reason: formField(req, 'reason'),
        expiresAt: formField(req, 'expiresAt'),
      },
      auditContext(req),
    );
    res.redirect(303, `${back(row.full_name)}&done=exemption-granted`);
  });

  router.post('/admin/exemptions/:id/revoke', requireAction(services, 'exemptions.manage'), (req, res) => {
    const row = services.projects.member(formField(req, 'project'));
    services.admin.revokeExemption(row.id, Number(req.params.id), auditContext(req));
    redirectDone(req, res, back(row.full_name), 'exemption-revoked');
  });
  return router;
}
