import express, { type Request, type Router } from 'express';
import type { Services } from '../../sync/create-services.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';

/** `?from=00` (or `-00`, `0`) → 0; absent → null. */
function revOf(req: Request, name: string): number | null {
  const value = req.query[name];
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string' || !/^-?\d{1,4}$/.test(value))
    throw new DomainError('invalid', 'diff_bad_range', `"${String(value)}" is not a revision: give it as 00, 01 …`, {
      value: String(value),
    });
  return Number(value.replace(/^-/, ''));
}

/**
 * `GET /api/proposals/:number/diff?from=&to=` (public): the clause-keyed diff of two ready revisions (default: the
 * latest and the one before it) — clauses edited with their word diff, moved, added, removed, strength changes and
 * the requirements register diff; `stored` says whether it was made with the later revision.
 */
export function createDiffsRoute(services: Pick<Services, 'diffs'>): Router {
  const router = express.Router();
  router.get('/api/proposals/:number/diff', (req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(services.diffs.diff(String(req.params['number']), revOf(req, 'from'), revOf(req, 'to')));
  });
  return router;
}
