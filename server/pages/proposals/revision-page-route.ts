import { createHash } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { DraftManifest, LintIssue } from '../../../content/draft/draft-types.ts';
import { draftLabelCss } from '../../../content/render/draft/draft-label-css.ts';
import { DRAFT_HTML_MARKER, renderDraftHtml } from '../../../content/render/render-draft-html.ts';
import { DomainError } from '../../../kernel/errors/domain-error.ts';
import type { Services } from '../../../sync/create-services.ts';
import { accountChromeOf } from '../../auth/identify.ts';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import { renderPageHtml, type PageContext } from '../render-page.ts';
import { isAnonymous } from '../../auth/is-anonymous.ts';
import { createDraftPageCache, type CachedDraftPage } from './draft-page-cache.ts';
import { revPath, revisionPageModel } from './revision-page-model.ts';
import { annotateDraftComments } from './annotate-draft-comments.ts';
import { portalImages } from './portal-images.ts';
import { proposalActorOf } from '../../auth/proposal-actor.ts';
import { fill } from '../../../content/i18n/messages.ts';

type Deps = Pick<Services, 'proposals' | 'comments' | 'accounts'>;

const REV = /^-?(\d{1,4})$/;
const MARKER = Buffer.from(DRAFT_HTML_MARKER);
// Where the view leaves the draft; the page's bytes are spliced there.
const SLOT = '<!-- magnolia-draft-slot -->';
const digest = (text: string) => createHash('sha1').update(text).digest('base64url').slice(0, 16);

/**
 * `GET /proposals/:number/:rev`: one revision as a readable standard. The address's form is `00`, `01`; `-01`, `1`
 * redirect to it. A ready revision never changes, so its page carries an ETag of what it is made of (the revision,
 * the language, the account chrome) and answers 304 without rendering; Vary (Accept-Language, Cookie) comes from
 * the i18n middleware. `GET /draft-labels.css`: the repeated labels of the draft HTML in the reader's language.
 */
export function createRevisionPages(ctx: PageContext, services: Deps): Router {
  const router = express.Router();
  const labels = draftLabelCss();
  const labelsHref = `/draft-labels.css?v=${digest(labels)}`;
  // Revisions stored before the draft page have the generic HTML: rendered again from their Markdown, once per
  // process (a few kept; they are small and few).
  const rerendered = new Map<string, string>();
  const pageHtmlOf = (key: string, md: string, manifestJson: string): string => {
    let html = rerendered.get(key);
    if (html === undefined) {
      html = renderDraftHtml(md, JSON.parse(manifestJson) as DraftManifest);
      rerendered.set(key, html);
      if (rerendered.size > 8) rerendered.delete(rerendered.keys().next().value!);
    }
    return html;
  };

  const pagesSent = createDraftPageCache();
  const sendPage = (req: Request, res: Response, page: CachedDraftPage) => {
    res.type('html').vary('Accept-Encoding');
    if (page.gzip && req.acceptsEncodings('gzip') === 'gzip') res.set('Content-Encoding', 'gzip').send(page.gzip);
    else res.send(page.identity);
  };

  router.get('/draft-labels.css', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8').send(labels);
  });

  router.get('/proposals/:number/:rev', (req: Request, res: Response) => {
    const number = String(req.params['number']);
    const found = REV.exec(String(req.params['rev']));
    if (!found)
      throw new DomainError('not-found', 'revision_not_found', `"${req.params['rev']}" is not a revision (00, 01 …)`);
    const rev = Number(found[1]);
    const canonical = revPath(rev);
    if (req.params['rev'] !== canonical) {
      const query = req.originalUrl.indexOf('?');
      res.redirect(
        301,
        `/proposals/${encodeURIComponent(number)}/${canonical}${query < 0 ? '' : req.originalUrl.slice(query)}`,
      );
      return;
    }
    const i18n = i18nOf(res);
    // A visitor's page of a ready revision is built once and sent from memory (gzip when asked for).
    const visitor = isAnonymous(req.headers);
    // Comments change the page (their counts on the clauses): what they are is part of every key and ETag.
    const commentsVersion = services.comments.version(number);
    const shared = visitor
      ? pagesSent.get(`${number}\0${rev}\0${i18n.lang}\0${req.originalUrl}\0${commentsVersion}`)
      : undefined;
    if (shared) {
      res.set('ETag', shared.etag).set('Cache-Control', 'public, max-age=300');
      if (req.fresh) {
        res.status(304).end();
        return;
      }
      sendPage(req, res, shared);
      return;
    }
    const { summary, lintJson, html: stored } = services.proposals.revisionPage(number, rev);
    let etag = '';
    if (summary.status === 'ready') {
      const account = JSON.stringify(accountChromeOf(res) ?? null);
      const what = [
        summary.number,
        rev,
        i18n.lang,
        ctx.stylesheetHref,
        labelsHref,
        req.originalUrl,
        account,
        commentsVersion,
      ];
      etag = `W/"${digest([...what, res.locals.signInOffered === true].join('\0'))}"`;
      res.set('ETag', etag);
      res.set('Cache-Control', accountChromeOf(res) ? 'private, no-cache' : 'public, max-age=300');
      if (req.fresh) {
        res.status(304).end();
        return;
      }
    } else res.set('Cache-Control', 'no-store');
    // The stored HTML goes out as the bytes SQLite holds; an older revision's generic HTML is rendered again.
    let draft: Buffer | null = null;
    let rerendered = false;
    if (stored !== null && summary.status === 'ready') {
      if (stored.subarray(0, MARKER.length).equals(MARKER)) draft = stored;
      else {
        const { row } = services.proposals.revision(number, rev);
        if (row.draft_md !== null && row.manifest_json !== null) {
          draft = Buffer.from(pageHtmlOf(`${summary.number}/${rev}`, row.draft_md, row.manifest_json));
          rerendered = true;
        }
      }
    }
    let commentsCount = 0;
    const proposal = services.proposals.get(number, null);
    if (draft !== null) {
      const view = services.comments.list(number, rev, visitor ? null : proposalActorOf(services, req));
      commentsCount = view.comments.length;
      const w = i18n.t.comments;
      const html = portalImages(draft.toString('utf8'), { name: proposal.project, commit: summary.commit });
      draft = Buffer.from(
        annotateDraftComments(html, {
          commentsHref: `/proposals/${view.number}/${revPath(rev)}/comments`,
          counts: view.counts,
          mayComment: view.mayComment && view.currentRev === rev,
          commentLabel: w.commentOnClause,
          countLabel: (count) => fill(w.countOnClause, { count }),
        }),
      );
    }
    const model = revisionPageModel(
      {
        proposal,
        revision: summary,
        html: draft === null ? null : SLOT,
        lint: lintJson === null ? null : (JSON.parse(lintJson) as LintIssue[]),
        rerendered,
        labelsHref,
        comments: draft === null ? null : commentsCount,
      },
      i18n.t,
      i18n.lang,
    );
    const head = { title: `${model.label} ${model.title}`, nav: 'process' as const };
    const page = renderPageHtml(ctx, req, res, 'proposal-revision', head, model);
    const at = draft === null ? -1 : page.indexOf(SLOT);
    const body =
      at < 0
        ? Buffer.from(page)
        : Buffer.concat([Buffer.from(page.slice(0, at)), draft!, Buffer.from(page.slice(at + SLOT.length))]);
    if (visitor && summary.status === 'ready' && draft !== null) {
      const key = `${summary.number}\0${rev}\0${i18n.lang}\0${req.originalUrl}\0${commentsVersion}`;
      pagesSent.put(key, etag, body);
    }
    res.type('html').vary('Accept-Encoding').send(body);
  });
  return router;
}
