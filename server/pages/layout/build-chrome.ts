import { LANGUAGES, type Lang } from '../../../kernel/i18n/languages.ts';
import { fill, messagesFor, type Messages } from '../../../content/i18n/messages.ts';
import type { AccountChrome } from '../../auth/identify.ts';
import { feedLinks } from './feed-links.ts';
import { urlWith } from './url-with.ts';

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
  /** The person signed in (their name, the sign-out form's CSRF token), only on pages rendered for them. */
  account: AccountChrome | null;
  /** The sign-in link for visitors (back to this page afterwards), when this portal offers a sign-in. */
  signInHref: string | null;
  faviconHref: string;
  /** The Atom feeds of this page, for `<link rel="alternate" type="application/atom+xml">` in the head. */
  feeds: { href: string; title: string }[];
  /** The header's inbox link as a screen reader says it ("Inbox, 3 unread"), when something is unread. */
  inboxLabel: string;
  /** The footer's line naming the community and its contact address (from the configuration), or null. */
  footer: { community: string | null; contactText: string | null; contactHref: string | null };
}

/** What every page says about the site itself (from the configuration). */
export interface SiteInfo {
  faviconHref: string;
  communityName: { en: string; zh: string } | null;
  contactEmail: string | null;
}

/** Where a page is and what it is: all a page's chrome depends on (no request object). */
export interface ChromeInput {
  lang: Lang;
  /** The page's path (decoded as routed) and query, for the language links. */
  path: string;
  query: URLSearchParams;
  title: string;
  nav?: NavKey;
  stylesheetHref: string;
  searchQuery?: string;
  account?: AccountChrome;
  /** Whether the portal offers a sign-in (GitHub OAuth configured, or the offline demo). */
  signIn?: boolean;
  /** Absent for views rendered without a portal (tests, tools): the plain favicon, no footer line. */
  site?: SiteInfo;
}

/** Builds the chrome of a page. */
export function buildChrome(input: ChromeInput): Chrome {
  const { lang } = input;
  const t = messagesFor(lang);
  const site = input.site ?? { faviconHref: '/favicon.ico', communityName: null, contactEmail: null };
  return {
    lang,
    t,
    title: input.title === t.site.name ? `${t.site.name} · ${t.site.tagline}` : `${input.title} · ${t.site.name}`,
    stylesheetHref: input.stylesheetHref,
    nav: NAV.map(({ key, href }) => ({ href, label: t.nav[key], current: input.nav === key })),
    // Each link keeps the page and its filters and only changes the language (remembered by a cookie).
    languages: LANGUAGES.map((l) => ({
      href: urlWith(input.path, input.query, { lang: l }),
      label: LANGUAGE_NAMES[l],
      lang: l,
      current: l === lang,
    })),
    searchQuery: input.searchQuery ?? '',
    account: input.account ?? null,
    feeds: feedLinks(input.path, t),
    inboxLabel: fill(t.inbox.badge, { count: input.account?.unread ?? 0 }),
    signInHref:
      input.signIn && !input.account && input.path !== '/signin'
        ? `/signin?${new URLSearchParams({ next: urlWith(input.path, input.query, { lang: undefined }) })}`
        : null,
    faviconHref: site.faviconHref,
    footer: {
      community: site.communityName
        ? fill(t.site.community, {
            community: lang === 'en' ? site.communityName.en : site.communityName.zh,
          })
        : null,
      contactText: site.contactEmail ? fill(t.site.contact, { email: site.contactEmail }) : null,
      contactHref: site.contactEmail ? `mailto:${site.contactEmail}` : null,
    },
  };
}
