import express, { type Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { Services } from '../../sync/create-services.ts';
import { auditContext, requireAction } from '../auth/require-action.ts';

const body = z.object({ organisation: z.string({ message: 'send {"organisation": "<name>"}' }) });

/**
 * Organisation corrections for organisational diversity (administrators): `GET /api/maturity/organisations`
 * lists the corrections and every recent contributor with the organisation they count for;
 * `PUT .../organisations/:match` (an email, @domain or login) sets one and `DELETE` removes it, and either
 * re-evaluates the member projects that person or domain committed to.
 */
export function createMaturityOrganisationsRoute(
  services: Pick<Services, 'accounts' | 'maturity' | 'admin' | 'signIn'>,
): Router {
  const { maturity } = services;
  const router = express.Router();
  const admin = requireAction(services, 'organisations.manage');

  router.get('/api/maturity/organisations', admin, (_req, res) => {
    res.json(maturity.organisations());
  });

  router.put('/api/maturity/organisations/:match', admin, express.json(), (req, res) => {
    const parsed = body.safeParse(req.body);
    if (!parsed.success)
      throw new DomainError('invalid', 'bad_organisation', parsed.error.issues.map((i) => i.message).join('; '));
    res.json(services.admin.setOrganisation(String(req.params.match), parsed.data.organisation, auditContext(req)));
  });

  router.delete('/api/maturity/organisations/:match', admin, (req, res) => {
    res.json(services.admin.removeOrganisation(String(req.params.match), auditContext(req)));
  });

  return router;
}
