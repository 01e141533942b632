import type { Formatters } from '../../../content/i18n/formatters.ts';
import { fill, type Messages } from '../../../content/i18n/messages.ts';
import { renderMessage } from '../../../content/i18n/render-message.ts';
import type { Lang } from '../../../kernel/i18n/languages.ts';
import type { InboxItem } from '../../../sync/notifications/notifications-service.ts';

/** What `/inbox` shows: the person's notifications in their language, unread first. */
export interface InboxModel {
  unreadText: string;
  hasUnread: boolean;
  items: {
    id: number;
    what: string;
    ask: string;
    yourTurn: boolean;
    kindLabel: string;
    unread: boolean;
    date: string;
    isoDate: string;
    href: string;
    openLabel: string;
  }[];
  csrfToken: string;
  notice: string | null;
}

/** Builds the inbox page's model. */
export function inboxModel(
  inbox: { items: InboxItem[]; unread: number },
  i18n: { t: Messages; fmt: Formatters; lang: Lang },
  csrfToken: string,
  done: string | undefined,
): InboxModel {
  const { t, fmt, lang } = i18n;
  const notices = t.inbox.done as Record<string, string>;
  return {
    unreadText: fill(t.inbox.unread, { count: inbox.unread }),
    hasUnread: inbox.unread > 0,
    items: inbox.items.map((item) => ({
      id: item.id,
      what: renderMessage(item.what, lang),
      ask: renderMessage(item.asked, lang),
      yourTurn: item.yourTurn,
      kindLabel: item.yourTurn ? t.inbox.yourTurn : t.inbox.forYourInformation,
      unread: item.readAt === null,
      date: fmt.date(item.createdAt),
      isoDate: item.createdAt,
      href: item.link,
      openLabel: fill(t.inbox.open, { number: item.number }),
    })),
    csrfToken,
    notice: done !== undefined && Object.hasOwn(notices, done) ? notices[done]! : null,
  };
}
