import express, { type Request, type Router } from 'express';
import { proposalActorOf } from '../../auth/proposal-actor.ts';
import { requireAction } from '../../auth/require-action.ts';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import { renderPage } from '../render-page.ts';
import { formProblem } from './form-problem.ts';
import { proposalFormModel, type ProposalFormValues } from './proposal-form-model.ts';
import { showProposal, type ProposalPageDeps } from './show-proposal.ts';

const field = (req: Request, name: string): string => {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};
const fields = (req: Request, name: string): string[] => {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
};
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The form's text fields as typed. */
function formValues(req: Request): ProposalFormValues {
  const sources: Record<string, string> = {};
  for (const path of fields(req, 'source')) sources[path] = field(req, `role:${path}`) || 'clauses';
  return {
    titleZh: field(req, 'titleZh'),
    titleEn: field(req, 'titleEn'),
    scope: field(req, 'scope'),
    rationale: field(req, 'rationale'),
    proposingUnit: field(req, 'proposingUnit'),
    draftingUnits: field(req, 'draftingUnits'),
    drafters: field(req, 'drafters'),
    implementations: field(req, 'implementations'),
    iprStatement: field(req, 'iprStatement'),
    sources,
  };
}

/** The API's body from the form: one unit, drafter or implementation per line (`Name https://…`). */
function requestOf(req: Request, values: ProposalFormValues) {
  return {
    project: field(req, 'project'),
    title: { zh: values.titleZh, en: values.titleEn },
    type: 'association',
    ref: field(req, 'ref'),
    sources: Object.entries(values.sources).map(([path, role]) => ({ path, role })),
    scope: values.scope,
    rationale: values.rationale,
    proposingUnit: values.proposingUnit,
    draftingUnits: lines(values.draftingUnits),
    drafters: lines(values.drafters),
    implementations: lines(values.implementations).map((line) => {
      const url = line.match(/\s(https?:\/\/\S+)$/)?.[1];
      return url ? { name: line.slice(0, -url.length).trim(), url } : { name: line };
    }),
    ...(values.iprStatement.trim() ? { iprStatement: values.iprStatement } : {}),
  };
}

/**
 * The proposal pages' forms: `POST /proposals` (propose), `POST /proposals/:number/actions` (take a step) and
 * `POST /proposals/:number/revisions` (ask for a revision). Each calls the same service as the API; a refusal
 * shows the page again with every missing item and keeps what the person typed.
 */
export function createProposalForms(deps: ProposalPageDeps): Router {
  const { services } = deps;
  const router = express.Router();
  const write = requireAction(services, 'proposals.write');

  router.post('/proposals', write, async (req, res) => {
    const i18n = i18nOf(res);
    const asker = proposalActorOf(services, req)!;
    const values = formValues(req);
    try {
      const created = await services.proposals.create(requestOf(req, values), asker);
      res.redirect(303, `/proposals/${created.number}?done=created`);
    } catch (error) {
      const { status, problem } = formProblem(error, i18n.lang);
      const model = await proposalFormModel(services.proposals, i18n.t, {
        csrfToken: deps.csrf.token(req),
        maintains: asker.maintainerOf,
        project: field(req, 'project'),
        ref: field(req, 'ref'),
        values,
        problem,
      });
      res.status(status).setHeader('Cache-Control', 'no-store');
      renderPage(deps.ctx, req, res, 'proposal-new', { title: i18n.t.proposals.newTitle, nav: 'process' }, model);
    }
  });

  router.post('/proposals/:number/actions', write, (req, res) => {
    const number = String(req.params['number']);
    const request = { action: field(req, 'action'), comment: field(req, 'comment'), decision: field(req, 'decision') };
    try {
      const after = services.proposals.act(number, request, proposalActorOf(services, req)!);
      res.redirect(303, `/proposals/${after.number}?done=acted`);
    } catch (error) {
      const { status, problem } = formProblem(error, i18nOf(res).lang);
      res.status(status);
      showProposal(deps, req, res, number, { problem, ...request });
    }
  });

  router.post('/proposals/:number/revisions', write, async (req, res) => {
    const number = String(req.params['number']);
    const request = { ref: field(req, 'ref'), reason: field(req, 'reason') };
    try {
      await services.proposals.revise(number, request, proposalActorOf(services, req)!);
      res.redirect(303, `/proposals/${number.toUpperCase()}?done=revising`);
    } catch (error) {
      const { status, problem } = formProblem(error, i18nOf(res).lang);
      res.status(status);
      showProposal(deps, req, res, number, { problem, ...request });
    }
  });
  return router;
}
