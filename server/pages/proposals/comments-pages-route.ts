import express, { type Request, type Response, type Router } from 'express';
import { fill } from '../../../content/i18n/messages.ts';
import { isDomainError } from '../../../kernel/errors/domain-error.ts';
import type { Services } from '../../../sync/create-services.ts';
import { resolutionTableHtml } from '../../../sync/review/comments/format-resolution.ts';
import type { Csrf } from '../../auth/csrf.ts';
import { proposalActorOf } from '../../auth/proposal-actor.ts';
import { requireAction } from '../../auth/require-action.ts';
import { HTTP_STATUS } from '../../errors/http-status.ts';
import { revisionParam } from '../../http/revision-param.ts';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import { errorLead } from '../errors/error-lead.ts';
import { renderPage, type PageContext } from '../render-page.ts';
import { commentsPageModel, type CommentFormInput } from './comments-page-model.ts';
import { revPath } from './revision-page-model.ts';

export interface CommentsPagesDeps {
  ctx: PageContext;
  services: Pick<Services, 'comments' | 'proposals' | 'accounts' | 'signIn'>;
  csrf: Csrf;
}

const FIELDS = ['clauseId', 'kind', 'text', 'proposedChange', 'organisation', 'parentId', 'rev'];
const DISPOSITION_FIELDS = ['disposition', 'reason', 'carriedIn'];
const fieldsOf = (req: Request, names: readonly string[]): Record<string, string> => {
  const body = (req.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(names.map((n) => [n, typeof body[n] === 'string' ? (body[n] as string) : '']));
};
const CLAUSE_ID = /^c-[\w-]{1,80}$/;

/**
 * The review's pages (no script needed): `GET /proposals/:number/:rev/comments` (`?clause=<id>` to comment on one
 * clause) with its forms `POST …/comments` (a comment or a reply) and `POST …/comments/:id/disposition` (the
 * editors), each going back to the thread (303) or showing the refusal on the page with the text kept; and
 * `GET /proposals/:number/:rev/resolution`, the comment resolution table (意见汇总处理表) with its downloads.
 */
export function createCommentsPages({ ctx, services, csrf }: CommentsPagesDeps): Router {
  const router = express.Router();
  const { comments } = services;

  const show = (req: Request, res: Response, refused: CommentFormInput | null) => {
    const i18n = i18nOf(res);
    const number = String(req.params['number']);
    const rev = revisionParam(req.params['rev']);
    const actor = proposalActorOf(services, req);
    const view = comments.list(number, rev, actor);
    const proposal = services.proposals.get(number, actor);
    const wanted = typeof req.query['clause'] === 'string' ? req.query['clause'] : '';
    const focused = CLAUSE_ID.test(wanted) ? comments.clause(view.number, view.rev, wanted) : undefined;
    const self = `/proposals/${view.number}/${revPath(view.rev)}/comments`;
    const model = commentsPageModel(
      {
        view,
        proposal,
        headings: comments.headings(view.number, view.rev),
        focus: focused ? { id: wanted, ...focused } : null,
        csrfToken: actor ? csrf.token(req) : null,
        signInHref: actor
          ? null
          : `/signin?next=${encodeURIComponent(req.originalUrl.startsWith(self) ? req.originalUrl : self)}`,
        saved: req.query['saved'] === '1',
        refused,
      },
      i18n.t,
      i18n.lang,
    );
    res.setHeader('Cache-Control', 'no-store');
    renderPage(ctx, req, res, 'proposal-comments', { title: `${model.heading} ${model.title}`, nav: 'process' }, model);
  };

  /** Runs a form's write; a refusal comes back as the page with the reason beside the form and the text kept. */
  const attempt = (req: Request, res: Response, form: string, fields: Record<string, string>, write: () => number) => {
    const number = String(req.params['number']).toUpperCase();
    const rev = revisionParam(req.params['rev']);
    try {
      const id = write();
      res.redirect(303, `/proposals/${encodeURIComponent(number)}/${revPath(rev)}/comments?saved=1#comment-${id}`);
    } catch (error) {
      if (!isDomainError(error) || error.kind === 'unauthenticated' || error.code === 'proposal_not_found') throw error;
      const lead = errorLead(
        { status: 0, code: error.code, message: error.message, params: error.params },
        i18nOf(res).lang,
      );
      res.status(HTTP_STATUS[error.kind]);
      show(req, res, { form, fields, error: lead });
    }
  };

  router.get('/proposals/:number/:rev/comments', (req, res) => show(req, res, null));

  router.post('/proposals/:number/:rev/comments', requireAction(services, 'comments.write'), (req, res) => {
    const fields = fieldsOf(req, FIELDS);
    const form = fields['parentId'] ? fields['parentId'] : 'new';
    attempt(req, res, form, fields, () => {
      const body: Record<string, unknown> = { ...fields };
      for (const [k, v] of Object.entries(body)) if (v === '') delete body[k];
      return comments.add(String(req.params['number']), body, proposalActorOf(services, req)!).id;
    });
  });

  router.post(
    '/proposals/:number/:rev/comments/:id/disposition',
    requireAction(services, 'comments.dispose'),
    (req, res) => {
      const fields = fieldsOf(req, DISPOSITION_FIELDS);
      const id = String(req.params['id']);
      attempt(req, res, `d${id}`, fields, () => {
        const body: Record<string, unknown> = { ...fields };
        if (body['carriedIn'] === '') delete body['carriedIn'];
        const numeric = /^\d{1,12}$/.test(id) ? Number(id) : -1;
        return comments.dispose(String(req.params['number']), numeric, body, proposalActorOf(services, req)!).id;
      });
    },
  );

  router.get('/proposals/:number/:rev/resolution', (req, res) => {
    const i18n = i18nOf(res);
    const number = String(req.params['number']);
    const table = comments.resolution(number, revisionParam(req.params['rev']));
    const w = i18n.t.comments;
    const label = `${table.number}${table.rev}`;
    const lang = i18n.lang === 'en' ? 'en' : 'zh';
    const api = `/api/proposals/${table.number}/resolution?rev=${table.rev.slice(1)}&lang=${lang}`;
    const base = `/proposals/${table.number}/${table.rev.slice(1)}`;
    res.setHeader('Cache-Control', 'no-store');
    renderPage(
      ctx,
      req,
      res,
      'proposal-resolution',
      { title: fill(w.resolutionHeading, { label }), nav: 'process' },
      {
        heading: fill(w.resolutionHeading, { label }),
        title: lang === 'en' ? table.titleEn : table.titleZh,
        proposalHref: `/proposals/${table.number}`,
        draftHref: base,
        commentsHref: `${base}/comments`,
        state: table.complete ? w.complete : fill(w.incomplete, { count: table.counts.open }),
        complete: table.complete,
        empty: table.rows.length === 0,
        html: resolutionTableHtml(table, lang, base),
        downloads: [
          { href: `${api}&format=docx`, label: 'Word' },
          { href: `${api}&format=csv`, label: 'CSV' },
          { href: `${api}&format=md`, label: 'Markdown' },
          { href: `${api}&format=html`, label: 'HTML' },
          { href: `${api}&format=json`, label: 'JSON' },
        ],
      },
    );
  });
  return router;
}
