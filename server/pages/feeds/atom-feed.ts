import { Feed } from 'feed';
import { renderMessage } from '../../../content/i18n/render-message.ts';
import type { Lang } from '../../../kernel/i18n/languages.ts';
import type { FeedEntry } from './proposal-feed-entries.ts';

// The `feed` package writes entry titles and summaries as `type="html"`: text from people (titles, comments) is
// escaped first, so a feed reader shows `<script>` as text and never runs it.
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const asHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** What one Atom document says about itself. */
export interface AtomFeedInput {
  /** The feed's absolute URL (its id and `rel="self"`). */
  self: string;
  /** The page the feed follows (`rel="alternate"`). */
  page: string;
  title: string;
  lang: Lang;
  base: string;
  /** Oldest first. */
  entries: readonly FeedEntry[];
  /** When there is no entry: the time the feed's subject last changed. */
  fallbackUpdated: string;
}

/**
 * An Atom 1.0 document (the `feed` package) of proposal events, newest first, titles in `lang`. Entry ids are the
 * proposal's absolute URL with the event's key (`…/proposals/MP-2026-001#event-12`): stable across renders.
 */
export function atomFeed(input: AtomFeedInput): string {
  // Newest first; of two events at the same instant, the later one in the (oldest-first) input comes first.
  const newest = input.entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.at.localeCompare(a.entry.at) || b.index - a.index)
    .map(({ entry }) => entry);
  const feed = new Feed({
    id: input.self,
    title: input.title,
    link: input.page,
    language: input.lang,
    updated: new Date(newest[0]?.at ?? input.fallbackUpdated),
    feedLinks: { atom: input.self },
    generator: 'Magnolia',
    copyright: '',
  });
  for (const entry of newest) {
    const page = `${input.base}/proposals/${encodeURIComponent(entry.number)}`;
    const lines = [entry.comment, entry.decision ?? ''].filter((line) => line.trim() !== '');
    feed.addItem({
      id: `${page}#${entry.key}`,
      title: asHtml(renderMessage(entry.title, input.lang)),
      link: page,
      date: new Date(entry.at),
      ...(lines.length ? { description: asHtml(lines.join('\n')) } : {}),
      author: [{ name: entry.actor }],
    });
  }
  return feed.atom1();
}
