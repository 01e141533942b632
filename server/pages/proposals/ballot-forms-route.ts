import express, { type Request, type Response, type Router } from 'express';
import { isDomainError } from '../../../kernel/errors/domain-error.ts';
import type { Services } from '../../../sync/create-services.ts';
import type { Csrf } from '../../auth/csrf.ts';
import { proposalActorOf } from '../../auth/proposal-actor.ts';
import { requireAction } from '../../auth/require-action.ts';
import { HTTP_STATUS } from '../../errors/http-status.ts';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import { errorLead } from '../errors/error-lead.ts';
import { renderPage, type PageContext } from '../render-page.ts';
import { ballotModel, type BallotFormInput } from './ballot-model.ts';

export interface BallotFormDeps {
  ctx: PageContext;
  services: Pick<Services, 'ballots' | 'accounts' | 'signIn'>;
  csrf: Csrf;
}

const field = (req: Request, name: string): string => {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};

/**
 * The ballot's forms on the proposal page (no script needed): `POST /proposals/:number/ballot` (open, the
 * secretariat), `.../ballot/position` (a voter) and `.../ballot/close` (the secretariat). Each calls the ballots
 * service as the API does and goes back to `/proposals/:number#ballot` (303); a refusal shows a page of its own
 * with the reason in the reader's language and the ballot's forms again, keeping what the person typed.
 */
export function createBallotForms(deps: BallotFormDeps): Router {
  const { services } = deps;
  const router = express.Router();
  const manage = requireAction(services, 'ballots.manage');
  const vote = requireAction(services, 'ballots.vote');

  const attempt = (req: Request, res: Response, input: BallotFormInput, act: (number: string) => void) => {
    const number = String(req.params['number']);
    try {
      act(number);
      res.redirect(303, `/proposals/${encodeURIComponent(number.toUpperCase())}#ballot`);
    } catch (error) {
      if (!isDomainError(error) || error.kind === 'unauthenticated' || error.code === 'proposal_not_found') throw error;
      const i18n = i18nOf(res);
      const lead = errorLead({ status: 0, code: error.code, message: error.message, params: error.params }, i18n.lang);
      const state = services.ballots.current(number);
      const asker = proposalActorOf(services, req);
      res.status(HTTP_STATUS[error.kind]).setHeader('Cache-Control', 'no-store');
      renderPage(
        deps.ctx,
        req,
        res,
        'ballot-refused',
        { title: i18n.t.ballot.refusedTitle, nav: 'process' },
        {
          number: state.number,
          back: `/proposals/${state.number}#ballot`,
          lead,
          ballot: ballotModel(state, asker, i18n.t, i18n.lang, deps.csrf.token(req), input),
        },
      );
    }
  };

  router.post('/proposals/:number/ballot', manage, (req, res) => {
    const input = { voters: field(req, 'voters'), closesAt: field(req, 'closesAt') };
    attempt(req, res, input, (number) =>
      services.ballots.open(
        number,
        { voters: input.voters, closesAt: input.closesAt },
        proposalActorOf(services, req)!,
      ),
    );
  });

  router.post('/proposals/:number/ballot/position', vote, (req, res) => {
    const input = {
      position: field(req, 'position'),
      reason: field(req, 'reason'),
      clauseIds: field(req, 'clauseIds'),
    };
    attempt(req, res, input, (number) =>
      services.ballots.cast(
        number,
        { position: input.position, reason: input.reason, clauseIds: input.clauseIds },
        proposalActorOf(services, req)!,
      ),
    );
  });

  router.post('/proposals/:number/ballot/close', manage, (req, res) => {
    attempt(req, res, {}, (number) => services.ballots.close(number, proposalActorOf(services, req)!));
  });
  return router;
}
