import type { Request, Response } from 'express';
import type { ErrorBody } from '../../errors/error-handler.ts';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import { fill } from '../../../content/i18n/messages.ts';
import { errorLead } from './error-lead.ts';
import { renderPage, type PageContext } from '../render-page.ts';

/**
 * The bilingual 404 and error pages. A 404 says what was not found and offers ways on; a 500 shows only the
 * request id (never the error); other 4xx show the error's own message, which says what to do next.
 */
export function createErrorPageRenderer(ctx: PageContext) {
  return (req: Request, res: Response, body: ErrorBody): void => {
    const { t, lang } = i18nOf(res);
    const notFound = body.status === 404;
    const serverError = body.status >= 500;
    const title = notFound
      ? t.errors.notFoundTitle
      : serverError
        ? t.errors.errorTitle
        : body.status === 401
          ? t.errors.signInRequiredTitle
          : body.status === 403
            ? t.errors.forbiddenTitle
            : body.status === 429
              ? t.errors.tooManyTitle
              : t.errors.badRequestTitle;
    renderPage(
      ctx,
      req,
      res,
      'error',
      { title },
      {
        status: String(body.status),
        heading: title,
        lead: notFound
          ? fill(t.errors.notFoundLead, { path: req.path })
          : serverError
            ? t.errors.errorLead
            : errorLead(body, lang),
        help: notFound ? t.errors.notFoundHelp : serverError ? t.errors.errorHelp : null,
        // A page that needs a signed-in visitor offers the sign-in, and comes back here afterwards.
        signIn:
          body.status === 401 && req.method === 'GET'
            ? `/signin?${new URLSearchParams({ next: req.originalUrl.startsWith('/') ? req.originalUrl : '/' })}`
            : null,
        requestId: serverError ? req.id : null,
        links: [
          { href: '/', label: t.errors.goHome },
          { href: '/projects', label: t.nav.projects },
          { href: '/search', label: t.nav.search },
        ],
      },
    );
  };
}
