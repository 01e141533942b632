import express, { type Router } from 'express';
import type { Services } from '../../sync/create-services.ts';
import { requireAction } from '../auth/require-action.ts';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const whole = (value: unknown): number | undefined => (value === undefined ? undefined : Number(value));

/** `GET /api/admin/audit?limit=&before=&action=&actor=&target=`: the audit log, newest first. */
export function createAdminAuditRoute(services: Pick<Services, 'audit' | 'accounts' | 'signIn'>): Router {
  const router = express.Router();
  router.get('/api/admin/audit', requireAction(services, 'audit.read'), (req, res) => {
    const entries = services.audit.list({
      limit: whole(req.query.limit),
      beforeId: whole(req.query.before),
      action: text(req.query.action),
      actor: text(req.query.actor),
      target: text(req.query.target),
    });
    res.json({ entries, next: entries.length > 0 ? entries[entries.length - 1]!.id : null });
  });
  return router;
}
