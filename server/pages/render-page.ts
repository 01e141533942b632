import type { NextFunction, Request, Response } from 'express';
import type { PageCache, PageCacheSlot } from './page-cache.ts';
import type { PortalContext } from './portal-context.ts';
import { buildChrome, type NavKey } from './layout/build-chrome.ts';

/**
 * Renders `views/pages/<view>.ejs` with the chrome and the page's prepared view model. With `cache`, the HTML is
 * kept in the page cache under the slot (see `cachedPage`) before it is sent.
 */
export function renderPage(
  ctx: Pick<PortalContext, 'stylesheetHref'>,
  req: Request,
  res: Response,
  view: string,
  page: { title: string; nav?: NavKey; searchQuery?: string },
  model: object,
  cache?: { pages: PageCache; slot: PageCacheSlot; next: NextFunction },
): void {
  const chrome = buildChrome(req, res, { ...page, stylesheetHref: ctx.stylesheetHref });
  const locals = { chrome, t: chrome.t, page: model };
  if (!cache) {
    res.render(`pages/${view}`, locals);
    return;
  }
  res.render(`pages/${view}`, locals, (error: Error | null, html: string) => {
    if (error) cache.next(error);
    else cache.pages.keep(res, cache.slot, html);
  });
}

/**
 * The cache slot of a page for this request: the view, the language, the year in the footer and the whole URL
 * (filters, page, `?lang=`) make the key; `version` says what the page was derived from.
 */
export function cachedPage(
  req: Request,
  lang: string,
  view: string,
  version: string,
  expiresAt?: number,
): PageCacheSlot {
  return {
    key: `${view}\u0000${lang}\u0000${new Date().getUTCFullYear()}\u0000${req.originalUrl}`,
    version,
    expiresAt,
  };
}
