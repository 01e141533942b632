import type { Request, Response } from 'express';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import { LANGUAGES, type Lang } from '../../../kernel/i18n/languages.ts';
import type { Messages } from '../../../content/i18n/messages.ts';
import { searchParamsOf, urlWith } from './url-with.ts';

/** The navigation entries; `key` names their label in the catalogue. */
export type NavKey = 'home' | 'projects' | 'maturityModel' | 'process' | 'about' | 'faq' | 'search';

const NAV: { key: Exclude<NavKey, 'search'>; href: string }[] = [
  { key: 'home', href: '/' },
  { key: 'projects', href: '/projects' },
  { key: 'maturityModel', href: '/maturity-model' },
  { key: 'process', href: '/process' },
  { key: 'about', href: '/about' },
  { key: 'faq', href: '/faq' },
];

const LANGUAGE_NAMES: Record<Lang, string> = { 'zh-CN': '中文', en: 'English' };

/** The parts of every page around its content: `<html lang>`, title, navigation, language switch, search box. */
export interface Chrome {
  lang: Lang;
  t: Messages;
  title: string;
  stylesheetHref: string;
  nav: { href: string; label: string; current: boolean }[];
  languages: { href: string; label: string; lang: Lang; current: boolean }[];
  searchQuery: string;
  year: string;
}

/** Builds the chrome of a page for this request. */
export function buildChrome(
  req: Request,
  res: Response,
  page: { title: string; nav?: NavKey; stylesheetHref: string; searchQuery?: string },
): Chrome {
  const { lang, t } = i18nOf(res);
  const query = searchParamsOf(req.originalUrl);
  return {
    lang,
    t,
    title: page.title === t.site.name ? `${t.site.name} · ${t.site.tagline}` : `${page.title} · ${t.site.name}`,
    stylesheetHref: page.stylesheetHref,
    nav: NAV.map(({ key, href }) => ({ href, label: t.nav[key], current: page.nav === key })),
    // Each link keeps the page and its filters and only changes the language (remembered by a cookie).
    languages: LANGUAGES.map((l) => ({
      href: urlWith(req.path, query, { lang: l }),
      label: LANGUAGE_NAMES[l],
      lang: l,
      current: l === lang,
    })),
    searchQuery: page.searchQuery ?? '',
    year: String(new Date().getUTCFullYear()),
  };
}
