import type { Request, Response } from 'express';
import type { Messages } from '../../../content/i18n/messages.ts';
import type { Store } from '../../../db/store.ts';
import { can, type Action } from '../../../sync/accounts/authorize.ts';
import type { Services } from '../../../sync/create-services.ts';
import type { Csrf } from '../../auth/csrf.ts';
import { actorOf } from '../../auth/require-action.ts';
import { safeNext } from '../../auth/safe-next.ts';
import { i18nOf, type I18nLocals } from '../../i18n/i18n-middleware.ts';
import { renderPage, type PageContext } from '../render-page.ts';

/** The console's sections, each opened by one action of the authorisation table. */
export const SECTIONS = [
  { key: 'users', href: '/admin/users', action: 'users.read' },
  { key: 'projects', href: '/admin/projects', action: 'projects.manage' },
  { key: 'model', href: '/admin/model', action: 'console.view' },
  { key: 'exemptions', href: '/admin/exemptions', action: 'exemptions.manage' },
  { key: 'organisations', href: '/admin/organisations', action: 'organisations.manage' },
  { key: 'domains', href: '/admin/domains', action: 'domains.manage' },
  { key: 'deliveries', href: '/admin/deliveries', action: 'deliveries.read' },
  { key: 'audit', href: '/admin/audit', action: 'audit.read' },
] as const satisfies readonly { key: string; href: string; action: Action }[];

export type SectionKey = (typeof SECTIONS)[number]['key'] | 'overview';

/** What every console route needs. */
export interface ConsoleDeps {
  ctx: PageContext & { store: Store };
  services: Services;
  csrf: Csrf;
}

/** The sections this request's actor may open. */
export function sectionsFor(req: Request, t: Messages, current: SectionKey) {
  const actor = actorOf(req);
  return SECTIONS.filter((s) => can(actor, s.action).allowed).map((s) => ({
    href: s.href,
    label: t.admin.sections[s.key],
    current: s.key === current,
  }));
}

/** A date-time as the console shows it, the same in both languages (UTC, to the minute). */
export function when(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '';
}

/** Renders `views/pages/admin-<section>.ejs` with the console's navigation, notice and CSRF token. */
export function renderConsole(
  deps: ConsoleDeps,
  req: Request,
  res: Response,
  section: SectionKey,
  build: (i18n: I18nLocals) => object,
): void {
  const i18n = i18nOf(res);
  const { t } = i18n;
  const done = typeof req.query.done === 'string' ? req.query.done : undefined;
  const notices = t.admin.done as Record<string, string>;
  res.setHeader('Cache-Control', 'no-store');
  const title = section === 'overview' ? t.admin.title : t.admin.sections[section];
  renderPage(
    deps.ctx,
    req,
    res,
    `admin-${section}`,
    { title: `${title} · ${t.admin.title}` },
    {
      title,
      sections: sectionsFor(req, t, section),
      csrfToken: deps.csrf.token(req),
      notice: done && Object.hasOwn(notices, done) ? notices[done] : null,
      ...build(i18n),
    },
  );
}

/** A string field of a submitted form. */
export function formField(req: Request, name: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.trim() : '';
}

/** Back to the page the form was on (a path of this portal), saying what was done. */
export function redirectDone(req: Request, res: Response, fallback: string, done: string): void {
  const next = safeNext(formField(req, 'next'), fallback);
  const url = new URL(next, 'http://console.invalid');
  url.searchParams.set('done', done);
  res.redirect(303, `${url.pathname}${url.search}`);
}
