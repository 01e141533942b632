import type { Request, Response } from 'express';
import type { Services } from '../../../sync/create-services.ts';
import type { Csrf } from '../../auth/csrf.ts';
import { proposalActorOf } from '../../auth/proposal-actor.ts';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import type { PortalContext } from '../portal-context.ts';
import { cachedPage, renderPage } from '../render-page.ts';
import { ballotModel } from './ballot-model.ts';
import { driftModel } from './drift-model.ts';
import { proposalModel, type ProposalFormState } from './proposal-model.ts';

export interface ProposalPageDeps {
  ctx: PortalContext;
  services: Pick<Services, 'proposals' | 'ballots' | 'drift' | 'accounts' | 'signIn'>;
  csrf: Csrf;
}

/** What a refused form brings back to the page (the problem, what the person had typed) or a done notice. */
export type ProposalPageExtra = Omit<ProposalFormState, 'csrfToken'>;

/**
 * Renders one proposal's page for this asker. A visitor's page (no form, no notice) is kept in the page cache
 * until anything is written or a period or review date it shows runs out; a signed-in person's never is.
 */
export function showProposal(
  deps: ProposalPageDeps,
  req: Request,
  res: Response,
  number: string,
  extra: ProposalPageExtra = {},
): void {
  const i18n = i18nOf(res);
  const { proposals } = deps.services;
  const plain = Object.keys(extra).every((k) => extra[k as keyof ProposalPageExtra] === undefined);
  const version = deps.ctx.dataVersion();
  if (plain && deps.ctx.pages.send(res, cachedPage(req, i18n.lang, 'proposal', version))) return;
  const asker = proposalActorOf(deps.services, req);
  const shown = proposals.get(number, asker);
  const flow = proposals.workflow().workflow;
  const csrfToken = deps.csrf.token(req);
  const ballot = deps.services.ballots.current(shown.number);
  const model = {
    ...proposalModel(shown, flow, i18n.t, i18n.lang, { csrfToken, ...extra }),
    ballot: ballotModel(ballot, asker, i18n.t, i18n.lang, csrfToken),
    drift: driftModel(deps.services.drift.stored(shown.number), i18n.t, shown.revise.allowed && shown.revise.now),
  };
  // What the guards say changes without a write when a period ends, a ballot's date passes or a review falls due.
  const openBallot = ballot.ballot?.status === 'open' ? ballot.ballot.closesAt : undefined;
  const turns = [shown.period?.endsAt, shown.reviewDueAt, openBallot]
    .map((at) => (at ? Date.parse(at) : Number.NaN))
    .filter((at) => at > deps.ctx.clock.now());
  const slot = plain
    ? cachedPage(req, i18n.lang, 'proposal', version, turns.length ? Math.min(...turns) : undefined)
    : undefined;
  if (!slot) res.setHeader('Cache-Control', 'no-store');
  renderPage(deps.ctx, req, res, 'proposal', { title: `${shown.number} ${model.title}`, nav: 'process' }, model, slot);
}
