import express, { type Router } from 'express';
import { DomainError } from '../../../kernel/errors/domain-error.ts';
import type { Services } from '../../../sync/create-services.ts';
import type { Csrf } from '../../auth/csrf.ts';
import { actorOf, requireAction } from '../../auth/require-action.ts';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import { renderPage, type PageContext } from '../render-page.ts';
import { inboxModel } from './inbox-model.ts';

export interface InboxPageDeps {
  ctx: PageContext;
  services: Pick<Services, 'notifications' | 'accounts' | 'signIn'>;
  csrf: Csrf;
}

/**
 * `/inbox`: the signed-in person's notifications (unread first, what happened and what they are asked to do, a
 * link to the proposal), with `POST /inbox/read` (one, `id`) and `POST /inbox/read-all` forms. Never cached.
 */
export function createInboxPages({ ctx, services, csrf }: InboxPageDeps): Router {
  const router = express.Router();
  router.get('/inbox', requireAction(services, 'inbox.use'), (req, res) => {
    const i18n = i18nOf(res);
    const done = typeof req.query['done'] === 'string' ? req.query['done'] : undefined;
    const model = inboxModel(services.notifications.inbox(actorOf(req).userId), i18n, csrf.token(req), done);
    res.setHeader('Cache-Control', 'no-store');
    renderPage(ctx, req, res, 'inbox', { title: i18n.t.inbox.title }, model);
  });
  router.post('/inbox/read', requireAction(services, 'inbox.use'), (req, res) => {
    const raw = (req.body as Record<string, unknown> | undefined)?.['id'];
    const ids = (Array.isArray(raw) ? raw : [raw]).map((v) => Number(v));
    if (ids.length === 0 || !ids.every((id) => Number.isSafeInteger(id) && id > 0))
      throw new DomainError('invalid', 'bad_inbox_request', 'choose the notification to mark read');
    services.notifications.markRead(actorOf(req).userId, { ids });
    res.redirect(303, '/inbox?done=read');
  });
  router.post('/inbox/read-all', requireAction(services, 'inbox.use'), (req, res) => {
    services.notifications.markRead(actorOf(req).userId, { all: true });
    res.redirect(303, '/inbox?done=all-read');
  });
  return router;
}
