import type { NotificationRow } from '../../db/notifications/notification-queries.ts';
import { fill, messagesFor } from '../../content/i18n/messages.ts';
import { renderMessage } from '../../content/i18n/render-message.ts';
import type { Lang } from '../../kernel/i18n/languages.ts';
import { storedMessage } from '../../kernel/i18n/message.ts';

/** The subject and plain text of a notification's e-mail, in the recipient's language. */
export function composeMail(row: NotificationRow, lang: Lang, baseUrl: string): { subject: string; text: string } {
  const t = messagesFor(lang);
  const base = baseUrl.replace(/\/+$/, '');
  const what = storedMessage(row.what);
  const ask = storedMessage(row.ask);
  const whatText = what ? renderMessage(what, lang) : row.number;
  const askText = ask ? renderMessage(ask, lang) : '';
  // One line: a subject never carries a line break (header injection), whatever a title holds.
  const subject = fill(t.inbox.mail.subject, { site: t.site.name, what: whatText }).replace(/[\r\n]+/g, ' ');
  const text = [
    whatText,
    '',
    askText,
    '',
    fill(t.inbox.mail.proposal, { link: `${base}/proposals/${encodeURIComponent(row.number)}` }),
    fill(t.inbox.mail.inbox, { link: `${base}/inbox` }),
    '',
    fill(t.inbox.mail.why, { link: `${base}/account` }),
    '',
  ].join('\n');
  return { subject, text };
}
