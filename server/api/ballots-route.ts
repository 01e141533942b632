import express, { type Router } from 'express';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { Services } from '../../sync/create-services.ts';
import { proposalActorOf } from '../auth/proposal-actor.ts';
import { requireAction } from '../auth/require-action.ts';

type Deps = Pick<Services, 'ballots' | 'accounts' | 'signIn'>;

const json = express.json({ limit: '64kb' });
const bodyOf = (body: unknown): Record<string, unknown> =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};

/**
 * The ballots API: `POST /api/proposals/:number/ballots` `{ voters, closesAt? }` (201, the secretariat),
 * `GET /api/proposals/:number/ballots/current` (public: positions, tally, open blocks; 404 before the first),
 * `PUT /api/proposals/:number/ballots/current/position` `{ position, reason, clauseIds }` (the ballot's voters) and
 * `POST /api/proposals/:number/ballots/current/close` (the secretariat).
 */
export function createBallotsRoute(services: Deps): Router {
  const { ballots } = services;
  const router = express.Router();
  const number = (params: Record<string, unknown>) => String(params['number']);

  router.post('/api/proposals/:number/ballots', requireAction(services, 'ballots.manage'), json, (req, res) => {
    const body = bodyOf(req.body);
    const opened = ballots.open(
      number(req.params),
      { voters: body['voters'], closesAt: body['closesAt'] },
      proposalActorOf(services, req)!,
    );
    res.status(201).location(`/api/proposals/${opened.number}/ballots/current`).json(opened);
  });

  router.get('/api/proposals/:number/ballots/current', (req, res) => {
    const { ballot, number: proposal } = ballots.current(number(req.params));
    if (ballot === null)
      throw new DomainError(
        'not-found',
        'ballot_not_found',
        `no ballot has been opened on ${proposal}: the secretariat opens one in technical review`,
        { number: proposal },
      );
    res.setHeader('Cache-Control', 'no-cache');
    res.json(ballot);
  });

  router.put(
    '/api/proposals/:number/ballots/current/position',
    requireAction(services, 'ballots.vote'),
    json,
    (req, res) => {
      const body = bodyOf(req.body);
      res.json(
        ballots.cast(
          number(req.params),
          { position: body['position'], reason: body['reason'], clauseIds: body['clauseIds'] },
          proposalActorOf(services, req)!,
        ),
      );
    },
  );

  router.post('/api/proposals/:number/ballots/current/close', requireAction(services, 'ballots.manage'), (req, res) => {
    res.json(ballots.close(number(req.params), proposalActorOf(services, req)!));
  });
  return router;
}
