import express, { type Router } from 'express';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import type { PortalContext } from '../portal-context.ts';
import { cachedPage, renderPage } from '../render-page.ts';
import { projectHref } from './project-href.ts';
import { projectModel } from './project-model.ts';

/** `GET /projects/:owner/:repo`: facts, level, signals with evidence and trends, gaps, exemptions. */
export function createProjectRoute(ctx: PortalContext): Router {
  const router = express.Router();
  router.get('/projects/:owner/:repo', (req, res) => {
    const i18n = i18nOf(res);
    // The page reads facts, releases, contributors, maturity, history and exemptions: any write may change it.
    const version = ctx.dataVersion();
    if (ctx.pages.send(res, cachedPage(req, i18n.lang, 'project', version))) return;
    const { row, current } = ctx.projects.resolve(`${req.params.owner}/${req.params.repo}`);
    if (!current) {
      res.redirect(301, projectHref(row.owner, row.name));
      return;
    }
    const domain = row.domain ? ctx.snapshot.get().domains.get(row.domain) : undefined;
    const exemptions = ctx.maturity.activeExemptions(row.id);
    // An exemption that runs out changes the page without a write: the page is kept until the first one does.
    const expiresAt = Math.min(
      ...exemptions.map((e) => (e.expiresAt ? Date.parse(e.expiresAt) : Number.POSITIVE_INFINITY)),
    );
    const slot = cachedPage(req, i18n.lang, 'project', version, Number.isNaN(expiresAt) ? 0 : expiresAt);
    const model = projectModel({
      project: ctx.projects.describe(row),
      repositoryId: row.id,
      maturity: ctx.maturity.read(row.id),
      access: ctx.maturity,
      exemptions,
      domainName: domain ? (i18n.lang === 'en' ? domain.en : domain.zh) : (row.domain ?? ''),
      githubUrl: ctx.config.githubUrl,
      baseUrl: ctx.config.baseUrl,
      i18n,
    });
    renderPage(ctx, req, res, 'project', { title: row.full_name, nav: 'projects' }, model, slot);
  });
  return router;
}
