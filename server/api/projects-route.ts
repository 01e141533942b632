import express, { type Router } from 'express';
import type { Services } from '../../sync/create-services.ts';

/** `GET /api/projects` and `GET /api/projects/:owner/:repo` (old names redirect after a rename or transfer). */
export function createProjectsRoute({ projects }: Pick<Services, 'projects'>): Router {
  const router = express.Router();
  router.get('/api/projects', (_req, res) => {
    res.json({ projects: projects.list() });
  });
  router.get('/api/projects/:owner/:repo', (req, res) => {
    const { row, current } = projects.resolve(`${req.params.owner}/${req.params.repo}`);
    if (current) res.json(projects.describe(row));
    else res.redirect(301, `/api/projects/${encodeURIComponent(row.owner)}/${encodeURIComponent(row.name)}`);
  });
  return router;
}
