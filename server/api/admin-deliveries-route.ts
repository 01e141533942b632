import express, { type Router } from 'express';
import type { Services } from '../../sync/create-services.ts';
import { requireToken } from '../auth/require-token.ts';

/** `GET /api/admin/deliveries?limit=N`: webhook deliveries, newest first (admin token). */
export function createAdminDeliveriesRoute(services: Pick<Services, 'accounts' | 'deliveries'>): Router {
  const router = express.Router();
  router.get('/api/admin/deliveries', requireToken(services.accounts, 'admin'), (req, res) => {
    const limit = req.query.limit === undefined ? undefined : Number(req.query.limit);
    res.json({ deliveries: services.deliveries.list(limit) });
  });
  return router;
}
