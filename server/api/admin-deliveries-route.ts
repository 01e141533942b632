import express, { type Router } from 'express';
import type { Services } from '../../sync/create-services.ts';
import { auditContext, requireAction } from '../auth/require-action.ts';

/**
 * `GET /api/admin/deliveries?limit=N&status=&event=`: webhook deliveries, newest first; `POST
 * /api/admin/deliveries/:id/redeliver` processes a failed or dead one again from its stored payload.
 */
export function createAdminDeliveriesRoute(
  services: Pick<Services, 'accounts' | 'deliveries' | 'admin' | 'signIn'>,
): Router {
  const router = express.Router();
  router.get('/api/admin/deliveries', requireAction(services, 'deliveries.read'), (req, res) => {
    const limit = req.query.limit === undefined ? undefined : Number(req.query.limit);
    const status = typeof req.query.status === 'string' && req.query.status !== '' ? req.query.status : undefined;
    const event = typeof req.query.event === 'string' && req.query.event !== '' ? req.query.event : undefined;
    res.json({ deliveries: services.deliveries.list(limit, { status, event }) });
  });
  router.post('/api/admin/deliveries/:id/redeliver', requireAction(services, 'deliveries.redeliver'), (req, res) => {
    res.status(202).json(services.admin.redeliver(String(req.params.id), auditContext(req)));
  });
  return router;
}
