import type { Request, Response } from 'express';
import type { Services } from '../../../sync/create-services.ts';
import type { Csrf } from '../../auth/csrf.ts';
import { proposalActorOf } from '../../auth/proposal-actor.ts';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import { renderPage, type PageContext } from '../render-page.ts';
import { proposalModel, type FormProblem } from './proposal-model.ts';

export interface ProposalPageDeps {
  ctx: PageContext;
  services: Pick<Services, 'proposals' | 'accounts' | 'signIn'>;
  csrf: Csrf;
}

/** What a refused form brings back to the page: the problem, and what the person had typed. */
export interface ProposalPageExtra {
  problem?: FormProblem;
  /** The action whose form is re-shown with the person's text. */
  action?: string;
  comment?: string;
  decision?: string;
  ref?: string;
  reason?: string;
  done?: string;
}

/** Renders one proposal's page for this asker (never cached: it shows what this person may do). */
export function showProposal(
  deps: ProposalPageDeps,
  req: Request,
  res: Response,
  number: string,
  extra: ProposalPageExtra = {},
): void {
  const i18n = i18nOf(res);
  const { proposals } = deps.services;
  const shown = proposals.get(number, proposalActorOf(deps.services, req));
  const flow = proposals.workflow().workflow;
  const model = proposalModel(shown, flow, i18n.t, i18n.lang, { csrfToken: deps.csrf.token(req), ...extra });
  res.setHeader('Cache-Control', 'no-store');
  renderPage(deps.ctx, req, res, 'proposal', { title: `${shown.number} ${model.title}`, nav: 'process' }, model);
}
