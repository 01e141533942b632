import express, { type Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { Services } from '../../sync/create-services.ts';
import { actorOf, requireAction } from '../auth/require-action.ts';

const readBody = z.union([
  z.object({ all: z.literal(true) }).strict(),
  z.object({ ids: z.array(z.number().int().positive()).min(1).max(1000) }).strict(),
]);

/**
 * `GET /api/me/inbox` (`{ items, unread }`: unread first, each with its English texts, codes and parameters) and
 * `POST /api/me/inbox/read` with `{ "ids": [1, 2] }` or `{ "all": true }` (`{ marked, unread }`); by session or token.
 */
export function createInboxApiRoute(services: Pick<Services, 'notifications' | 'accounts' | 'signIn'>): Router {
  const router = express.Router();
  router.get('/api/me/inbox', requireAction(services, 'inbox.use'), (req, res) => {
    const { items, unread } = services.notifications.inbox(actorOf(req).userId);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ items: items.map(({ what: _what, asked: _asked, ...json }) => json), unread });
  });
  router.post('/api/me/inbox/read', requireAction(services, 'inbox.use'), express.json(), (req, res) => {
    const parsed = readBody.safeParse(req.body ?? {});
    if (!parsed.success)
      throw new DomainError(
        'invalid',
        'bad_inbox_request',
        'send {"ids": [1, 2]} to mark those notifications read, or {"all": true} for all',
      );
    res.json(services.notifications.markRead(actorOf(req).userId, parsed.data));
  });
  return router;
}
