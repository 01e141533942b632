import express, { type Request, type Router } from 'express';
import type { Services } from '../../sync/create-services.ts';
import { auditContext, requireAction, type TargetOf } from '../auth/require-action.ts';

/**
 * `POST /api/projects/:owner/:repo/sync` and `/evaluate`: queue a reconcile (then a metadata refresh) or an
 * evaluation now; maintainers of that project (permission re-read from GitHub when older than an hour), the
 * secretariat and administrators. 202 with what was queued.
 */
export function createProjectActionsRoute(
  services: Pick<Services, 'projects' | 'admin' | 'accounts' | 'signIn'>,
): Router {
  const router = express.Router();
  const row = (req: Request) => services.projects.member(`${String(req.params.owner)}/${String(req.params.repo)}`);
  const target: TargetOf = (req) => ({ repositoryId: row(req).id });
  router.post('/api/projects/:owner/:repo/sync', requireAction(services, 'projects.refresh', target), (req, res) => {
    res.status(202).json(services.admin.syncProject(row(req), auditContext(req)));
  });
  router.post(
    '/api/projects/:owner/:repo/evaluate',
    requireAction(services, 'projects.refresh', target),
    (req, res) => {
      res.status(202).json(services.admin.evaluateProject(row(req), auditContext(req)));
    },
  );
  return router;
}
