import express, { type Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { Services } from '../../sync/create-services.ts';
import { actorOf, auditContext, requireAction } from '../auth/require-action.ts';

const tokenBody = z.object({
  scopes: z.union([z.string(), z.array(z.string())]).optional(),
  expires: z.string().optional(),
  label: z.string().optional(),
});

/**
 * `GET /api/me` (who this credential acts as), `GET /api/me/tokens`, `POST /api/me/tokens` (signed in on the
 * portal only: a token cannot mint tokens; the new token is in this answer and never again) and
 * `DELETE /api/me/tokens/:id`.
 */
export function createMeRoute(services: Pick<Services, 'accounts' | 'tokens' | 'signIn'>): Router {
  const { accounts, tokens } = services;
  const router = express.Router();
  router.get('/api/me', requireAction(services, 'account.read'), (req, res) => {
    res.json(accounts.me(actorOf(req)));
  });
  router.get('/api/me/tokens', requireAction(services, 'account.read'), (req, res) => {
    res.json({ tokens: tokens.list(actorOf(req).userId) });
  });
  router.post('/api/me/tokens', requireAction(services, 'token.create'), express.json(), (req, res) => {
    const parsed = tokenBody.safeParse(req.body ?? {});
    if (!parsed.success)
      throw new DomainError(
        'invalid',
        'bad_token_request',
        'send {"scopes": "read,proposals", "expires": "30d", "label": "…"}',
      );
    const created = tokens.create(actorOf(req).login, parsed.data, auditContext(req));
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json({ token: created.token, ...created.info });
  });
  router.delete('/api/me/tokens/:id', requireAction(services, 'token.revoke'), (req, res) => {
    const id = Number(req.params.id);
    if (!Number.isInteger(id)) throw new DomainError('invalid', 'bad_token_id', 'the token id is a whole number');
    res.json(tokens.revoke(actorOf(req).userId, id, auditContext(req)));
  });
  return router;
}
