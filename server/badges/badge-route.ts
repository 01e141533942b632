import { createHash } from 'node:crypto';
import express, { type Router } from 'express';
import type { ProjectsService } from '../../sync/projects/projects-service.ts';
import { toLang } from '../../kernel/i18n/languages.ts';
import { messagesFor } from '../../content/i18n/messages.ts';
import { levelLabel } from '../pages/project/level-label.ts';
import type { MaturityService } from '../../sync/maturity/maturity-service.ts';
import { renderBadge } from './render-badge.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { exemptedRequirements } from '../../sync/maturity/evaluate/exempted-requirements.ts';
import { levelWithExemption } from '../pages/project/level-ladder.ts';

/**
 * `GET /badge/:owner/:repo.svg`: the project's maturity level for its README. English unless `?lang=` asks
 * otherwise (a README's readers carry no cookie of ours, and an image sets none: mount it before the i18n
 * middleware). Cached for five minutes by image proxies, and revalidated with a strong ETag; an unknown project
 * is a 404 whose body is an "unknown project" badge.
 */
export function createBadgeRoute(projects: ProjectsService, maturity: MaturityService): Router {
  const router = express.Router();
  router.get('/badge/:owner/:repo.svg', (req, res) => {
    const t = messagesFor(toLang(req.query['lang']) ?? 'en');
    let found: ReturnType<ProjectsService['resolve']>;
    try {
      found = projects.resolve(`${req.params.owner}/${req.params.repo}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'not-found') throw error;
      // An image answers with an image: a README linking a wrong name shows "unknown project", not a broken icon.
      res.status(404).setHeader('Cache-Control', 'public, max-age=300');
      res.type('image/svg+xml').send(renderBadge(t.badge.label, t.badge.unknownProject, null));
      return;
    }
    const { row, current } = found;
    if (!current) {
      // A README still showing the old name's badge gets the renamed project's.
      const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
      res.redirect(301, `/badge/${encodeURIComponent(row.owner)}/${encodeURIComponent(row.name)}.svg${query}`);
      return;
    }
    const result = maturity.read(row.id);
    const level = result?.level ?? null;
    // A level that rests on an exemption says so on the badge too.
    const exempted = result ? exemptedRequirements(result).length > 0 : false;
    const svg = renderBadge(t.badge.label, levelWithExemption(t, levelLabel(t, level), exempted), level);
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
