import express, { type Router } from 'express';
import type { Store } from '../../db/store.ts';
import { requireToken } from '../auth/require-token.ts';
import type { Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';

/** `GET /api/admin/deliveries?limit=N`: webhook deliveries, newest first (admin token). */
export function createAdminDeliveriesRoute(store: Store, clock: Clock): Router {
  const router = express.Router();
  router.get('/api/admin/deliveries', requireToken(store, clock, 'admin'), (req, res) => {
    const raw = req.query.limit;
    const limit = raw === undefined ? 50 : Number(raw);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw new DomainError('invalid', 'bad_limit', 'limit must be a whole number from 1 to 1000');
    }
    res.json({ deliveries: store.deliveries.list(limit) });
  });
  return router;
}
