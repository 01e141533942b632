import express, { type Router } from 'express';
import { requireAction } from '../../auth/require-action.ts';
import { urlWith, searchParamsOf } from '../layout/url-with.ts';
import { renderConsole, when, type ConsoleDeps } from './console.ts';

const PAGE = 100;
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** `/admin/audit?action=&actor=&before=`: the audit log, newest first, a hundred entries a page. */
export function createAuditConsole(deps: ConsoleDeps): Router {
  const { services } = deps;
  const router = express.Router();
  router.get('/admin/audit', requireAction(services, 'audit.read'), (req, res) => {
    const before = text(req.query.before);
    const filter = { action: text(req.query.action), actor: text(req.query.actor) };
    const entries = services.audit.list({
      limit: PAGE,
      beforeId: before === undefined ? undefined : Number(before),
      ...filter,
    });
    const query = searchParamsOf(req.originalUrl);
    renderConsole(deps, req, res, 'audit', () => ({
      action: filter.action ?? '',
      actor: filter.actor ?? '',
      entries: entries.map((e) => ({
        at: when(e.at),
        actor: e.actor,
        action: e.action,
        target: e.target,
        detail: e.detail ? JSON.stringify(e.detail) : '',
        requestId: e.requestId ?? '',
        via: e.via,
      })),
      older:
        entries.length === PAGE
          ? urlWith('/admin/audit', query, { before: String(entries[entries.length - 1]!.id) })
          : null,
    }));
  });
  return router;
}
