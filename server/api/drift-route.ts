import express, { type Router } from 'express';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { Services } from '../../sync/create-services.ts';

/**
 * `GET /api/proposals/:number/drift` (public): what changed on the project's default branch under the proposal's
 * current revision — changed source files, the clauses their changed lines touch, requirements whose verbal form
 * changed — from the mirror only; 404 before the first ready revision.
 */
export function createDriftRoute(services: Pick<Services, 'drift'>): Router {
  const router = express.Router();
  router.get('/api/proposals/:number/drift', async (req, res) => {
    const number = String(req.params['number']);
    const report = await services.drift.get(number);
    if (report === null)
      throw new DomainError(
        'not-found',
        'drift_no_revision',
        `${number} has no ready revision with a pinned commit in a mirror yet: drift compares one with upstream`,
        { number },
      );
    res.setHeader('Cache-Control', 'no-cache');
    res.json(report);
  });
  return router;
}
