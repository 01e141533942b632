import { messagesFor, type Messages } from '../../content/i18n/messages.ts';
import { LANGUAGES, type Lang } from '../../kernel/i18n/languages.ts';
import type { SiteLinks } from './site-links.ts';

const LANGUAGE_NAMES: Record<Lang, string> = { 'zh-CN': '中文', en: 'English' };

/** The assets every page may link, as output paths. */
export const ASSETS = {
  stylesheet: 'assets/site.css',
  own: 'assets/publication.css',
  labels: 'assets/draft-labels.css',
  favicon: 'assets/favicon.svg',
  clauseSearch: 'assets/clause-search.js',
  pagefindSearch: 'assets/pagefind-search.js',
} as const;

// The portal's Content-Security-Policy as a meta tag (frame-ancestors only works as a header, so it is left out):
// scripts and styles only from the site itself, no inline script. Pagefind compiles WebAssembly on its search page.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";
const CSP_WASM = CSP.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");

/** What the site's layout (views/site/top.ejs, bottom.ejs) shows around a page. */
export interface SiteChrome {
  lang: Lang;
  t: Messages;
  title: string;
  csp: string;
  nav: 'home' | 'search' | null;
  styles: string[];
  faviconHref: string;
  scripts: string[];
  homeHref: string;
  searchHref: string;
  feedHref: string;
  sitemapHref: string;
  languages: { lang: Lang; label: string; href: string; current: boolean }[];
}

/** The chrome of the page `logical` (a path without its language folder) in `lang`, its links made from `file`. */
export function siteChrome(
  links: SiteLinks,
  lang: Lang,
  logical: string,
  head: { title: string; nav?: 'home' | 'search'; labels?: boolean; scripts?: string[]; wasm?: boolean },
): SiteChrome {
  const file = links.page(lang, logical);
  const to = (target: string) => links.href(file, target);
  return {
    lang,
    t: messagesFor(lang),
    title: head.title,
    csp: head.wasm ? CSP_WASM : CSP,
    nav: head.nav ?? null,
    styles: [ASSETS.stylesheet, ASSETS.own, ...(head.labels ? [ASSETS.labels] : [])].map(to),
    faviconHref: to(ASSETS.favicon),
    scripts: (head.scripts ?? []).map(to),
    homeHref: to(links.page(lang, 'index.html')),
    searchHref: to(links.page(lang, 'search/index.html')),
    feedHref: to(links.page(lang, 'feed.xml')),
    sitemapHref: to('sitemap.xml'),
    languages: LANGUAGES.map((l) => ({
      lang: l,
      label: LANGUAGE_NAMES[l],
      href: to(links.page(l, logical)),
      current: l === lang,
    })),
  };
}
