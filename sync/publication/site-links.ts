import path from 'node:path';
import type { Lang } from '../../kernel/i18n/languages.ts';

/** How the site's pages name each other: relative file paths (file:// works) or absolute under a base path. */
export interface SiteLinks {
  /** `''` for relative links; `/standards/` (leading and trailing slash) for absolute ones. */
  basePath: string;
  /** The output path of a page in a language: zh-CN at the root, English under `en/` (`MP-2026-001/index.html`). */
  page(lang: Lang, logical: string): string;
  /** The href from the page at output path `from` to the file at output path `to`. */
  href(from: string, to: string): string;
  /** The path of a file relative to the base path as the sitemap and feeds write it without a site URL. */
  published(to: string): string;
}

const LANG_DIR: Record<Lang, string> = { 'zh-CN': '', en: 'en/' };

/**
 * Links of a site built for `basePath` (empty: relative). Relative links always name `index.html`, so a folder
 * opened from disk works; absolute ones drop it, as a web server serves the folder.
 *   relative: href('MP-2026-001/01/index.html', 'assets/site.css') → '../../assets/site.css'
 *   '/standards/': href(…, 'MP-2026-001/01/index.html') → '/standards/MP-2026-001/01/'
 */
export function siteLinks(basePath: string): SiteLinks {
  const base = normaliseBasePath(basePath);
  const absolute = (to: string) => `${base}${to.replace(/(^|\/)index\.html$/, '$1')}`;
  return {
    basePath: base,
    page: (lang, logical) => `${LANG_DIR[lang]}${logical}`,
    href(from, to) {
      if (base !== '') return encodeURI(absolute(to));
      const rel = relative(from, to);
      return encodeURI(rel === '' ? path.posix.basename(to) : rel);
    },
    published: (to) => encodeURI(base === '' ? to : absolute(to)),
  };
}

// What path.posix.relative(dirname(from), to) says, for the builder's own paths (no `.`, `..` or empty segment),
// without resolving both against the working folder: a build computes it some hundred thousand times.
function relative(from: string, to: string): string {
  if (UNUSUAL.test(from) || UNUSUAL.test(to) || from === '' || to === '')
    return path.posix.relative(path.posix.dirname(from), to);
  const dir = from.split('/');
  const target = to.split('/');
  const depth = dir.length - 1;
  let common = 0;
  while (common < depth && common < target.length && dir[common] === target[common]) common += 1;
  let rel = '../'.repeat(depth - common);
  for (let i = common; i < target.length; i += 1) rel += i === common ? target[i] : `/${target[i]}`;
  return rel.endsWith('/') ? rel.slice(0, -1) : rel;
}
const UNUSUAL = /(?:^|\/)\.{1,2}(?:\/|$)|\/\/|^\/|\/$/;

/** `standards` → `/standards/`; `''` and `.` → `''` (relative). */
export function normaliseBasePath(basePath: string): string {
  const trimmed = basePath.trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '' || trimmed === '.') return basePath.trim().startsWith('/') ? '/' : '';
  return `/${trimmed}/`;
}
