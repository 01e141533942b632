import express, { type Request, type Router } from 'express';
import { renderMessage } from '../../../content/i18n/render-message.ts';
import { storedMessage } from '../../../kernel/i18n/message.ts';
import { auditContext, requireAction, type TargetOf } from '../../auth/require-action.ts';
import { projectHref } from '../project/project-href.ts';
import { formField, redirectDone, renderConsole, when, type ConsoleDeps } from './console.ts';

/**
 * `/admin/projects`: member projects (add with clone URL and domain, remove, trigger a sync or an evaluation).
 * Sync and evaluation are also open to the project's maintainers (their `/account` posts here).
 */
export function createProjectsConsole(deps: ConsoleDeps): Router {
  const { services, ctx } = deps;
  const router = express.Router();
  const row = (req: Request) => services.projects.member(`${String(req.params.owner)}/${String(req.params.repo)}`);
  const target: TargetOf = (req) => ({ repositoryId: row(req).id });

  router.get('/admin/projects', requireAction(services, 'projects.manage'), (req, res) => {
    renderConsole(deps, req, res, 'projects', ({ lang }) => ({
      domains: ctx.store.domains.list().map((d) => d.slug),
      projects: services.projects.members().map((p) => {
        const base = `/admin/projects/${encodeURIComponent(p.owner)}/${encodeURIComponent(p.name)}`;
        const error = storedMessage(p.last_fetch_error);
        return {
          fullName: p.full_name,
          href: projectHref(p.owner, p.name),
          domain: p.domain ?? '',
          commits: p.commit_count ?? 0,
          fetched: when(p.last_fetch_at),
          error: error ? renderMessage(error, lang) : null,
          sync: `${base}/sync`,
          evaluate: `${base}/evaluate`,
          remove: `${base}/remove`,
        };
      }),
    }));
  });

  router.post('/admin/projects', requireAction(services, 'projects.manage'), async (req, res) => {
    const cloneUrl = formField(req, 'cloneUrl');
    const domain = formField(req, 'domain');
    await services.admin.addProject(
      { fullName: formField(req, 'fullName'), cloneUrl: cloneUrl || undefined, domain: domain || undefined },
      auditContext(req),
    );
    redirectDone(req, res, '/admin/projects', 'project-added');
  });

  router.post('/admin/projects/:owner/:repo/remove', requireAction(services, 'projects.manage'), (req, res) => {
    services.admin.removeProject(row(req).full_name, auditContext(req));
    redirectDone(req, res, '/admin/projects', 'project-removed');
  });

  router.post('/admin/projects/:owner/:repo/sync', requireAction(services, 'projects.refresh', target), (req, res) => {
    services.admin.syncProject(row(req), auditContext(req));
    redirectDone(req, res, '/admin/projects', 'sync-queued');
  });

  router.post(
    '/admin/projects/:owner/:repo/evaluate',
    requireAction(services, 'projects.refresh', target),
    (req, res) => {
      services.admin.evaluateProject(row(req), auditContext(req));
      redirectDone(req, res, '/admin/projects', 'evaluation-queued');
    },
  );
  return router;
}
