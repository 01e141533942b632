import { createHash } from 'node:crypto';
import express, { type Router } from 'express';
import type { ProjectsService } from '../../sync/projects/projects-service.ts';
import { toLang } from '../../kernel/i18n/languages.ts';
import { messagesFor } from '../../content/i18n/messages.ts';
import { levelLabel } from '../pages/project/level-label.ts';
import type { MaturityService } from '../../sync/maturity/maturity-service.ts';
import { renderBadge } from './render-badge.ts';

/**
 * `GET /badge/:owner/:repo.svg`: the project's maturity level for its README. English unless `?lang=` asks
 * otherwise (a README's readers carry no cookie of ours). Cached for five minutes by image proxies, and
 * revalidated with a strong ETag.
 */
export function createBadgeRoute(projects: ProjectsService, maturity: MaturityService): Router {
  const router = express.Router();
  router.get('/badge/:owner/:repo.svg', (req, res) => {
    const { row, current } = projects.resolve(`${req.params.owner}/${req.params.repo}`);
    if (!current) {
      // A README still showing the old name's badge gets the renamed project's.
      const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
      res.redirect(301, `/badge/${encodeURIComponent(row.owner)}/${encodeURIComponent(row.name)}.svg${query}`);
      return;
    }
    const t = messagesFor(toLang(req.query['lang']) ?? 'en');
    const level = maturity.read(row.id)?.level ?? null;
    const svg = renderBadge(t.badge.label, levelLabel(t, level), level);
    const etag = `"${createHash('sha256').update(svg).digest('base64url').slice(0, 27)}"`;
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.setHeader('ETag', etag);
    res.type('image/svg+xml');
    const known = (req.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    if (known.includes(etag) || known.includes('*')) {
      res.status(304).end();
      return;
    }
    res.send(svg);
  });
  return router;
}
