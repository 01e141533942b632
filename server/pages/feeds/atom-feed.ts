import { Feed } from 'feed';
import { renderMessage } from '../../../content/i18n/render-message.ts';
import type { Lang } from '../../../kernel/i18n/languages.ts';
import type { FeedEntry } from './proposal-feed-entries.ts';

/** What one Atom document says about itself. */
export interface AtomFeedInput {
  /** The feed's absolute URL (its id and `rel="self"`). */
  self: string;
  /** The page the feed follows (`rel="alternate"`). */
  page: string;
  title: string;
  lang: Lang;
  base: string;
  entries: readonly FeedEntry[];
  /** When there is no entry: the time the feed's subject last changed. */
  fallbackUpdated: string;
}

/**
 * An Atom 1.0 document (the `feed` package) of proposal events, newest first, titles in `lang`. Entry ids are the
 * proposal's absolute URL with the event's key (`…/proposals/MP-2026-001#event-12`): stable across renders.
 */
export function atomFeed(input: AtomFeedInput): string {
  const newest = [...input.entries].sort((a, b) => b.at.localeCompare(a.at));
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
      title: renderMessage(entry.title, input.lang),
      link: page,
      date: new Date(entry.at),
      ...(lines.length ? { description: lines.join('\n') } : {}),
      author: [{ name: entry.actor }],
    });
  }
  return feed.atom1();
}
