import express, { type Router } from 'express';
import { z } from 'zod';
import type { Store } from '../../db/store.ts';
import { contributorOrganisations } from '../../sync/maturity/contributor-organisations.ts';
import { organisationJson, removeOrganisation, setOrganisation } from '../../sync/maturity/set-organisation.ts';
import { requireToken } from '../auth/require-token.ts';
import type { Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';

const body = z.object({ organisation: z.string({ message: 'send {"organisation": "<name>"}' }) });

/**
 * Organisation corrections for organisational diversity (administrators): `GET /api/maturity/organisations`
 * lists the corrections and every recent contributor with the organisation they count for;
 * `PUT .../organisations/:match` (an email, @domain or login) sets one and `DELETE` removes it, and either
 * re-evaluates the member projects that person or domain committed to.
 */
export function createMaturityOrganisationsRoute(store: Store, clock: Clock): Router {
  const router = express.Router();
  const admin = requireToken(store, clock, 'admin');

  router.get('/api/maturity/organisations', admin, (_req, res) => {
    res.json({
      corrections: store.maturity.organisations.list().map(organisationJson),
      contributors: contributorOrganisations(store, clock.now()),
    });
  });

  router.put('/api/maturity/organisations/:match', admin, express.json(), (req, res) => {
    const parsed = body.safeParse(req.body);
    if (!parsed.success)
      throw new DomainError('invalid', 'bad_organisation', parsed.error.issues.map((i) => i.message).join('; '));
    res.json(
      setOrganisation(store, clock, {
        match: String(req.params.match),
        organisation: parsed.data.organisation,
        by: req.user!.login,
      }),
    );
  });

  router.delete('/api/maturity/organisations/:match', admin, (req, res) => {
    res.json(removeOrganisation(store, clock, String(req.params.match)));
  });

  return router;
}
