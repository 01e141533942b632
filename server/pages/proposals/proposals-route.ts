import express, { type Request, type Router } from 'express';
import type { Services } from '../../../sync/create-services.ts';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import { renderPage, type PageContext } from '../render-page.ts';
import { proposalListModel, proposalModel } from './proposal-model.ts';
import { proposalActorOf } from '../../auth/proposal-actor.ts';

type Deps = Pick<Services, 'proposals' | 'accounts'>;

/** `GET /proposals` (filter `stage`) and `GET /proposals/:number`: the proposals as people read them. */
export function createProposalPages(ctx: PageContext, services: Deps): Router {
  const router = express.Router();
  router.get('/proposals', (req, res) => {
    const i18n = i18nOf(res);
    const stage = typeof req.query['stage'] === 'string' && req.query['stage'] ? req.query['stage'] : undefined;
    const list = services.proposals.list(stage ? { stage } : {});
    renderPage(
      ctx,
      req,
      res,
      'proposals',
      { title: i18n.t.proposals.title, nav: 'process' },
      proposalListModel(list, i18n.lang),
    );
  });
  router.get('/proposals/:number', (req, res) => {
    const i18n = i18nOf(res);
    const shown = services.proposals.get(String(req.params['number']), proposalActorOf(services, req));
    const stages = services.proposals.workflow().workflow.stages;
    const stageName = (id: string) => {
      const s = stages.find((x) => x.id === id);
      return s ? (i18n.lang === 'en' ? s.name.en : s.name.zh) : id;
    };
    const model = proposalModel(shown, i18n.t, i18n.lang, stageName);
    res.setHeader('Cache-Control', 'no-store');
    renderPage(ctx, req, res, 'proposal', { title: `${shown.number} ${model.title}`, nav: 'process' }, model);
  });
  return router;
}
