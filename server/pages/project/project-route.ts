import express, { type Router } from 'express';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import type { PortalContext } from '../portal-context.ts';
import { cachedPage, renderPage } from '../render-page.ts';
import { projectHref } from './project-href.ts';
import { projectModel } from './project-model.ts';
import { domainLabel } from '../catalogue/domain-label.ts';

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
    const now = ctx.clock.now();
    const seconds = Math.floor(now / 1000);
    const model = projectModel({
      project: ctx.projects.describe(row),
      maturity: ctx.maturity.read(row.id),
      history: (signal) => ctx.maturity.history(row.id, signal),
      sectionTitle: (section) => ctx.maturity.sectionTitle(section, i18n.lang),
      exemptions,
      domainName: domainLabel(row.domain ?? '', i18n.lang, domain),
      githubUrl: ctx.config.githubUrl,
      baseUrl: ctx.config.baseUrl,
      tags: ctx.store.gitRefs
        .list(row.id)
        .filter((r) => r.kind === 'tag')
        .map((r) => ({ name: r.name.replace(/^refs\/tags\//, ''), taggedAt: r.taggedAt })),
      monthly: ctx.store.commits.monthly(row.id, seconds - 2 * 366 * 86_400),
      shares: ctx.store.commits.authorShares(row.id, seconds - 365 * 86_400),
      firstEvaluatedAt: ctx.store.maturity.levelChanges.history(row.id)[0]?.changed_at ?? null,
      now,
      i18n,
      proposals: ctx.proposals?.list({ project: row.full_name }) ?? [],
    });
    renderPage(ctx, req, res, 'project', { title: row.full_name, nav: 'projects' }, model, slot);
  });
  return router;
}
