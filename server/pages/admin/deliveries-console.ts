import express, { type Router } from 'express';
import { STATUSES } from '../../../sync/webhooks/deliveries-service.ts';
import { auditContext, requireAction } from '../../auth/require-action.ts';
import { urlWith, searchParamsOf } from '../layout/url-with.ts';
import { redirectDone, renderConsole, when, type ConsoleDeps } from './console.ts';

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * `/admin/deliveries?status=&event=`: webhook deliveries, newest first, with their error; a failed or dead one can
 * be processed again from its stored payload (redeliver).
 */
export function createDeliveriesConsole(deps: ConsoleDeps): Router {
  const { services } = deps;
  const router = express.Router();

  router.get('/admin/deliveries', requireAction(services, 'deliveries.read'), (req, res) => {
    const status = text(req.query.status);
    const event = text(req.query.event);
    const deliveries = services.deliveries.list(200, { status: status || undefined, event: event || undefined });
    renderConsole(deps, req, res, 'deliveries', () => ({
      status,
      event,
      statuses: STATUSES,
      here: urlWith('/admin/deliveries', searchParamsOf(req.originalUrl), { done: undefined }),
      deliveries: deliveries.map((d) => ({
        id: d.id,
        event: d.action ? `${d.event}.${d.action}` : d.event,
        status: d.status,
        attempts: d.attempts,
        error: d.lastError ?? d.note ?? '',
        receivedAt: when(d.receivedAt),
        redeliver:
          d.status === 'failed' || d.status === 'dead'
            ? `/admin/deliveries/${encodeURIComponent(d.id)}/redeliver`
            : null,
      })),
    }));
  });

  router.post('/admin/deliveries/:id/redeliver', requireAction(services, 'deliveries.redeliver'), (req, res) => {
    services.admin.redeliver(String(req.params.id), auditContext(req));
    redirectDone(req, res, '/admin/deliveries', 'redelivered');
  });
  return router;
}
