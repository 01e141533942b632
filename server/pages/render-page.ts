import type { Request, Response } from 'express';
import type { PortalContext } from './portal-context.ts';
import { buildChrome, type NavKey } from './layout/build-chrome.ts';

/** Renders `views/pages/<view>.ejs` with the chrome and the page's prepared view model. */
export function renderPage(
  ctx: Pick<PortalContext, 'stylesheetHref'>,
  req: Request,
  res: Response,
  view: string,
  page: { title: string; nav?: NavKey; searchQuery?: string },
  model: object,
): void {
  const chrome = buildChrome(req, res, { ...page, stylesheetHref: ctx.stylesheetHref });
  res.render(`pages/${view}`, { chrome, t: chrome.t, page: model });
}
