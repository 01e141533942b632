import type { Lang } from '../../../kernel/i18n/languages.ts';

/**
 * The name of a domain for a reader: its name in the reader's language, else a readable form of its slug
 * ("industrial-internet" → "Industrial internet"), never the raw slug. A domain created by `project add --domain`
 * has no names until an administrator gives them (`magnolia domain name`, `PUT /api/admin/domains/:slug`).
 */
export function domainLabel(slug: string, lang: Lang, names?: { en: string; zh: string }): string {
  if (slug === '') return '';
  const named = names ? (lang === 'en' ? names.en : names.zh) : '';
  if (named && named !== slug) return named;
  // The other language's name beats a slug (an English name on a Chinese page is still a name).
  const other = names ? (lang === 'en' ? names.zh : names.en) : '';
  if (other && other !== slug) return other;
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
