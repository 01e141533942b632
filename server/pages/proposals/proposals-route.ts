import express, { type Request, type Router } from 'express';
import { DomainError } from '../../../kernel/errors/domain-error.ts';
import { proposalActorOf } from '../../auth/proposal-actor.ts';
import { requireAction } from '../../auth/require-action.ts';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import { domainLabel } from '../catalogue/domain-label.ts';
import { cachedPage, renderPage } from '../render-page.ts';
import { proposalFormModel } from './proposal-form-model.ts';
import { proposalListModel } from './proposal-model.ts';
import { showProposal, type ProposalPageDeps } from './show-proposal.ts';

type Deps = ProposalPageDeps;

const query = (req: Request, name: string): string => {
  const value = req.query[name];
  return typeof value === 'string' ? value.trim() : '';
};

/**
 * `GET /proposals` (filters `stage`, `project`, `domain`, `mine=1`), `GET /proposals/new` (the form a maintainer
 * proposes a specification with) and `GET /proposals/:number` (the proposal, with a form for each step the
 * asker may take now).
 */
export function createProposalPages(deps: Deps): Router {
  const { ctx, services } = deps;
  const router = express.Router();

  router.get('/proposals', (req, res) => {
    const i18n = i18nOf(res);
    const version = ctx.dataVersion();
    if (ctx.pages.send(res, cachedPage(req, i18n.lang, 'proposals', version))) return;
    const asker = proposalActorOf(services, req);
    const chosen = { stage: query(req, 'stage'), project: query(req, 'project'), domain: query(req, 'domain') };
    const mine = query(req, 'mine') === '1';
    if (mine && asker === null)
      throw new DomainError('unauthenticated', 'sign_in_required', 'sign in to see the proposals waiting for you');
    const all = services.proposals.list();
    const list = services.proposals.list({
      ...(chosen.stage ? { stage: chosen.stage } : {}),
      ...(chosen.project ? { project: chosen.project } : {}),
      ...(chosen.domain ? { domain: chosen.domain } : {}),
      ...(mine && asker ? { holder: asker } : {}),
    });
    const lang = i18n.lang;
    const names = new Map(ctx.store.domains.list().map((d) => [d.slug, { en: d.name_en, zh: d.name_zh }]));
    const domains = [...new Set(all.map((p) => p.domain).filter((d): d is string => d !== null))].sort();
    if (asker) res.setHeader('Cache-Control', 'no-store');
    renderPage(
      ctx,
      req,
      res,
      'proposals',
      { title: i18n.t.proposals.title, nav: 'process' },
      proposalListModel(list, lang, {
        ...chosen,
        mine,
        signedIn: asker !== null,
        mayPropose: asker !== null && asker.maintainerOf.length > 0,
        stages: services.proposals
          .workflow()
          .workflow.stages.map((s) => ({ id: s.id, name: lang === 'en' ? s.name.en : s.name.zh })),
        projects: [...new Set(all.map((p) => p.project))].sort(),
        domains: domains.map((id) => ({ id, name: domainLabel(id, lang, names.get(id)) })),
      }),
      cachedPage(req, lang, 'proposals', version),
    );
  });

  router.get('/proposals/new', requireAction(services, 'proposals.write'), async (req, res) => {
    const i18n = i18nOf(res);
    const asker = proposalActorOf(services, req)!;
    const project = query(req, 'project') || (asker.maintainerOf.length === 1 ? asker.maintainerOf[0]! : '');
    const model = await proposalFormModel(services.proposals, i18n.t, {
      csrfToken: deps.csrf.token(req),
      maintains: asker.maintainerOf,
      project,
      ref: query(req, 'ref'),
    });
    res.setHeader('Cache-Control', 'no-store');
    renderPage(ctx, req, res, 'proposal-new', { title: i18n.t.proposals.newTitle, nav: 'process' }, model);
  });

  router.get('/proposals/:number', (req, res) => {
    showProposal(deps, req, res, String(req.params['number']), { done: query(req, 'done') || undefined });
  });
  return router;
}
