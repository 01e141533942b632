import type { Request, Response } from 'express';
import type { ViewRenderer } from '../../content/render/render-view.ts';
import { accountChromeOf } from '../auth/identify.ts';
import { isAnonymous } from '../auth/is-anonymous.ts';
import { i18nOf } from '../i18n/i18n-middleware.ts';
import { buildChrome, type NavKey, type SiteInfo } from './layout/build-chrome.ts';
import { searchParamsOf } from './layout/url-with.ts';
import type { PageCache, PageCacheSlot } from './page-cache.ts';

/** What rendering a page needs from the portal. */
export interface PageContext {
  views: ViewRenderer;
  pages: PageCache;
  stylesheetHref: string;
  site: SiteInfo;
}

/** A page's title, its place in the navigation, and the search box's query. */
export interface PageHead {
  title: string;
  nav?: NavKey;
  searchQuery?: string;
}

/**
 * Renders `views/pages/<view>.ejs` with the chrome and the page's prepared view model, and sends it. With a cache
 * slot (anonymous requests only, see `cachedPage`), the HTML is kept in the page cache as it is sent.
 */
export function renderPage(
  ctx: PageContext,
  req: Request,
  res: Response,
  view: string,
  head: PageHead,
  model: object,
  slot?: PageCacheSlot,
): void {
  const html = renderPageHtml(ctx, req, res, view, head, model);
  if (slot) {
    ctx.pages.keep(res, slot, html);
    return;
  }
  res.setHeader('X-Page-Cache', isAnonymous(req.headers) ? 'miss' : 'bypass');
  res.type('html').send(html);
}

/** The HTML `renderPage` sends, for a page that sends it itself (the draft page adds the stored draft as bytes). */
export function renderPageHtml(
  ctx: PageContext,
  req: Request,
  res: Response,
  view: string,
  head: PageHead,
  model: object,
): string {
  const { lang } = i18nOf(res);
  const chrome = buildChrome({
    ...head,
    lang,
    path: req.path,
    query: searchParamsOf(req.originalUrl),
    stylesheetHref: ctx.stylesheetHref,
    account: accountChromeOf(res),
    signIn: res.locals.signInOffered === true,
    site: ctx.site,
  });
  return ctx.views.render(`pages/${view}`, { chrome, t: chrome.t, page: model });
}

/**
 * The cache slot of a page for this request, or undefined when the request carries credentials (a signed-in page
 * is never shared). The view, the language and the whole URL (filters, page, `?lang=`) make the key; `version`
 * says what the page was derived from.
 */
export function cachedPage(
  req: Request,
  lang: string,
  view: string,
  version: string,
  expiresAt?: number,
): PageCacheSlot | undefined {
  if (!isAnonymous(req.headers)) return undefined;
  return { key: `${view}\u0000${lang}\u0000${req.originalUrl}`, version, expiresAt };
}
