import type { Lang } from '../../kernel/i18n/languages.ts';

/** One entry of the site's Atom feed: a revision made public, or a standard published. */
export interface SiteFeedEntry {
  /** A stable IRI (`urn:magnolia:MP-2026-001:01`). */
  id: string;
  title: string;
  /** The page the entry announces (absolute with a site URL, else relative to the feed's own address). */
  link: string;
  at: string;
}

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/**
 * The Atom 1.0 document of the site's publications, newest first (at most `limit`). Written here rather than with
 * the `feed` package because a site built without its URL links its pages by relative references, which Atom
 * allows (resolved against the feed's address) and that package refuses. Titles are text (`type="text"`,
 * escaped), so a title holding `<script>` is shown, never run. It depends only on its entries (no build time in
 * it): a rebuild with nothing new writes the same bytes.
 */
export function siteFeed(input: {
  id: string;
  title: string;
  self: string;
  home: string;
  lang: Lang;
  entries: readonly SiteFeedEntry[];
  limit?: number;
}): string {
  const newest = [...input.entries]
    .sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id))
    .slice(0, input.limit ?? 100);
  const updated = newest[0]?.at ?? '2000-01-01T00:00:00.000Z';
  const entries = newest.map(
    (e) =>
      `  <entry>\n    <id>${escapeXml(e.id)}</id>\n    <title type="text">${escapeXml(e.title)}</title>\n` +
      `    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>\n    <updated>${escapeXml(e.at)}</updated>\n  </entry>\n`,
  );
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${input.lang}">\n` +
    `  <id>${escapeXml(input.id)}</id>\n  <title type="text">${escapeXml(input.title)}</title>\n` +
    `  <updated>${escapeXml(updated)}</updated>\n  <generator>Magnolia</generator>\n` +
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(input.self)}"/>\n` +
    `  <link rel="alternate" type="text/html" href="${escapeXml(input.home)}"/>\n` +
    `  <author><name>Magnolia</name></author>\n${entries.join('')}</feed>\n`
  );
}
