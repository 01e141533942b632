import express, { type Request, type Response, type Router } from 'express';
import { isDomainError } from '../../../kernel/errors/domain-error.ts';
import { can } from '../../../sync/accounts/authorize.ts';
import { ModelError } from '../../../sync/maturity/model/model-error.ts';
import { actorOf, auditContext, requireAction } from '../../auth/require-action.ts';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import { formField, redirectDone, renderConsole, when, type ConsoleDeps } from './console.ts';

/** The upload form holds at most this much YAML (the API's limit too). */
const MAX_MODEL_BYTES = 1024 * 1024;

/**
 * `/admin/model`: the maturity model in force, the history of versions, and (administrators) an upload of a new
 * version; a model that does not validate is shown again with every problem listed, and nothing changes.
 */
export function createModelConsole(deps: ConsoleDeps): Router {
  const { services } = deps;
  const router = express.Router();
  const show = (req: Request, res: Response, upload: { source: string; problems: string[] } | null): void => {
    const models = services.maturity.models();
    renderConsole(deps, req, res, 'model', () => ({
      replace: can(actorOf(req), 'model.replace').allowed,
      version: models.version,
      digest: models.digest?.slice(0, 12) ?? null,
      versions: models.versions.map((v) => ({
        version: v.version,
        digest: v.digest.slice(0, 12),
        active: v.active,
        createdAt: when(v.createdAt),
        createdBy: v.createdBy ?? '',
      })),
      source: services.maturity.modelSource(),
      upload,
    }));
  };

  router.get('/admin/model', requireAction(services, 'console.view'), (req, res) => show(req, res, null));

  router.post('/admin/model', requireAction(services, 'model.replace'), (req, res) => {
    const { t } = i18nOf(res);
    const source = formField(req, 'source');
    const problems =
      source === '' ? [t.admin.modelEmpty] : Buffer.byteLength(source) > MAX_MODEL_BYTES ? [t.admin.modelTooLarge] : [];
    if (problems.length === 0) {
      try {
        services.admin.installModel(source, auditContext(req));
        redirectDone(req, res, '/admin/model', 'model-installed');
        return;
      } catch (error) {
        if (error instanceof ModelError) problems.push(...error.problems);
        else if (isDomainError(error, 'invalid')) problems.push(error.message);
        else throw error;
      }
    }
    res.status(400);
    show(req, res, { source, problems });
  });
  return router;
}
