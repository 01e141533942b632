import { fill, type Messages } from '../../../content/i18n/messages.ts';

const PROPOSAL = /^\/proposals\/(MP-\d{4}-\d{3,})$/i;

/**
 * The Atom feeds a page announces in its head, from its path alone (so the proposal views need not know):
 * `/proposals` → every proposal event and the proposals open for public comment; `/proposals/MP-2026-001` → its
 * history.
 */
export function feedLinks(path: string, t: Messages): { href: string; title: string }[] {
  if (path === '/proposals' || path === '/proposals/')
    return [
      { href: '/proposals/feed.atom', title: t.inbox.feeds.all },
      { href: '/proposals/feed.atom?stage=public-comment', title: t.inbox.feeds.comment },
    ];
  const match = PROPOSAL.exec(path);
  if (match) {
    const number = match[1]!.toUpperCase();
    return [{ href: `/proposals/${number}/feed.atom`, title: fill(t.inbox.feeds.historyOf, { number }) }];
  }
  return [];
}
