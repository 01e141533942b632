import express, { type Request, type Response, type Router } from 'express';
import { fill } from '../../../content/i18n/messages.ts';
import { isDomainError } from '../../../kernel/errors/domain-error.ts';
import type { Services } from '../../../sync/create-services.ts';
import { HTTP_STATUS } from '../../errors/http-status.ts';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import { renderPage, type PageContext } from '../render-page.ts';
import { markedLines } from './marked-lines.ts';
import { sourceModel } from './source-model.ts';

type Deps = Pick<Services, 'sources'>;
type SourceErrorCode = keyof ReturnType<typeof i18nOf>['t']['source']['errors'];

const FULL_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** `owner/repo`, the commit and the file path of a source address (Express 5 gives the wildcard as segments). */
function partsOf(req: Request): { fullName: string; sha: string; filePath: string } {
  const wildcard = req.params['path'] as unknown;
  const filePath = Array.isArray(wildcard) ? wildcard.map(String).join('/') : String(wildcard ?? '');
  return { fullName: `${req.params['owner']}/${req.params['repo']}`, sha: String(req.params['sha']), filePath };
}

/**
 * `GET /source/:owner/:repo/blob/:sha/*path`: a member project's file at a commit, from its mirror — the commit's
 * author, date and message, the lines escaped as text with `#L<n>` anchors, the lines `?lines=a-b` asks for marked
 * (in a `<tbody id="La-Lb">`, so `#La-Lb` scrolls there without script), blame at that commit, a link to the upstream
 * permalink. An abbreviated SHA redirects to the full one. `GET /source/:owner/:repo/raw/:sha/*path`: the file's
 * bytes as a download. `GET /source/:owner/:repo/image/:sha/*path`: an image a draft shows, typed by its bytes (PNG,
 * JPEG, GIF, WebP, SVG; anything else is refused), under a policy that lets an SVG opened on its own run nothing. Unknown repositories, commits and paths, folders and refused paths get pages in the
 * reader's language that say which.
 */
export function createSourceRoute(ctx: PageContext, services: Deps): Router {
  const router = express.Router();

  // A refusal of the sources service as a page saying what is wrong; anything else goes to the error handler.
  const refuse = (req: Request, res: Response, error: unknown): void => {
    if (!isDomainError(error) || !error.code.startsWith('source_')) throw error;
    const { t } = i18nOf(res);
    const status = HTTP_STATUS[error.kind];
    const heading = status === 404 ? t.source.notFoundTitle : t.source.invalidTitle;
    const template = t.source.errors[error.code as SourceErrorCode] ?? error.message;
    const params = Object.fromEntries(Object.entries(error.params).map(([k, v]) => [k, String(v)]));
    res.status(status);
    renderPage(
      ctx,
      req,
      res,
      'error',
      { title: heading },
      {
        status: String(status),
        heading,
        lead: fill(template, params),
        help: null,
        signIn: null,
        requestId: null,
        links: [
          ...(params['repository'] ? [{ href: `/projects/${params['repository']}`, label: params['repository'] }] : []),
          { href: '/', label: t.errors.goHome },
          { href: '/projects', label: t.nav.projects },
        ],
      },
    );
  };

  // An abbreviated SHA answers with the address of the full one (the rest of the address kept).
  const redirectToFull = async (req: Request, res: Response, kind: 'blob' | 'raw' | 'image'): Promise<boolean> => {
    const { fullName, sha } = partsOf(req);
    if (FULL_SHA.test(sha)) return false;
    const full = await services.sources.resolveCommit(fullName, sha);
    // `/source/<owner>/<repo>/<kind>/<sha>/<path>?<query>`: only the SHA's segment changes.
    const query = req.originalUrl.indexOf('?');
    const segments = (query < 0 ? req.originalUrl : req.originalUrl.slice(0, query)).split('/');
    segments[5] = full;
    res.redirect(302, `${segments.join('/')}${query < 0 ? '' : req.originalUrl.slice(query)}`);
    return true;
  };

  router.get('/source/:owner/:repo/blob/:sha/*path', async (req, res) => {
    try {
      if (await redirectToFull(req, res, 'blob')) return;
      const { fullName, sha, filePath } = partsOf(req);
      const file = await services.sources.file(fullName, sha, filePath);
      const { t, fmt } = i18nOf(res);
      const model = sourceModel({ file, marked: markedLines(req.query['lines'], file.lines.length), t, fmt });
      renderPage(ctx, req, res, 'source', { title: `${file.path} · ${file.repository}`, nav: 'projects' }, model);
    } catch (error) {
      refuse(req, res, error);
    }
  });

  router.get('/source/:owner/:repo/raw/:sha/*path', async (req, res) => {
    try {
      if (await redirectToFull(req, res, 'raw')) return;
      const { fullName, sha, filePath } = partsOf(req);
      const raw = await services.sources.raw(fullName, sha, filePath);
      // Never rendered by the browser: a download of bytes, whatever the file's name says.
      res.attachment(raw.name);
      res.set({
        'Content-Type': 'application/octet-stream',
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'public, max-age=86400',
      });
      res.send(raw.content);
    } catch (error) {
      refuse(req, res, error);
    }
  });
  router.get('/source/:owner/:repo/image/:sha/*path', async (req, res) => {
    try {
      if (await redirectToFull(req, res, 'image')) return;
      const { fullName, sha, filePath } = partsOf(req);
      const image = await services.sources.image(fullName, sha, filePath);
      // The bytes at a full SHA never change. The type is the one the bytes are, whatever the name says; an SVG
      // opened as a page is sandboxed and may load nothing (as an <img> it never runs script anyway).
      res.set({
        'Content-Type': image.facts.mime,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        'Cache-Control': 'public, max-age=31536000, immutable',
        ETag: `"${image.blob}"`,
      });
      if (req.fresh) {
        res.status(304).end();
        return;
      }
      res.send(image.bytes);
    } catch (error) {
      refuse(req, res, error);
    }
  });
  return router;
}
