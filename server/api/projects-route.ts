import express, { type Router } from 'express';
import type { Store } from '../../db/store.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { projectJson, projectSummaryJson } from '../projects/project-json.ts';

/** `GET /api/projects` and `GET /api/projects/:owner/:repo` (old names redirect after a rename or transfer). */
export function createProjectsRoute(store: Store): Router {
  const router = express.Router();
  router.get('/api/projects', (_req, res) => {
    res.json({
      projects: store.repositories
        .listMembersWithHead()
        .map((row) => projectSummaryJson(store, row, row.head_committed_at)),
    });
  });
  router.get('/api/projects/:owner/:repo', (req, res) => {
    const fullName = `${req.params.owner}/${req.params.repo}`;
    const row = store.repositories.findMember(fullName);
    if (row) {
      res.json(projectJson(store, row));
      return;
    }
    const moved = store.repositories.findByFormerName(fullName);
    if (moved) {
      res.redirect(301, `/api/projects/${encodeURIComponent(moved.owner)}/${encodeURIComponent(moved.name)}`);
      return;
    }
    throw new DomainError(
      'not-found',
      'project_not_found',
      `${fullName} is not a member project: see GET /api/projects for the list`,
    );
  });
  return router;
}
