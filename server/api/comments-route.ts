import { docxContentType } from '../../content/publish/docx/docx-content-type.ts';
import { resolutionTableDocx } from '../../sync/review/comments/resolution-table-docx.ts';
import express, { type Request, type Router } from 'express';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { Services } from '../../sync/create-services.ts';
import {
  formatResolution,
  RESOLUTION_FORMATS,
  type ResolutionFormat,
} from '../../sync/review/comments/format-resolution.ts';
import { proposalActorOf } from '../auth/proposal-actor.ts';
import { requireAction } from '../auth/require-action.ts';

type Deps = Pick<Services, 'comments' | 'accounts' | 'signIn'>;

const json = express.json({ limit: '128kb' });
const bodyOf = (body: unknown): Record<string, unknown> =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};

/** `?rev=01` (or `-01`, `1`) → 1; absent → null (the latest ready revision). */
export function revQuery(req: Request): number | null {
  const value = req.query['rev'];
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string' || !/^-?\d{1,4}$/.test(value))
    throw new DomainError('invalid', 'comment_bad_rev', `"${String(value)}" is not a revision: give it as 00, 01 …`, {
      value: String(value),
    });
  return Number(value.replace(/^-/, ''));
}

/**
 * The comments API: `GET /api/proposals/:number/comments?rev=` (public: every comment placed in that revision),
 * `POST /api/proposals/:number/comments` `{ rev, clauseId, kind, text, proposedChange, organisation?, parentId? }`
 * (201), `POST /api/proposals/:number/comments/:id/disposition` `{ disposition, reason, carriedIn? }` (the editors)
 * and `GET /api/proposals/:number/resolution?format=json|csv|md|html|docx&rev=&lang=zh|en` (public).
 */
export function createCommentsRoute(services: Deps): Router {
  const { comments } = services;
  const router = express.Router();
  const number = (req: Request) => String(req.params['number']);

  router.get('/api/proposals/:number/comments', (req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(comments.list(number(req), revQuery(req), proposalActorOf(services, req)));
  });

  router.post('/api/proposals/:number/comments', requireAction(services, 'comments.write'), json, (req, res) => {
    const made = comments.add(number(req), bodyOf(req.body), proposalActorOf(services, req)!);
    res
      .status(201)
      .location(`/api/proposals/${encodeURIComponent(number(req).toUpperCase())}/comments`)
      .json(made);
  });

  router.post(
    '/api/proposals/:number/comments/:id/disposition',
    requireAction(services, 'comments.dispose'),
    json,
    (req, res) => {
      const id = String(req.params['id']);
      if (!/^\d{1,12}$/.test(id))
        throw new DomainError('not-found', 'comment_not_found', `${number(req)} has no comment ${id}`, {
          number: number(req),
          id,
        });
      res.json(comments.dispose(number(req), Number(id), bodyOf(req.body), proposalActorOf(services, req)!));
    },
  );

  router.get('/api/proposals/:number/resolution', async (req, res) => {
    const format = (req.query['format'] ?? 'json') as string;
    const formats = [...RESOLUTION_FORMATS, 'docx'];
    if (!formats.includes(format))
      throw new DomainError(
        'invalid',
        'resolution_bad_format',
        `"${format}" is not a format of the resolution table: use ${formats.join(', ')}`,
        { format: String(format), formats: formats.join(', ') },
      );
    const lang = req.query['lang'] === 'en' ? 'en' : 'zh';
    const table = comments.resolution(number(req), revQuery(req));
    if (format === 'docx') {
      // A few hundred rows at most: laid out on demand, never stored (the table changes with every disposition).
      const bytes = await resolutionTableDocx({ table, lang });
      res.setHeader('Cache-Control', 'no-cache');
      res.attachment(`${table.number}${table.rev}-resolution.docx`).type(docxContentType).send(bytes);
      return;
    }
    const out = formatResolution(table, format as ResolutionFormat, lang);
    res.setHeader('Cache-Control', 'no-cache');
    if (format !== 'json') res.attachment(out.filename);
    res.type(out.type).send(out.body);
  });
  return router;
}
